import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { cidOfBytes, digestFromCid } from "../content/cid.ts";
import { getOrder } from "../readers/getOrder.ts";
import { buy } from "./buy.ts";
import { proposeSettlement } from "./proposeSettlement.ts";

const DAY = 86_400;

describe("proposeSettlement", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("offers a split with a message, open for three days by the chain's clock", async () => {
    const listing = await market.list({ price: parseEther("1") });
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const messageDigest = digestFromCid(cidOfBytes(new TextEncoder().encode("The lens arrived scratched.")));
    const { order, offerId, buyerAmount, sellerAmount, receipt } = await proposeSettlement(market.buyer, {
      orderId,
      buyerBps: 3_000,
      messageDigest,
    });
    const block = await market.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    assert.equal(offerId, 1n);
    assert.equal(buyerAmount, parseEther("0.3"));
    assert.equal(sellerAmount, parseEther("0.7"));
    assert.deepEqual(order.offers, [
      {
        offerId: 1n,
        proposer: market.buyer.walletClient.account.address,
        role: "buyer",
        buyerBps: 3_000,
        expiry: Number(block.timestamp) + 3 * DAY,
        messageDigest,
        status: "standing",
        acceptedBy: [],
      },
    ]);
    assert.deepEqual(await getOrder(market.seller, { orderId }), order);
  });

  test("a counter-offer names the offer it answers; a new offer supersedes the proposer's last", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await proposeSettlement(market.buyer, { orderId, buyerBps: 3_000 });
    const counter = await proposeSettlement(market.seller, { orderId, buyerBps: 2_000 });
    assert.equal(counter.order.offers?.[1]?.counters, 1n);
    const again = await proposeSettlement(market.buyer, { orderId, buyerBps: 2_500 });
    assert.deepEqual(
      again.order.offers?.map((o) => [o.offerId, o.status, o.counters]),
      [
        [1n, "superseded", undefined],
        [2n, "standing", 1n],
        [3n, "standing", 2n],
      ],
    );
  });

  test("explains a split over 10,000 basis points, and refuses a fraction before sending", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(proposeSettlement(market.buyer, { orderId, buyerBps: 10_001 }), {
      errorName: "InvalidSplit",
      shortMessage:
        "A settlement gives the buyer from 0 to 10000 basis points (100 %) of the order; 10001 is more.",
    });
    await assert.rejects(proposeSettlement(market.buyer, { orderId, buyerBps: 12.5 }), {
      name: "ValidationError",
    });
  });

  test("explains an offer by a stranger and an expiry in the past", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const stranger = market.stranger.walletClient.account.address;
    await assert.rejects(proposeSettlement(market.stranger, { orderId, buyerBps: 5_000 }), {
      errorName: "NotPartyOrMediator",
      shortMessage:
        `Only the buyer, the seller or the agreed mediator of order ${orderId} may make or withdraw offers; ` +
        `${stranger} is none of them.`,
    });
    await assert.rejects(proposeSettlement(market.buyer, { orderId, buyerBps: 5_000, expiry: 1 }), {
      errorName: "InvalidExpiry",
    });
  });
});
