import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Market, startMarket } from "../../test/market.ts";
import { cidOfBytes, digestFromCid } from "../content/cid.ts";
import { getOrder } from "../readers/getOrder.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { ship } from "./ship.ts";

describe("ship", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("marks a paid order shipped with the tracking digest, reading the order from its events", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const trackingDigest = digestFromCid(cidOfBytes(new TextEncoder().encode("UPS 1Z999AA10123456784")));
    const { order, receipt } = await ship(market.seller, { orderId, trackingDigest });
    const block = await market.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    assert.equal(order.state, OrderState.Shipped);
    assert.equal(order.shippedAt, Number(block.timestamp));
    assert.equal(order.trackingDigest, trackingDigest);
    assert.deepEqual(await getOrder(market.seller, { orderId }), order);
  });

  test("refuses anyone but the seller", async () => {
    const listing = await market.list();
    const { orderId, order } = await buy(market.buyer, { listing, escrowed: true });
    const buyer = market.buyer.walletClient.account.address;
    await assert.rejects(ship(market.buyer, { orderId, order }), {
      errorName: "NotSeller",
      shortMessage: `Only the seller of order ${orderId} may do this; ${buyer} is not the seller.`,
    });
  });

  test("refuses an order shipped already", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { order } = await ship(market.seller, { orderId });
    await assert.rejects(ship(market.seller, { orderId, order }), {
      errorName: "WrongOrderState",
      shortMessage: `Order ${orderId} is Shipped; this action needs another state.`,
    });
  });

  test("says to rebuild the order when a stale one is passed", async () => {
    const listing = await market.list();
    const { orderId, order: paid } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });
    await assert.rejects(ship(market.seller, { orderId, order: paid }), {
      errorName: "OrderMismatch",
      shortMessage:
        `The order passed for order ${orderId} differs from the one the escrow stored; ` +
        "rebuild it from the chain's events (getOrder) and try again.",
    });
  });

  test("explains that a direct purchase is not held in escrow", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: false });
    await assert.rejects(ship(market.seller, { orderId }), {
      errorName: "OrderNotFound",
      shortMessage: `No escrowed order has id ${orderId} (direct purchases complete at once and are not stored).`,
    });
  });
});
