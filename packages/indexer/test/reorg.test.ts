import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { digestTables, ReorgTooDeepError } from "../src/index.ts";
import { startChain, trade } from "./helpers/chain.ts";
import { databaseTargets } from "./helpers/databases.ts";
import { fromScratch, synced, testIndexer } from "./helpers/indexer.ts";

for (const target of databaseTargets()) {
  describe(`reorgs on ${target.name}`, () => {
    test("a following indexer rolls back forks, shorter and longer, and ends equal to a fresh index", async () => {
      const chain = await startChain();
      const db = await target.create();
      const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 64 });
      try {
        await indexer.start();
        await trade(chain, 1, "a");
        await synced(indexer, chain);

        // A fork that replaces two rounds of trading with one: the new chain is shorter than the index.
        const first = await chain.rpc("evm_snapshot");
        await trade(chain, 2, "b");
        await synced(indexer, chain);
        await chain.rpc("evm_revert", [first]);
        await trade(chain, 1, "c");
        await synced(indexer, chain);

        // A fork that replaces one round with three: longer, and it reuses none of the old blocks.
        const second = await chain.rpc("evm_snapshot");
        await trade(chain, 1, "d");
        await synced(indexer, chain);
        await chain.rpc("evm_revert", [second]);
        await trade(chain, 3, "e");
        await synced(indexer, chain);

        assert.ok(indexer.progress().reorgs >= 2, `reorgs handled: ${indexer.progress().reorgs}`);
        const titles = await indexer.query<{ title: string }>("SELECT title FROM listings ORDER BY title");
        assert.ok(!titles.some((t) => / [bd] /.test(t.title)), "no listing from an abandoned fork remains");
        const followed = await digestTables(indexer);
        await indexer.stop();
        assert.deepEqual(followed, await fromScratch(chain, target.create));
      } finally {
        await indexer.stop();
        await db.drop();
        await chain.stop();
      }
    });

    test("a fork that happened while the indexer was stopped is rolled back on restart", async () => {
      const chain = await startChain();
      const db = await target.create();
      try {
        await trade(chain, 1, "a");
        const snapshot = await chain.rpc("evm_snapshot");
        await trade(chain, 1, "b");
        const before = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 64 });
        await before.backfill();
        await before.stop();

        await chain.rpc("evm_revert", [snapshot]);
        await trade(chain, 2, "c");
        const after = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 64 });
        await after.backfill();
        assert.equal(after.progress().reorgs, 1);
        const digest = await digestTables(after);
        await after.stop();
        assert.deepEqual(digest, await fromScratch(chain, target.create));
      } finally {
        await db.drop();
        await chain.stop();
      }
    });

    test("a reorg deeper than the finality depth stops the indexer with a clear error", async () => {
      const chain = await startChain();
      const db = await target.create();
      try {
        const snapshot = await chain.rpc("evm_snapshot");
        await trade(chain, 1, "a");
        const first = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 3 });
        await first.backfill();
        await first.stop();

        await chain.rpc("evm_revert", [snapshot]);
        await trade(chain, 2, "b");
        const second = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 3 });
        try {
          await assert.rejects(second.backfill(), (error: unknown) => {
            assert.ok(error instanceof ReorgTooDeepError);
            assert.match(error.message, /deeper than the finality depth \(3 blocks\)/);
            return true;
          });
        } finally {
          await second.stop();
        }
      } finally {
        await db.drop();
        await chain.stop();
      }
    });
  });
}
