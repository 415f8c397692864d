import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { writeDeploymentFile } from "@lantern/sdk";
import { AbortedError, type DatabaseConfig, digestTables } from "../src/index.ts";
import { deployBenchGenerator } from "./helpers/benchContract.ts";
import { startChain, type TestChain, trade } from "./helpers/chain.ts";
import { spawnIndexer } from "./helpers/child.ts";
import { databaseTargets, type TestDatabase } from "./helpers/databases.ts";
import { eventually, testIndexer } from "./helpers/indexer.ts";
import { mulberry32 } from "./helpers/rpcProxy.ts";

const KILLS = 6;

function databaseArgs(config: DatabaseConfig): string[] {
  return "url" in config
    ? ["--database-url", config.url, "--schema", config.schema ?? "public"]
    : ["--data-dir", config.dataDir];
}

for (const target of databaseTargets()) {
  describe(`crashes on ${target.name}`, () => {
    let chain: TestChain;
    let deploymentFile: string;
    let tmp: string;
    let clean: Record<string, string>;

    before(async () => {
      // The bench contract makes dense blocks fast, so a backfill has many ranges to be killed between.
      chain = await startChain(["--gas-limit", "1000000000"]);
      await trade(chain, 2);
      const generator = await deployBenchGenerator(
        chain.context(5).walletClient as never,
        chain.publicClient,
        chain.deployment.contracts,
      );
      for (let i = 0; i < 250; i++) await generator.run(3, 3);
      await trade(chain, 1, "late");
      tmp = mkdtempSync(path.join(os.tmpdir(), "lantern-crash-"));
      deploymentFile = writeDeploymentFile(tmp, chain.deployment);
      const db = await target.create();
      const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config);
      try {
        await indexer.backfill();
        clean = await digestTables(indexer);
      } finally {
        await indexer.stop();
        await db.drop();
      }
    });
    after(async () => {
      await chain?.stop();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    test("stop() during a backfill lets the range in flight finish, and the next start resumes", async () => {
      const db = await target.create();
      try {
        const first = testIndexer(chain.rpcUrl, chain.deployment, db.config, { maxBlockRange: 2 });
        // Settled at once, so the rejection that stop() causes is never unhandled while stop() runs.
        const outcome = first.backfill().then(
          () => undefined,
          (error: unknown) => error,
        );
        await eventually(async () => first.reports.length >= 3, 20_000, "a few committed ranges");
        await first.stop();
        assert.ok((await outcome) instanceof AbortedError, "the backfill ends with AbortedError");
        const stoppedAt = first.progress().checkpoint;
        assert.ok(stoppedAt < (await chain.publicClient.getBlockNumber()), "stopped before the head");

        const second = testIndexer(chain.rpcUrl, chain.deployment, db.config);
        try {
          await second.backfill();
          assert.deepEqual(await digestTables(second), clean);
        } finally {
          await second.stop();
        }
      } finally {
        await db.drop();
      }
    });

    test("SIGKILL at random points during a backfill, then restarts, end with the same tables as a clean run", async () => {
      const random = mulberry32(target.name === "pglite" ? 3 : 5);
      const db: TestDatabase = await target.create();
      const args = [
        "--once",
        "--quiet",
        "--rpc-url",
        chain.rpcUrl,
        "--deployment",
        deploymentFile,
        // Small ranges: many commits, so kills land before, during and after transactions.
        "--max-block-range",
        "2",
        ...databaseArgs(db.config),
      ];
      let killedMidway = 0;
      try {
        for (let i = 0; i < KILLS; i++) {
          const child = spawnIndexer(args);
          try {
            if (i === 0) {
              // Anywhere in the first start: opening the database, migrating, or the first ranges.
              await Promise.race([new Promise((r) => setTimeout(r, 200 + random() * 1000)), child.exited]);
            } else {
              // After a random number of committed ranges, plus a little, so some kills land mid-transaction.
              await Promise.race([child.waitFor(/^progress /, 1 + Math.floor(random() * 20)), child.exited]);
              await new Promise((r) => setTimeout(r, random() * 30));
            }
            const finished = child.lines.some((l) => l.startsWith("{"));
            child.kill("SIGKILL");
            const how = await child.exited;
            if (how === "SIGKILL" && !finished) killedMidway++;
            else if (how !== "SIGKILL")
              assert.equal(how, 0, "the indexer exits cleanly when it is not killed");
          } finally {
            child.kill("SIGKILL");
            await child.exited;
          }
        }
        const last = spawnIndexer(args);
        assert.equal(await last.exited, 0, "the final run completes");
        assert.ok(killedMidway >= KILLS - 1, `killed during the backfill ${killedMidway} times`);

        const check = testIndexer(chain.rpcUrl, chain.deployment, db.config);
        try {
          await check.backfill();
          assert.deepEqual(await digestTables(check), clean);
        } finally {
          await check.stop();
        }
      } finally {
        await db.drop();
      }
    });
  });
}
