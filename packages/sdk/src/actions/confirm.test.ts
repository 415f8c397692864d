import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { getOrder } from "../readers/getOrder.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { confirm } from "./confirm.ts";
import { ship } from "./ship.ts";

describe("confirm", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("pays the seller when the buyer confirms a shipped order", async () => {
    const listing = await market.list({ price: parseEther("0.05") });
    const seller = market.seller.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });
    const before = await market.balance(seller);
    const { order } = await confirm(market.buyer, { orderId });
    assert.equal(order.state, OrderState.Completed);
    assert.equal(order.completedByBuyer, true);
    assert.equal(await market.balance(seller), before + parseEther("0.05"));
    assert.deepEqual(await getOrder(market.buyer, { orderId }), order);
  });

  test("lets the buyer confirm before shipping (collected in person)", async () => {
    const listing = await market.list();
    const { orderId, order } = await buy(market.buyer, { listing, escrowed: true });
    const confirmed = await confirm(market.buyer, { orderId, order });
    assert.equal(confirmed.order.state, OrderState.Completed);
  });

  test("refuses anyone but the buyer", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const seller = market.seller.walletClient.account.address;
    await assert.rejects(confirm(market.seller, { orderId }), {
      errorName: "NotBuyer",
      shortMessage: `Only the buyer of order ${orderId} may do this; ${seller} is not the buyer.`,
    });
  });

  test("refuses an order completed already", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await confirm(market.buyer, { orderId });
    await assert.rejects(confirm(market.buyer, { orderId }), {
      errorName: "WrongOrderState",
      shortMessage: `Order ${orderId} is Completed; this action needs another state.`,
    });
  });
});
