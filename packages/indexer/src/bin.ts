#!/usr/bin/env -S node --import tsx
// A standalone entry for the indexer, for tests and benchmarks that run it as a child process (and for
// anyone without the CLI package): `node --import tsx src/bin.ts --rpc-url ... --deployment <chainId>.json`.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Address } from "viem";
import { IndexerError } from "./common/errors.ts";
import type { DatabaseConfig, IndexerDeployment } from "./common/options.ts";
import { createIndexer } from "./createIndexer.ts";
import { runIndexCommand } from "./runIndexCommand.ts";

const { values } = parseArgs({
  options: {
    "rpc-url": { type: "string" },
    deployment: { type: "string" },
    "data-dir": { type: "string" },
    "database-url": { type: "string" },
    schema: { type: "string" },
    finality: { type: "string" },
    "max-logs": { type: "string" },
    "max-block-range": { type: "string" },
    once: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    debug: { type: "boolean", default: false },
  },
  strict: true,
});

function deploymentFrom(file: string): IndexerDeployment {
  const json = JSON.parse(readFileSync(file, "utf8"));
  return {
    chainId: Number(json.chainId),
    deploymentBlock: BigInt(json.deploymentBlock),
    contracts: {
      ListingFactory: json.ListingFactory as Address,
      Escrow: json.Escrow as Address,
      KeyRegistry: json.KeyRegistry as Address,
      FixedPriceListing: json.FixedPriceListing as Address,
      // deploy() makes an Archive; older deployment files have none.
      ...(json.Archive ? { Archive: json.Archive as Address } : {}),
      ...(json.Reviews ? { Reviews: json.Reviews as Address } : {}),
    },
  };
}

async function main(): Promise<void> {
  const rpcUrl = values["rpc-url"];
  if (!rpcUrl || !values.deployment)
    throw new Error("usage: bin.ts --rpc-url <url> --deployment <file> [...]");
  const deployment = deploymentFrom(values.deployment);
  const finality = values.finality ? Number(values.finality) : undefined;
  const url = values["database-url"] ?? process.env.DATABASE_URL;
  if (values.once) {
    // Backfill only, with machine-readable progress: what the crash test and benchmark read.
    const database: DatabaseConfig = url
      ? { url, schema: values.schema }
      : { dataDir: values["data-dir"] ?? ".lantern/db" };
    const indexer = createIndexer({
      rpcUrl,
      deployment,
      database,
      finality,
      maxLogsPerRequest: values["max-logs"] ? Number(values["max-logs"]) : undefined,
      maxBlockRange: values["max-block-range"] ? Number(values["max-block-range"]) : undefined,
      logLevel: values.debug ? "debug" : values.quiet ? "warn" : "info",
      onProgress: (p) => process.stdout.write(`progress ${p.checkpoint} ${p.events}\n`),
    });
    try {
      const result = await indexer.backfill();
      const usage = process.resourceUsage();
      const report = {
        ...result,
        checkpoint: String(result.checkpoint),
        peakRssMb: usage.maxRSS / 1024,
        // CPU time of this process, which compares runs better than wall time on a shared machine.
        cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      };
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } finally {
      await indexer.stop();
    }
    return;
  }
  await runIndexCommand({ rpcUrl, deployment, dataDir: values["data-dir"], databaseUrl: url, finality });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (!(error instanceof IndexerError))
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
