import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createListing, publishKey } from "@lantern/sdk";
import { startChain } from "./helpers/chain.ts";
import { databaseTargets } from "./helpers/databases.ts";
import { eventually, testIndexer } from "./helpers/indexer.ts";

for (const target of databaseTargets()) {
  describe(`following the head on ${target.name}`, () => {
    test("a mined event is queryable within about a second", async () => {
      const chain = await startChain();
      const db = await target.create();
      const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config, { pollingIntervalMs: 250 });
      try {
        await indexer.start();
        const latencies: number[] = [];
        for (let i = 0; i < 8; i++) {
          const key = `0x${(i + 1).toString(16).padStart(64, "0")}` as const;
          const { receipt } = await publishKey(chain.seller, { publicKey: key });
          const mined = performance.now();
          await eventually(
            async () => (await indexer.query("SELECT 1 FROM keys WHERE key = $1", [key])).length === 1,
            5000,
            `key ${i}`,
          );
          latencies.push(performance.now() - mined);
          assert.equal(receipt.status, "success");
        }
        latencies.sort((a, b) => a - b);
        const worst = latencies.at(-1) ?? 0;
        assert.ok(
          worst < 1500,
          `slowest ${Math.round(worst)} ms (all: ${latencies.map(Math.round).join(", ")})`,
        );

        const { listing } = await createListing(chain.seller, {
          price: 5n,
          stock: 1,
          metadataCid: "bafy-live",
          title: "Live",
          category: "misc",
        });
        await eventually(
          async () =>
            (await indexer.query("SELECT 1 FROM listings WHERE address = $1", [listing.toLowerCase()]))
              .length === 1,
          5000,
          "the listing",
        );
        assert.equal(indexer.progress().phase, "realtime");
      } finally {
        const stopping = performance.now();
        await indexer.stop();
        assert.ok(performance.now() - stopping < 2000, "stop() returns promptly while following");
        await db.drop();
        await chain.stop();
      }
    });
  });
}
