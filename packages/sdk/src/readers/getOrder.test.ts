import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Market, startMarket } from "../../test/market.ts";
import { buy } from "../actions/buy.ts";
import { refund } from "../actions/refund.ts";
import { ship } from "../actions/ship.ts";
import { OrderNotFoundError } from "../errors/errors.ts";
import { OrderState } from "../types.ts";
import { getOrder } from "./getOrder.ts";

describe("getOrder", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("rebuilds an order from its events alone, and only from its own", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const other = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId: other.orderId });
    await ship(market.seller, { orderId });
    await refund(market.seller, { orderId });
    const order = await getOrder(market.stranger, { orderId });
    assert.equal(order.state, OrderState.Refunded);
    assert.ok(order.shippedAt > 0);
    assert.equal((await getOrder(market.stranger, { orderId: other.orderId })).state, OrderState.Shipped);
  });

  test("says when there is no such order", async () => {
    await assert.rejects(getOrder(market.buyer, { orderId: 999n }), (error: unknown) => {
      assert.ok(error instanceof OrderNotFoundError);
      assert.equal(error.shortMessage, "Order 999 was not found: the escrow has no OrderPaid event for it.");
      return true;
    });
  });
});
