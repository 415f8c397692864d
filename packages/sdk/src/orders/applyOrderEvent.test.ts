import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Address, type Hex, zeroAddress, zeroHash } from "viem";
import { LanternError } from "../errors/base.ts";
import { type OrderRecord, OrderState } from "../types.ts";
import { applyOrderEvent, type OrderEvent } from "./applyOrderEvent.ts";
import { hashOrder, orderStruct } from "./hashOrder.ts";

const buyer: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const seller: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const listing: Address = "0x0F15726802895b0380114a42918c0E532Ee66A5F";
const arbitrator: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const mediator: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const shippingDigest: Hex = `0x${"ab".repeat(32)}`;
const trackingDigest: Hex = `0x${"cd".repeat(32)}`;

function paid(orderId: bigint, escrowed = true): OrderEvent {
  return {
    eventName: "OrderPaid",
    args: {
      orderId,
      listing,
      buyer,
      seller,
      currency: zeroAddress,
      amount: 100_000n,
      quantity: 2n,
      escrowed,
      shipWindow: 259_200n,
      deliveryWindow: 1_209_600n,
      paidAt: 1_700_000_000n,
      shippingDigest,
    },
  };
}

const fold = (events: OrderEvent[]) => events.reduce<OrderRecord | undefined>(applyOrderEvent, undefined);

const FEE = 10_000_000_000_000_000n;

function opened7(): OrderEvent {
  return {
    eventName: "DisputeOpened",
    args: { orderId: 7n, opener: buyer, arbitrator, fee: FEE, feeDeadline: 1_700_700_000n, extraData: "0x" },
  };
}

function proposed(orderId: bigint, offerId: bigint, proposer: Address, buyerBps: bigint): OrderEvent {
  return {
    eventName: "SettlementProposed",
    args: { orderId, offerId, proposer, buyerBps, expiry: 1_700_900_000n, messageDigest: zeroHash },
  };
}

