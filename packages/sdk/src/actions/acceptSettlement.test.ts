import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { useTestArbitrator } from "../../test/arbitrator.ts";
import { type Market, startMarket } from "../../test/market.ts";
import { getOrder } from "../readers/getOrder.ts";
import { Ruling } from "../rulings.ts";
import { OrderState } from "../types.ts";
import { acceptSettlement } from "./acceptSettlement.ts";
import { buy } from "./buy.ts";
import { dispute } from "./dispute.ts";
import { payArbitrationFee } from "./payArbitrationFee.ts";
import { proposeSettlement } from "./proposeSettlement.ts";
import { ship } from "./ship.ts";

const DAY = 86_400;
const FEE = parseEther("0.01");

describe("acceptSettlement", () => {
  let market: Market;
  let arbitrator: Awaited<ReturnType<typeof useTestArbitrator>>;

  before(async () => {
    market = await startMarket();
    arbitrator = await useTestArbitrator(market, FEE);
    await market.mint(market.buyer.walletClient.account.address, parseEther("1000"));
  });
  after(() => market.stop());

  test("the buyer reports damage and asks 30 %, the seller counters 20 %, the buyer accepts", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("100") });
    const buyer = market.buyer.walletClient.account.address;
    const seller = market.seller.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });
    await proposeSettlement(market.buyer, { orderId, buyerBps: 3_000 });
    const counter = await proposeSettlement(market.seller, { orderId, buyerBps: 2_000 });
    assert.equal(counter.buyerAmount, parseEther("20"), "you get 20.00 back");
    assert.equal(counter.sellerAmount, parseEther("80"), "the seller keeps 80.00");
    const buyerBefore = await market.tokenBalance(buyer);

    const { order, settled } = await acceptSettlement(market.buyer, { orderId, offerId: counter.offerId });
    assert.ok(settled);
    assert.equal(order.state, OrderState.Settled);
    assert.deepEqual(order.settlement, {
      offerId: counter.offerId,
      buyerAmount: parseEther("20"),
      sellerAmount: parseEther("80"),
    });
    assert.deepEqual(
      order.offers?.map((o) => [o.role, o.buyerBps, o.status, o.acceptedBy]),
      [
        ["buyer", 3_000, "standing", []],
        ["seller", 2_000, "accepted", [buyer]],
      ],
    );
    assert.equal(await market.tokenBalance(buyer), buyerBefore + parseEther("20"));
    assert.equal(await market.tokenBalance(seller), parseEther("80"));
    assert.deepEqual(await getOrder(market.stranger, { orderId }), order);
  });

  test("settling a disputed order ends the dispute, returns the fees, and the late ruling is ignored", async () => {
    const listing = await market.list({ price: parseEther("1") });
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.buyer, { orderId });
    const { disputeId } = await payArbitrationFee(market.seller, { orderId });
    const offer = await proposeSettlement(market.seller, { orderId, buyerBps: 5_000 });
    const { order } = await acceptSettlement(market.buyer, { orderId, offerId: offer.offerId });
    assert.equal(order.state, OrderState.Settled);
    assert.equal(order.dispute?.stage, "settled");
    // A plain ERC-792 arbitrator keeps its fee; the one the escrow held is shared half each.
    assert.deepEqual(order.dispute?.withdrawal, { withdrawn: false, refund: 0n });
    assert.deepEqual(order.dispute?.feesRefunded, { toBuyer: FEE / 2n, toSeller: FEE / 2n });

    await arbitrator.rule(disputeId, Ruling.Refund);
    const after = await getOrder(market.buyer, { orderId });
    assert.equal(after.state, OrderState.Settled);
    assert.deepEqual(after.dispute?.ignoredRulings, [Ruling.Refund]);
  });

  test("explains a settlement that lost the race against the ruling", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.buyer, { orderId });
    const { disputeId } = await payArbitrationFee(market.seller, { orderId });
    const offer = await proposeSettlement(market.seller, { orderId, buyerBps: 5_000 });
    await arbitrator.rule(disputeId, Ruling.Release);
    await assert.rejects(
      acceptSettlement(market.buyer, { orderId, order: offer.order, offerId: offer.offerId }),
      {
        errorName: "DisputeAlreadyResolved",
        shortMessage:
          `The dispute on order ${orderId} was resolved (by the arbitrator's ruling or by default) ` +
          "before the settlement could take effect.",
      },
    );
  });

  test("explains an expired offer, an own offer, and a superseded one", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const first = await proposeSettlement(market.buyer, { orderId, buyerBps: 3_000 });
    await assert.rejects(acceptSettlement(market.buyer, { orderId, offerId: first.offerId }), {
      errorName: "OwnOffer",
      shortMessage: `Offer 1 on order ${orderId} is your own; the other side accepts or rejects it, and you may withdraw it.`,
    });
    const second = await proposeSettlement(market.buyer, { orderId, buyerBps: 4_000 });
    await assert.rejects(acceptSettlement(market.seller, { orderId, offerId: first.offerId }), {
      errorName: "OfferSuperseded",
    });
    await market.travel(3 * DAY);
    const expiry = second.order.offers?.at(-1)?.expiry ?? 0;
    await assert.rejects(acceptSettlement(market.seller, { orderId, offerId: second.offerId }), {
      errorName: "OfferExpired",
      shortMessage: `Offer 2 on order ${orderId} expired at ${new Date(expiry * 1000).toISOString()}; ask for a new one.`,
    });
  });
});
