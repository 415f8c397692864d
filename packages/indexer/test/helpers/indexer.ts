import type { Deployment } from "@lantern/sdk";
import { silentLogger } from "../../src/common/logger.ts";
import {
  createIndexer,
  type DatabaseConfig,
  digestTables,
  type Indexer,
  type IndexerProgress,
} from "../../src/index.ts";
import type { TestChain } from "./chain.ts";
import type { TestDatabase } from "./databases.ts";

/** An indexer with test defaults: quiet, polling fast. */
export function testIndexer(
  rpcUrl: string,
  deployment: Deployment,
  database: DatabaseConfig,
  extra: Partial<Parameters<typeof createIndexer>[0]> = {},
): Indexer & { reports: IndexerProgress[] } {
  const reports: IndexerProgress[] = [];
  const indexer = createIndexer({
    rpcUrl,
    deployment,
    database,
    logger: silentLogger,
    pollingIntervalMs: 50,
    onProgress: (p) => reports.push(p),
    ...extra,
  });
  return Object.assign(indexer, { reports });
}

/** Waits until `check` returns true, polling; fails after `ms`. */
export async function eventually(
  check: () => Promise<boolean>,
  ms = 10_000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves once the index's checkpoint is the chain's current head block, same number and hash. */
export async function synced(indexer: Indexer, chain: TestChain): Promise<void> {
  await eventually(
    async () => {
      const head = await chain.publicClient.getBlock();
      const [cp] = await indexer.query<{ n: string; hash: string }>(
        "SELECT block_number::text AS n, block_hash AS hash FROM checkpoint",
      );
      return cp?.n === head.number.toString() && cp.hash === head.hash;
    },
    30_000,
    "the index to reach the head",
  );
}

/** The digest of indexing the chain as it is now, from scratch, into a new database. */
export async function fromScratch(
  chain: TestChain,
  create: () => Promise<TestDatabase>,
): Promise<Record<string, string>> {
  const db = await create();
  const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config);
  try {
    await indexer.backfill();
    return await digestTables(indexer);
  } finally {
    await indexer.stop();
    await db.drop();
  }
}
