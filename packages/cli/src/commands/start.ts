import { readFileSync } from "node:fs";
import path from "node:path";
import { type ApiDatabase, openApiDatabase, serveApi } from "@lantern/api";
import { ContentStore } from "@lantern/content";
import { contentStoreSource, type Indexer, runIndexCommand } from "@lantern/indexer";
import { anvilAccounts, rewardsAbi } from "@lantern/sdk";
import { buildIfStale, createWebHandler } from "@lantern/web";
import { createPublicClient, http } from "viem";
import { startLocalChain } from "../chain/localChain.ts";
import { assertPortFree } from "../chain/port.ts";
import { demoLines, demoRole } from "../demo/describe.ts";
import { ensureDemo } from "../demo/ensureDemo.ts";
import { ensureDeployment } from "../deployment.ts";
import { CliError } from "../errors.ts";
import { runLocalDistributor } from "./postRewards.ts";

export interface StartOptions {
  dataDir: string;
  host: string;
  port: number;
  /** Where the HTTP API listens, on `host` beside the chain. */
  apiPort: number;
  chainId: number;
  /** Seed a demo marketplace on the first start of the data directory (`--demo`). */
  demo?: boolean;
}

/**
 * The whole marketplace on one machine: a local chain whose state survives restarts, with the contracts
 * deployed on the first start only. Runs until Ctrl-C, then saves the chain state.
 */
export async function start(options: StartOptions): Promise<void> {
  const dataDir = path.resolve(options.dataDir);
  await assertPortFree(options.host, options.apiPort, "API");
  // `npm start` builds the DApp first (prestart); this covers `lantern start` run any other way.
  buildIfStale();
  const chain = await startLocalChain({ ...options, dataDir, stateInterval: 5 });
  let stopApi: (() => Promise<void>) | undefined;
  const stop = once(async () => {
    process.stderr.write("\nStopping: saving the chain state...\n");
    await stopApi?.().catch(() => {});
    await chain.stop();
    process.stderr.write(`Saved under ${path.join(dataDir, "chain")}. Bye.\n`);
  });
  try {
    const accounts = anvilAccounts;
    const [deployer] = accounts;
    if (!deployer) throw new Error("no development account");
    const { deployment, deployedNow } = await ensureDeployment({
      rpcUrl: chain.rpcUrl,
      privateKey: deployer.privateKey,
      dataDir,
    });

    const content = new ContentStore({ dir: path.join(dataDir, "content") });
    const demo = options.demo
      ? await ensureDemo({ rpcUrl: chain.rpcUrl, dataDir, deployment, content })
      : undefined;

    // The API reads the index the indexer writes: on PGlite through the indexer's own connection (one
    // process owns the directory), on a PostgreSQL server through a pool of its own.
    let indexer: Indexer | undefined;
    const databaseUrl = process.env.DATABASE_URL;
    const db: ApiDatabase = databaseUrl
      ? openApiDatabase(databaseUrl)
      : {
          query: (sql, params) => {
            if (!indexer) throw new Error("the index is not open yet");
            return indexer.query(sql, params);
          },
        };
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const api = await serveApi({
      db,
      content,
      host: options.host,
      port: options.apiPort,
      chainHead: () => publicClient.getBlockNumber(),
      chain: { publicClient: publicClient as never, deployment },
      // The DApp on the same origin, with the development wallet: this chain is local.
      web: createWebHandler({
        config: {
          chainId: deployment.chainId,
          chainName: "Local chain",
          rpcUrl: chain.rpcUrl,
          devWallet: true,
          // With the Archive, so the archive viewer checks proofs against the contract this node indexes.
          deployment: withArchive(deployment, dataDir),
        },
      }),
    });
    stopApi = async () => {
      await api.close();
      await db.close?.();
    };

    const lines = [
      "",
      "Lantern is running.",
      "",
      `  Chain      ${chain.rpcUrl}  (chain id ${deployment.chainId}, ${chain.resumed ? "resumed from saved state" : "new chain"})`,
      `  Contracts  ${deployedNow ? "deployed now" : "deployed earlier"} at block ${deployment.deploymentBlock}; ${path.join(dataDir, "deployments", `${deployment.chainId}.json`)}`,
      ...Object.entries(deployment.contracts).map(([name, address]) => `    ${name.padEnd(18)} ${address}`),
      `  DApp       ${api.url}/  (development wallet with the accounts below: this local chain only)`,
      `  API        ${api.url}  (OpenAPI document: ${api.url}/openapi.json; content under ${content.dir})`,
      "",
      "  Development accounts (each funded with 10000 ETH; well-known keys, for this local chain ONLY):",
      ...accounts.map((a, i) => `    (${i}) ${a.address}  ${a.privateKey}${demo ? `  ${demoRole(i)}` : ""}`),
      "",
      ...(demo ? demoLines(demo, dataDir) : []),
      "Press Ctrl-C to stop; the chain state is saved and resumed on the next start.",
      "",
    ];
    process.stdout.write(lines.join("\n"));

    // The index follows the chain beside it: PGlite under the data directory unless DATABASE_URL is set.
    const stopIndexer = new AbortController();
    const indexing = runIndexCommand({
      rpcUrl: chain.rpcUrl,
      deployment: withArchive(deployment, dataDir),
      dataDir: path.join(dataDir, "db"),
      signal: stopIndexer.signal,
      metadata: contentStoreSource(content),
      onIndexer: (created) => {
        indexer = created;
      },
    });

    // When the distributor is a development account (the demo, and any local chain governance has not
    // changed), this node posts each epoch's root itself, from the actions its API publishes.
    const distributor = await localDistributor(publicClient, deployment.contracts.Rewards);
    const distributing = distributor
      ? runLocalDistributor({
          rpcUrl: chain.rpcUrl,
          apiUrl: api.url,
          deployment,
          privateKey: distributor,
          signal: stopIndexer.signal,
          log: (line) => process.stderr.write(`${line}\n`),
        })
      : Promise.resolve();

    await new Promise<void>((resolve, reject) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
      indexing.then(resolve, (error: unknown) =>
        reject(new CliError(`The indexer stopped: ${(error as Error).message}`)),
      );
      // Ctrl-C in a terminal reaches anvil too (same process group), and it may exit first: that is a stop.
      chain.exited.then((code) =>
        code === 0 || code === null
          ? resolve()
          : reject(new Error(`The local chain (anvil) stopped unexpectedly (exit code ${code})`)),
      );
    }).finally(async () => {
      stopIndexer.abort();
      await indexing.catch(() => {});
      await distributing;
    });
  } finally {
    await stop();
  }
}

