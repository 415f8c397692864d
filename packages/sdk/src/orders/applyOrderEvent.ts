import type { DecodeEventLogReturnType } from "viem";
import { LanternError } from "../errors/base.ts";
import type { escrowAbi } from "../generated/abis.ts";
import { type OrderRecord, OrderState } from "../types.ts";

/** The escrow events that make up an order's history, all indexed by `orderId` (their first topic). */
export const orderEventNames = [
  "OrderPaid",
  "OrderShipped",
  "OrderCompleted",
  "OrderRefunded",
  "OrderCancelled",
  "OrderDisputed",
  "OrderResolved",
] as const;
export type OrderEventName = (typeof orderEventNames)[number];

/**
 * A decoded order event: what viem's `parseEventLogs` or `decodeEventLog` return for the escrow ABI (extra
 * fields such as `blockNumber` are allowed and ignored).
 */
export type OrderEvent = {
  [name in OrderEventName]: DecodeEventLogReturnType<typeof escrowAbi, name>;
}[OrderEventName];

/**
 * Folds one event into an order, returning a new record: `OrderPaid` creates it, every later event moves
 * its state. Pure, so the indexer folds the same events the same way. Events must come in chain order.
 * A direct purchase is `Completed` at once: it never enters the escrow.
 */
export function applyOrderEvent(order: OrderRecord | undefined, log: OrderEvent): OrderRecord {
  if (log.eventName === "OrderPaid") {
    const a = log.args;
    if (order) throw new LanternError(`Order ${a.orderId} was already paid; OrderPaid came twice.`);
    return {
      orderId: a.orderId,
      buyer: a.buyer,
      seller: a.seller,
      listing: a.listing,
      currency: a.currency,
      amount: a.amount,
      quantity: Number(a.quantity),
      shipWindow: Number(a.shipWindow),
      deliveryWindow: Number(a.deliveryWindow),
      paidAt: Number(a.paidAt),
      shippedAt: 0,
      state: a.escrowed ? OrderState.Paid : OrderState.Completed,
      escrowed: a.escrowed,
      shippingDigest: a.shippingDigest,
      trackingDigest: `0x${"0".repeat(64)}`,
    };
  }
  const orderId = log.args.orderId;
  if (!order) throw new LanternError(`${log.eventName} for order ${orderId} came before its OrderPaid.`);
  if (order.orderId !== orderId) {
    throw new LanternError(`${log.eventName} is for order ${orderId}, not order ${order.orderId}.`);
  }
  switch (log.eventName) {
    case "OrderShipped":
      return {
        ...order,
        state: OrderState.Shipped,
        shippedAt: Number(log.args.shippedAt),
        trackingDigest: log.args.trackingDigest,
      };
    case "OrderCompleted":
      return { ...order, state: OrderState.Completed, completedByBuyer: log.args.byBuyer };
    case "OrderRefunded":
      return { ...order, state: OrderState.Refunded };
    case "OrderCancelled":
      return { ...order, state: OrderState.Cancelled };
    case "OrderDisputed":
      return {
        ...order,
        state: OrderState.Disputed,
        dispute: { arbitrator: log.args.arbitrator, disputeId: log.args.disputeId },
      };
    case "OrderResolved":
      return {
        ...order,
        state: OrderState.Resolved,
        resolution: {
          ruling: log.args.ruling,
          buyerAmount: log.args.buyerAmount,
          sellerAmount: log.args.sellerAmount,
        },
      };
  }
}
