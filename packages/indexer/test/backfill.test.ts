import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { escrowAbi, getListing, hashOrder, type OrderRecord, OrderState } from "@lantern/sdk";
import type { Address, Hex } from "viem";
import { digestTables } from "../src/index.ts";
import { startChain, type TestChain, trade } from "./helpers/chain.ts";
import { databaseTargets } from "./helpers/databases.ts";
import { testIndexer } from "./helpers/indexer.ts";

for (const target of databaseTargets()) {
  describe(`backfill on ${target.name}`, () => {
    let chain: TestChain;
    before(async () => {
      chain = await startChain();
      await trade(chain, 6);
      // A second marketplace on the same chain: its logs carry Lantern's topics from other addresses.
      const other = await startOtherMarketplace(chain);
      await other();
    });
    after(async () => {
      await chain?.stop();
    });

    test("indexes every listing with the price, stock and status the chain reports", async () => {
      const db = await target.create();
      const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config);
      try {
        const result = await indexer.backfill();
        assert.equal(result.checkpoint, await chain.publicClient.getBlockNumber());
        const rows = await indexer.query<{ address: Address; price: string; stock: string; status: number }>(
          "SELECT address, price::text, stock::text, status FROM listings ORDER BY created_block",
        );
        assert.equal(rows.length, 6);
        for (const row of rows) {
          const onChain = await getListing(
            { publicClient: chain.publicClient, deployment: chain.deployment } as never,
            {
              listing: row.address,
            },
          );
          assert.equal(row.price, onChain.price.toString(), `price of ${row.address}`);
          assert.equal(row.stock, onChain.stock.toString(), `stock of ${row.address}`);
          assert.equal(row.status, onChain.status, `status of ${row.address}`);
        }
      } finally {
        await indexer.stop();
        await db.drop();
      }
    });

    test("rebuilds escrowed orders whose hash matches the one the escrow stores", async () => {
      const db = await target.create();
      const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config);
      try {
        await indexer.backfill();
        const orders = await indexer.query<Record<string, string | boolean | number>>(
          `SELECT order_id::text, buyer, seller, listing, currency, amount::text, quantity::text, ship_window::text,
                  delivery_window::text, paid_at::text, shipped_at::text, state, escrowed FROM orders ORDER BY order_id`,
        );
        assert.equal(orders.length, 18);
        const states = orders.map((o) => Number(o.state));
        assert.deepEqual(
          states.filter((s) => s === OrderState.Refunded).length,
          6,
          "one refunded order per round",
        );
        for (const o of orders.filter((row) => row.escrowed)) {
          const order = {
            buyer: o.buyer as Address,
            seller: o.seller as Address,
            listing: o.listing as Address,
            currency: o.currency as Address,
            amount: BigInt(o.amount as string),
            quantity: Number(o.quantity),
            shipWindow: Number(o.ship_window),
            deliveryWindow: Number(o.delivery_window),
            paidAt: Number(o.paid_at),
            shippedAt: Number(o.shipped_at),
            state: Number(o.state) as OrderRecord["state"],
          };
          const stored = (await chain.publicClient.readContract({
            address: chain.deployment.contracts.Escrow,
            abi: escrowAbi,
            functionName: "orderHash",
            args: [BigInt(o.order_id as string)],
          })) as Hex;
          assert.equal(hashOrder(order), stored, `order ${o.order_id}`);
        }
        const [events] = await indexer.query<{ n: number }>("SELECT count(*)::int AS n FROM order_events");
        // Per round: paid, shipped, completed; paid, refunded; paid (direct).
        assert.equal(events?.n, 6 * 6);
      } finally {
        await indexer.stop();
        await db.drop();
      }
    });

    test("ignores another marketplace's logs, counts them, and stores nothing from them", async () => {
      const db = await target.create();
      const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config);
      try {
        await indexer.backfill();
        const progress = indexer.progress();
        assert.ok(progress.foreignLogs > 0, "foreign logs counted");
        assert.equal(progress.undecodableLogs, 0);
        const [skipped] = await indexer.query<{ n: number }>("SELECT count(*)::int AS n FROM skipped_logs");
        assert.equal(skipped?.n, 0);
        const [keys] = await indexer.query<{ n: number }>("SELECT count(*)::int AS n FROM current_keys");
        assert.equal(keys?.n, 1);
        assert.ok(indexer.reports.length > 0, "progress reported");
      } finally {
        await indexer.stop();
        await db.drop();
      }
    });

    test("restarting on an index that is up to date changes nothing", async () => {
      const db = await target.create();
      try {
        const first = testIndexer(chain.rpcUrl, chain.deployment, db.config);
        await first.backfill();
        const before = await digestTables(first);
        await first.stop();
        const second = testIndexer(chain.rpcUrl, chain.deployment, db.config);
        const result = await second.backfill();
        assert.equal(result.events, 0);
        assert.deepEqual(await digestTables(second), before);
        await second.stop();
      } finally {
        await db.drop();
      }
    });
  });
}

/** Deploys a second, unrelated marketplace on the chain and returns a function that trades on it. */
async function startOtherMarketplace(chain: TestChain): Promise<() => Promise<void>> {
  const { deploy } = await import("@lantern/sdk");
  const ctx = chain.context(3);
  const deployment = await deploy({
    walletClient: ctx.walletClient,
    publicClient: chain.publicClient,
  } as never);
  const other: TestChain = { ...chain, deployment, seller: chain.context(3), buyer: chain.context(4) };
  const withDeployment = (c: typeof ctx) => ({ ...c, deployment }) as typeof ctx;
  other.seller = withDeployment(chain.context(3));
  other.buyer = withDeployment(chain.context(4));
  return () => trade(other, 2, "z");
}