describe("applyOrderEvent", () => {
  test("OrderPaid creates the order the escrow hashed, in state Paid", () => {
    const order = applyOrderEvent(undefined, paid(4n));
    assert.deepEqual(order, {
      orderId: 4n,
      buyer,
      seller,
      listing,
      currency: zeroAddress,
      amount: 100_000n,
      quantity: 2,
      shipWindow: 259_200,
      deliveryWindow: 1_209_600,
      paidAt: 1_700_000_000,
      shippedAt: 0,
      state: OrderState.Paid,
      escrowed: true,
      shippingDigest,
      trackingDigest: zeroHash,
    });
    assert.deepEqual(Object.keys(orderStruct(order)), [
      "buyer",
      "seller",
      "listing",
      "currency",
      "amount",
      "quantity",
      "shipWindow",
      "deliveryWindow",
      "paidAt",
      "shippedAt",
      "state",
    ]);
  });

  test("a direct purchase is completed from the start", () => {
    const order = applyOrderEvent(undefined, paid(1n, false));
    assert.equal(order.state, OrderState.Completed);
    assert.equal(order.escrowed, false);
  });

  test("shipping sets the time and the tracking digest; confirming completes it by the buyer", () => {
    const order = fold([
      paid(1n),
      { eventName: "OrderShipped", args: { orderId: 1n, trackingDigest, shippedAt: 1_700_000_500n } },
      { eventName: "OrderCompleted", args: { orderId: 1n, byBuyer: true } },
    ]);
    assert.equal(order?.state, OrderState.Completed);
    assert.equal(order?.shippedAt, 1_700_000_500);
    assert.equal(order?.trackingDigest, trackingDigest);
    assert.equal(order?.completedByBuyer, true);
  });

  test("a release after the delivery window completes it, not by the buyer", () => {
    const order = fold([
      paid(1n),
      {
        eventName: "OrderShipped",
        args: { orderId: 1n, trackingDigest: zeroHash, shippedAt: 1_700_000_500n },
      },
      { eventName: "OrderCompleted", args: { orderId: 1n, byBuyer: false } },
    ]);
    assert.equal(order?.completedByBuyer, false);
  });

  test("refunds and cancellations end the order", () => {
    assert.equal(
      fold([paid(1n), { eventName: "OrderRefunded", args: { orderId: 1n } }])?.state,
      OrderState.Refunded,
    );
    assert.equal(
      fold([paid(1n), { eventName: "OrderCancelled", args: { orderId: 1n } }])?.state,
      OrderState.Cancelled,
    );
  });

  test("a dispute records the opener, its fee and deadline; the other fee, the dispute id; the ruling the split", () => {
    const opened = fold([
      paid(7n),
      {
        eventName: "OrderShipped",
        args: { orderId: 7n, trackingDigest: zeroHash, shippedAt: 1_700_000_500n },
      },
      opened7(),
    ]);
    assert.equal(opened?.state, OrderState.Disputed);
    assert.deepEqual(opened?.dispute, {
      opener: buyer,
      arbitrator,
      extraData: "0x",
      openerFee: FEE,
      feeDeadline: 1_700_700_000,
      stage: "awaitingFee",
    });
    assert.equal(opened?.shippedAt, 1_700_000_500, "the shipping time stays in the hashed order");

    const disputed = fold([
      paid(7n),
      opened7(),
      { eventName: "ArbitrationFeePaid", args: { orderId: 7n, payer: seller, fee: FEE } },
      { eventName: "OrderDisputed", args: { orderId: 7n, arbitrator, disputeId: 0n } },
    ]);
    assert.equal(disputed?.dispute?.stage, "arbitrating");
    assert.equal(disputed?.dispute?.responderFee, FEE);
    assert.equal(disputed?.dispute?.disputeId, 0n);

    const resolved = [
      {
        eventName: "OrderResolved",
        args: { orderId: 7n, ruling: 3_003n, buyerAmount: 30_000n, sellerAmount: 70_000n },
      },
      { eventName: "ArbitrationFeesRefunded", args: { orderId: 7n, toBuyer: 30n, toSeller: 70n } },
    ].reduce<OrderRecord>((o, e) => applyOrderEvent(o, e as OrderEvent), disputed as OrderRecord);
    assert.equal(resolved.state, OrderState.Resolved);
    assert.deepEqual(resolved.resolution, { ruling: 3_003n, buyerAmount: 30_000n, sellerAmount: 70_000n });
    assert.equal(resolved.dispute?.stage, "ruled");
    assert.deepEqual(resolved.dispute?.feesRefunded, { toBuyer: 30n, toSeller: 70n });
  });

  test("a dispute nobody answered times out for its opener", () => {
    const order = fold([
      paid(7n),
      opened7(),
      { eventName: "DisputeTimedOut", args: { orderId: 7n, winner: buyer } },
      {
        eventName: "OrderResolved",
        args: { orderId: 7n, ruling: 1n, buyerAmount: 100_000n, sellerAmount: 0n },
      },
    ]);
    assert.equal(order?.state, OrderState.Resolved);
    assert.equal(order?.dispute?.stage, "timedOut");
  });

  test("offers, a counter-offer, a superseded offer and an acceptance make up the negotiation", () => {
    const order = fold([
      paid(3n),
      proposed(3n, 1n, buyer, 3_000n),
      proposed(3n, 2n, seller, 2_000n),
      proposed(3n, 3n, buyer, 2_500n),
      {
        eventName: "OrderSettled",
        args: { orderId: 3n, offerId: 2n, buyerAmount: 20_000n, sellerAmount: 80_000n },
      },
    ]);
    assert.equal(order?.state, OrderState.Settled);
    assert.deepEqual(order?.settlement, { offerId: 2n, buyerAmount: 20_000n, sellerAmount: 80_000n });
    assert.deepEqual(
      order?.offers?.map((o) => [o.offerId, o.role, o.buyerBps, o.status, o.counters, o.acceptedBy]),
      [
        [1n, "buyer", 3_000, "superseded", undefined, []],
        [2n, "seller", 2_000, "accepted", 1n, [buyer]],
        [3n, "buyer", 2_500, "standing", 2n, []],
      ],
    );
    assert.equal(order?.dispute, undefined);
  });

  test("withdrawals and rejections close offers", () => {
    const order = fold([
      paid(3n),
      proposed(3n, 1n, buyer, 3_000n),
      proposed(3n, 2n, seller, 2_000n),
      { eventName: "SettlementWithdrawn", args: { orderId: 3n, offerId: 1n } },
      { eventName: "SettlementRejected", args: { orderId: 3n, offerId: 2n, by: buyer } },
    ]);
    assert.equal(order?.state, OrderState.Paid);
    assert.deepEqual(
      order?.offers?.map((o) => [o.status, o.rejectedBy]),
      [
        ["withdrawn", undefined],
        ["rejected", buyer],
      ],
    );
  });

  test("a mediator both parties agreed on makes an offer both accept", () => {
    const order = fold([
      paid(3n),
      { eventName: "MediatorProposed", args: { orderId: 3n, by: seller, mediator } },
      { eventName: "MediatorAppointed", args: { orderId: 3n, mediator } },
      proposed(3n, 1n, mediator, 10_000n),
      { eventName: "SettlementAccepted", args: { orderId: 3n, offerId: 1n, by: buyer } },
      {
        eventName: "OrderSettled",
        args: { orderId: 3n, offerId: 1n, buyerAmount: 100_000n, sellerAmount: 0n },
      },
    ]);
    assert.deepEqual(order?.mediator, { address: mediator, proposedBy: seller, agreed: true });
    assert.deepEqual(order?.offers?.[0]?.acceptedBy, [buyer, seller]);
    assert.equal(order?.offers?.[0]?.role, "mediator");
    const removed = applyOrderEvent(order, {
      eventName: "MediatorProposed",
      args: { orderId: 3n, by: buyer, mediator: zeroAddress },
    });
    assert.equal(removed.mediator, undefined);
  });

  test("settling a disputed order records the withdrawal, the fees and any ruling that came after", () => {
    const order = fold([
      paid(7n),
      opened7(),
      { eventName: "ArbitrationFeePaid", args: { orderId: 7n, payer: seller, fee: FEE } },
      { eventName: "OrderDisputed", args: { orderId: 7n, arbitrator, disputeId: 4n } },
      proposed(7n, 1n, seller, 5_000n),
      {
        eventName: "OrderSettled",
        args: { orderId: 7n, offerId: 1n, buyerAmount: 50_000n, sellerAmount: 50_000n },
      },
      {
        eventName: "DisputeSettled",
        args: { orderId: 7n, arbitrator, disputeId: 4n, withdrawn: false, refund: 0n },
      },
      { eventName: "ArbitrationFeesRefunded", args: { orderId: 7n, toBuyer: FEE / 2n, toSeller: FEE / 2n } },
      { eventName: "RulingIgnored", args: { orderId: 7n, arbitrator, disputeId: 4n, ruling: 2n } },
    ]);
    assert.equal(order?.state, OrderState.Settled);
    assert.equal(order?.dispute?.stage, "settled");
    assert.deepEqual(order?.dispute?.withdrawal, { withdrawn: false, refund: 0n });
    assert.deepEqual(order?.dispute?.ignoredRulings, [2n]);
  });

  test("rejects dispute and offer events that name nothing known", () => {
    const order = applyOrderEvent(undefined, paid(1n));
    assert.throws(
      () =>
        applyOrderEvent(order, {
          eventName: "ArbitrationFeePaid",
          args: { orderId: 1n, payer: seller, fee: 1n },
        }),
      { shortMessage: "ArbitrationFeePaid for order 1 came before its DisputeOpened." },
    );
    assert.throws(
      () => applyOrderEvent(order, { eventName: "SettlementWithdrawn", args: { orderId: 1n, offerId: 9n } }),
      { shortMessage: "SettlementWithdrawn for order 1 names offer 9, never proposed." },
    );
  });

  test("never changes the order it is given", () => {
    const order = applyOrderEvent(undefined, paid(1n));
    const copy = structuredClone(order);
    applyOrderEvent(order, { eventName: "OrderRefunded", args: { orderId: 1n } });
    assert.deepEqual(order, copy);
  });

  test("ignores extra log fields such as block numbers", () => {
    const log = { ...paid(2n), blockNumber: 12n, logIndex: 3, transactionHash: zeroHash };
    assert.equal(applyOrderEvent(undefined, log).orderId, 2n);
  });

  test("rejects an event before OrderPaid, an event of another order, and a second OrderPaid", () => {
    assert.throws(
      () => applyOrderEvent(undefined, { eventName: "OrderRefunded", args: { orderId: 1n } }),
      (error: unknown) => error instanceof LanternError && /came before its OrderPaid/.test(error.message),
    );
    const order = applyOrderEvent(undefined, paid(1n));
    assert.throws(() => applyOrderEvent(order, { eventName: "OrderRefunded", args: { orderId: 2n } }), {
      shortMessage: "OrderRefunded is for order 2, not order 1.",
    });
    assert.throws(() => applyOrderEvent(order, paid(1n)), {
      shortMessage: "Order 1 was already paid; OrderPaid came twice.",
    });
  });

  test("hashOrder hashes only the struct's fields", () => {
    const order = applyOrderEvent(undefined, paid(1n));
    assert.equal(hashOrder(order), hashOrder(orderStruct(order)));
    assert.notEqual(hashOrder(order), hashOrder({ ...order, state: OrderState.Shipped }));
  });
});
