import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Market, startMarket } from "../../test/market.ts";
import { acceptSettlement } from "./acceptSettlement.ts";
import { buy } from "./buy.ts";
import { proposeSettlement } from "./proposeSettlement.ts";
import { rejectSettlement } from "./rejectSettlement.ts";

describe("rejectSettlement", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("the other party rejects an offer, which can then no longer be accepted", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { offerId } = await proposeSettlement(market.seller, { orderId, buyerBps: 500 });
    const { order } = await rejectSettlement(market.buyer, { orderId, offerId });
    assert.equal(order.offers?.[0]?.status, "rejected");
    assert.equal(order.offers?.[0]?.rejectedBy, market.buyer.walletClient.account.address);
    await assert.rejects(acceptSettlement(market.buyer, { orderId, offerId }), {
      errorName: "OfferRejected",
      shortMessage: `Offer ${offerId} on order ${orderId} was rejected.`,
    });
  });

  test("a proposer cannot reject its own offer", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { offerId } = await proposeSettlement(market.seller, { orderId, buyerBps: 500 });
    await assert.rejects(rejectSettlement(market.seller, { orderId, offerId }), { errorName: "OwnOffer" });
  });
});