/**
 * The deployment with its Archive: deploy() makes one, and a data directory from before it did may have one
 * that `lantern import --deploy-archive` recorded beside the deployment. An Archive deployed while the
 * indexer runs is picked up at the next start.
 */
function withArchive<D extends { chainId: number; contracts: { Archive?: string } }>(
  deployment: D,
  dataDir: string,
): D {
  if (deployment.contracts.Archive) return deployment;
  try {
    const file = path.join(dataDir, "deployments", `${deployment.chainId}.archive.json`);
    const { Archive } = JSON.parse(readFileSync(file, "utf8")) as { Archive?: unknown };
    if (typeof Archive === "string" && /^0x[0-9a-fA-F]{40}$/.test(Archive)) {
      return { ...deployment, contracts: { ...deployment.contracts, Archive } };
    }
  } catch {
    // No Archive recorded: nothing to add.
  }
  return deployment;
}

/** The private key of the rewards distributor when it is one of the development accounts. */
async function localDistributor(
  publicClient: ReturnType<typeof createPublicClient>,
  rewards: `0x${string}` | undefined,
): Promise<`0x${string}` | undefined> {
  if (!rewards) return undefined;
  const distributor = await publicClient.readContract({
    address: rewards,
    abi: rewardsAbi,
    functionName: "distributor",
  });
  return anvilAccounts.find((a) => a.address.toLowerCase() === distributor.toLowerCase())?.privateKey;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => {
    promise ??= fn();
    return promise;
  };
}
