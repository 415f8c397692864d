import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answerReview,
  buy,
  cidOfBytes,
  confirm,
  createListing,
  createReview,
  digestFromCid,
  ship,
} from "@lantern/sdk";
import { digestTables } from "../src/index.ts";
import { startChain, type TestChain } from "./helpers/chain.ts";
import { databaseTargets } from "./helpers/databases.ts";
import { fromScratch, synced, testIndexer } from "./helpers/indexer.ts";

/** A listing bought with escrow, shipped and confirmed: an order its buyer may review. */
async function completedOrder(
  chain: TestChain,
  title: string,
): Promise<{ listing: string; orderId: bigint }> {
  const { listing } = await createListing(chain.seller, {
    price: 1_000n,
    stock: 5,
    metadataCid: `bafy-${title}`,
    title,
    category: "home/garden",
    location: "Lisbon",
  });
  const { orderId } = await buy(chain.buyer, { listing, escrowed: true });
  await ship(chain.seller, { orderId, trackingDigest: `0x${"ab".repeat(32)}` });
  await confirm(chain.buyer, { orderId });
  return { listing: listing.toLowerCase(), orderId };
}

const digestOf = (text: string) => digestFromCid(cidOfBytes(new TextEncoder().encode(text)));
const cidOf = (text: string) => cidOfBytes(new TextEncoder().encode(text)).toString();

interface ReviewRow {
  order_id: string;
  contract: string;
  seller: string;
  buyer: string;
  listing: string;
  rating: number;
  text_cid: string | null;
  answer_cid: string | null;
  created_time: string | null;
  answered_block: string | null;
}

const REVIEWS_SQL = `SELECT order_id::text, contract, seller, buyer, listing, rating::int AS rating, text_cid,
  answer_cid, created_time::text, answered_block::text FROM reviews ORDER BY order_id`;

for (const target of databaseTargets()) {
  describe(`reviews on ${target.name}`, () => {
    test("reviews and answers are indexed from the Reviews contract, and a reorg undoes them", async () => {
      const chain = await startChain();
      const db = await target.create();
      const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 64 });
      try {
        const first = await completedOrder(chain, "Lamp");
        const second = await completedOrder(chain, "Chair");
        await indexer.start();
        await createReview(chain.buyer, {
          orderId: first.orderId,
          rating: 4,
          textDigest: digestOf("Nice lamp"),
        });
        // A rating alone: zero digest, no text.
        await createReview(chain.buyer, { orderId: second.orderId, rating: 2 });
        await synced(indexer, chain);

        let rows = await indexer.query<ReviewRow>(REVIEWS_SQL);
        assert.equal(rows.length, 2);
        const [lamp, chair] = rows as [ReviewRow, ReviewRow];
        assert.equal(lamp.order_id, first.orderId.toString());
        assert.equal(lamp.contract, chain.deployment.contracts.Reviews?.toLowerCase());
        assert.equal(lamp.seller, chain.seller.walletClient.account?.address.toLowerCase());
        assert.equal(lamp.buyer, chain.buyer.walletClient.account?.address.toLowerCase());
        assert.equal(lamp.listing, first.listing);
        assert.equal(lamp.rating, 4);
        assert.equal(lamp.text_cid, cidOf("Nice lamp"));
        assert.equal(lamp.answer_cid, null);
        assert.ok(Number(lamp.created_time) > 1_600_000_000, "the block time is recorded");
        assert.equal(chair.rating, 2);
        assert.equal(chair.text_cid, null);

        // The answer, then a fork that drops it and a third review: both undone, the rest stays.
        const snapshot = await chain.rpc("evm_snapshot");
        await answerReview(chain.seller, { orderId: first.orderId, textDigest: digestOf("Thank you!") });
        const third = await completedOrder(chain, "Table");
        await createReview(chain.buyer, { orderId: third.orderId, rating: 5 });
        await synced(indexer, chain);
        rows = await indexer.query<ReviewRow>(REVIEWS_SQL);
        assert.equal(rows.length, 3);
        assert.equal(rows[0]?.answer_cid, cidOf("Thank you!"));
        assert.ok(rows[0]?.answered_block);

        await chain.rpc("evm_revert", [snapshot]);
        await createListing(chain.seller, {
          price: 5n,
          stock: 1,
          metadataCid: "bafy-fork",
          title: "Fork",
          category: "home/garden",
          location: "Porto",
        });
        await chain.rpc("evm_mine");
        await synced(indexer, chain);
        assert.ok(indexer.progress().reorgs >= 1, "the fork was seen as a reorg");
        rows = await indexer.query<ReviewRow>(REVIEWS_SQL);
        assert.deepEqual(
          rows.map((r) => [r.order_id, r.rating, r.answer_cid, r.answered_block]),
          [
            [first.orderId.toString(), 4, null, null],
            [second.orderId.toString(), 2, null, null],
          ],
        );

        // The answer again on the new fork; the followed index equals one built from scratch.
        await answerReview(chain.seller, { orderId: first.orderId, textDigest: digestOf("Thanks") });
        await synced(indexer, chain);
        const followed = await digestTables(indexer);
        await indexer.stop();
        assert.match(followed.reviews ?? "", /^2:/);
        assert.deepEqual(followed, await fromScratch(chain, target.create));
      } finally {
        await indexer.stop();
        await db.drop();
        await chain.stop();
      }
    });

    test("an index built before it followed Reviews reads the reviews it passed over on its next start", async () => {
      const chain = await startChain();
      const db = await target.create();
      try {
        const order = await completedOrder(chain, "Vase");
        await createReview(chain.buyer, {
          orderId: order.orderId,
          rating: 5,
          textDigest: digestOf("Lovely"),
        });
        await answerReview(chain.seller, {
          orderId: order.orderId,
          textDigest: digestOf("Glad you like it"),
        });
        const { Reviews: _reviews, ...contracts } = chain.deployment.contracts;
        const before = testIndexer(chain.rpcUrl, { ...chain.deployment, contracts }, db.config, {
          finality: 3,
        });
        await before.backfill();
        assert.equal((await before.query("SELECT * FROM reviews")).length, 0);
        await before.stop();

        const after = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 3 });
        await after.backfill();
        const rows = await after.query<ReviewRow>(REVIEWS_SQL);
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.text_cid, cidOf("Lovely"));
        assert.equal(rows[0]?.answer_cid, cidOf("Glad you like it"));
        const digest = await digestTables(after);
        await after.stop();
        assert.deepEqual(digest, await fromScratch(chain, target.create));
      } finally {
        await db.drop();
        await chain.stop();
      }
    });
  });
}
