import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { getListing } from "../readers/getListing.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { refund } from "./refund.ts";
import { ship } from "./ship.ts";

describe("refund", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("returns the whole payment to the buyer and the items to stock", async () => {
    const listing = await market.list({ price: parseEther("0.05"), stock: 5 });
    const buyer = market.buyer.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, quantity: 2, escrowed: true });
    await ship(market.seller, { orderId });
    const before = await market.balance(buyer);
    const { order } = await refund(market.seller, { orderId });
    assert.equal(order.state, OrderState.Refunded);
    assert.equal(await market.balance(buyer), before + parseEther("0.1"));
    const view = await getListing(market.buyer, { listing });
    assert.equal(view.stock, 5n);
    assert.equal(view.sold, 0n);
  });

  test("refunds in the listing's token", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("25") });
    const buyer = market.buyer.walletClient.account.address;
    await market.mint(buyer, parseEther("25"));
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    assert.equal(await market.tokenBalance(buyer), 0n);
    await refund(market.seller, { orderId });
    assert.equal(await market.tokenBalance(buyer), parseEther("25"));
  });

  test("refuses anyone but the seller", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(refund(market.buyer, { orderId }), { errorName: "NotSeller" });
  });
});
