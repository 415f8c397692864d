import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { NonRetryableError } from "../src/index.ts";
import { startChain, type TestChain } from "./helpers/chain.ts";
import { databaseTargets } from "./helpers/databases.ts";
import { testIndexer } from "./helpers/indexer.ts";

for (const target of databaseTargets()) {
  describe(`one writer per index on ${target.name}`, () => {
    let chain: TestChain;
    before(async () => {
      chain = await startChain();
    });
    after(async () => {
      await chain?.stop();
    });

    test("a second indexer on the same database is refused while the first runs, and allowed after", async () => {
      const db = await target.create();
      const first = testIndexer(chain.rpcUrl, chain.deployment, db.config);
      try {
        await first.backfill();
        const second = testIndexer(chain.rpcUrl, chain.deployment, db.config);
        await assert.rejects(
          second.backfill(),
          (error: unknown) => error instanceof NonRetryableError && /Another indexer/.test(error.message),
        );
        await second.stop();
        await first.stop();
        const third = testIndexer(chain.rpcUrl, chain.deployment, db.config);
        await third.backfill();
        await third.stop();
      } finally {
        await first.stop();
        await db.drop();
      }
    });
  });
}
