import type { Deployment } from "@lantern/sdk";
import { silentLogger } from "../../src/common/logger.ts";
import { createIndexer, type DatabaseConfig, type Indexer, type IndexerProgress } from "../../src/index.ts";

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
