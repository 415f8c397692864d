import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { release } from "./release.ts";
import { ship } from "./ship.ts";

const DAY = 86_400;

describe("release", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("says when the delivery window ends, then lets anyone pay the seller after it", async () => {
    const listing = await market.list({ price: parseEther("0.05") });
    const seller = market.seller.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { order: shipped } = await ship(market.seller, { orderId });
    const deadline = new Date((shipped.shippedAt + 14 * DAY) * 1000).toISOString();
    await assert.rejects(release(market.stranger, { orderId }), {
      errorName: "DeliveryWindowOpen",
      shortMessage: `The buyer can still check order ${orderId} until ${deadline}; it can be released after that.`,
    });

    await market.travel(14 * DAY);
    const before = await market.balance(seller);
    const { order } = await release(market.stranger, { orderId });
    assert.equal(order.state, OrderState.Completed);
    assert.equal(order.completedByBuyer, false);
    assert.equal(await market.balance(seller), before + parseEther("0.05"));
  });

  test("refuses an order that was not shipped", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(release(market.stranger, { orderId }), {
      errorName: "WrongOrderState",
      shortMessage: `Order ${orderId} is Paid; this action needs another state.`,
    });
  });
});
