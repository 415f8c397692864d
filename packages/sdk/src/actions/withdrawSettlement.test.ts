import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Market, startMarket } from "../../test/market.ts";
import { acceptSettlement } from "./acceptSettlement.ts";
import { buy } from "./buy.ts";
import { proposeSettlement } from "./proposeSettlement.ts";
import { withdrawSettlement } from "./withdrawSettlement.ts";

describe("withdrawSettlement", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("the proposer withdraws its offer before it is accepted", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { offerId } = await proposeSettlement(market.buyer, { orderId, buyerBps: 4_000 });
    const { order } = await withdrawSettlement(market.buyer, { orderId, offerId });
    assert.equal(order.offers?.[0]?.status, "withdrawn");
    await assert.rejects(acceptSettlement(market.seller, { orderId, offerId }), {
      errorName: "OfferWithdrawn",
      shortMessage: `Offer ${offerId} on order ${orderId} was withdrawn by its proposer.`,
    });
  });

  test("only the proposer may withdraw", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { offerId } = await proposeSettlement(market.buyer, { orderId, buyerBps: 4_000 });
    const seller = market.seller.walletClient.account.address;
    await assert.rejects(withdrawSettlement(market.seller, { orderId, offerId }), {
      errorName: "NotProposer",
      shortMessage: `Only the proposer of offer ${offerId} on order ${orderId} may withdraw it; ${seller} did not propose it.`,
    });
  });
});
