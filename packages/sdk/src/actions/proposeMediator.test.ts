import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Market, startMarket } from "../../test/market.ts";
import { buy } from "./buy.ts";
import { proposeMediator } from "./proposeMediator.ts";

describe("proposeMediator", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("a party proposes a mediator, waiting for the other's agreement; none removes it", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const mediator = market.stranger.walletClient.account.address;
    const { order } = await proposeMediator(market.seller, { orderId, mediator });
    assert.deepEqual(order.mediator, {
      address: mediator,
      proposedBy: market.seller.walletClient.account.address,
      agreed: false,
    });
    const removed = await proposeMediator(market.buyer, { orderId, order });
    assert.equal(removed.order.mediator, undefined);
  });

  test("a party cannot mediate its own order", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const seller = market.seller.walletClient.account.address;
    await assert.rejects(proposeMediator(market.buyer, { orderId, mediator: seller }), {
      errorName: "InvalidMediator",
      shortMessage: `${seller} is a party to the order and cannot be its mediator.`,
    });
  });
});
