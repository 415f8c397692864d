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

  test("a dispute records the arbitrator and dispute id; the ruling records the split", () => {
    const disputed = fold([
      paid(7n),
      {
        eventName: "OrderShipped",
        args: { orderId: 7n, trackingDigest: zeroHash, shippedAt: 1_700_000_500n },
      },
      { eventName: "OrderDisputed", args: { orderId: 7n, arbitrator, disputeId: 0n } },
    ]);
    assert.equal(disputed?.state, OrderState.Disputed);
    assert.deepEqual(disputed?.dispute, { arbitrator, disputeId: 0n });
    assert.equal(disputed?.shippedAt, 1_700_000_500, "the shipping time stays in the hashed order");

    const resolved = applyOrderEvent(disputed, {
      eventName: "OrderResolved",
      args: { orderId: 7n, ruling: 3_003n, buyerAmount: 30_000n, sellerAmount: 70_000n },
    });
    assert.equal(resolved.state, OrderState.Resolved);
    assert.deepEqual(resolved.resolution, { ruling: 3_003n, buyerAmount: 30_000n, sellerAmount: 70_000n });
    assert.deepEqual(resolved.dispute, { arbitrator, disputeId: 0n });
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
