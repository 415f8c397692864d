import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { OrderState } from "../types.ts";
import { acceptMediator } from "./acceptMediator.ts";
import { acceptSettlement } from "./acceptSettlement.ts";
import { buy } from "./buy.ts";
import { proposeMediator } from "./proposeMediator.ts";
import { proposeSettlement } from "./proposeSettlement.ts";

describe("acceptMediator", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("the other party agrees; the mediator's offer takes effect when both parties accept it", async () => {
    const listing = await market.list({ price: parseEther("1") });
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const mediator = market.stranger;
    const mediatorAddress = mediator.walletClient.account.address;
    await proposeMediator(market.buyer, { orderId, mediator: mediatorAddress });
    const { order } = await acceptMediator(market.seller, { orderId });
    assert.equal(order.mediator?.agreed, true);

    const offer = await proposeSettlement(mediator, { orderId, buyerBps: 6_000 });
    assert.equal(offer.order.offers?.[0]?.role, "mediator");
    const first = await acceptSettlement(market.seller, { orderId, offerId: offer.offerId });
    assert.equal(first.settled, false);
    assert.deepEqual(first.order.offers?.[0]?.acceptedBy, [market.seller.walletClient.account.address]);
    const before = await market.balance(mediatorAddress);
    const second = await acceptSettlement(market.buyer, { orderId, offerId: offer.offerId });
    assert.equal(second.settled, true);
    assert.equal(second.order.state, OrderState.Settled);
    assert.deepEqual(second.order.offers?.[0]?.acceptedBy, [
      market.seller.walletClient.account.address,
      market.buyer.walletClient.account.address,
    ]);
    assert.equal(await market.balance(mediatorAddress), before, "a mediator never receives funds");
  });

  test("the party who proposed the mediator cannot accept it", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await proposeMediator(market.buyer, { orderId, mediator: market.stranger.walletClient.account.address });
    await assert.rejects(acceptMediator(market.buyer, { orderId }), {
      errorName: "OwnMediatorProposal",
      shortMessage: `You proposed this mediator for order ${orderId}; the other party must accept it.`,
    });
  });
});
