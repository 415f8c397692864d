import type { Address, DecodeEventLogReturnType } from "viem";
import { LanternError } from "../errors/base.ts";
import type { escrowAbi } from "../generated/abis.ts";
import {
  type OrderDispute,
  type OrderRecord,
  OrderState,
  type SettlementOffer,
  type SettlementRole,
} from "../types.ts";

/** The escrow events that make up an order's history, all indexed by `orderId` (their first topic). */
export const orderEventNames = [
  "OrderPaid",
  "OrderShipped",
  "OrderCompleted",
  "OrderRefunded",
  "OrderCancelled",
  "DisputeOpened",
  "ArbitrationFeePaid",
  "OrderDisputed",
  "DisputeTimedOut",
  "OrderResolved",
  "ArbitrationFeesRefunded",
  "DisputeSettled",
  "RulingIgnored",
  "SettlementProposed",
  "SettlementWithdrawn",
  "SettlementRejected",
  "SettlementAccepted",
  "OrderSettled",
  "MediatorProposed",
  "MediatorAppointed",
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
 * its state or adds to its dispute or negotiation. Pure, so the indexer folds the same events the same way.
 * Events must come in chain order. A direct purchase is `Completed` at once: it never enters the escrow.
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
    case "DisputeOpened":
      return {
        ...order,
        state: OrderState.Disputed,
        dispute: {
          opener: log.args.opener,
          arbitrator: log.args.arbitrator,
          extraData: log.args.extraData,
          openerFee: log.args.fee,
          feeDeadline: Number(log.args.feeDeadline),
          stage: "awaitingFee",
        },
      };
    case "ArbitrationFeePaid":
      return withDispute(order, log.eventName, { responderFee: log.args.fee });
    case "OrderDisputed":
      return withDispute({ ...order, state: OrderState.Disputed }, log.eventName, {
        arbitrator: log.args.arbitrator,
        disputeId: log.args.disputeId,
        stage: "arbitrating",
      });
    case "DisputeTimedOut":
      return withDispute(order, log.eventName, { stage: "timedOut" });
    case "OrderResolved": {
      const resolved: OrderRecord = {
        ...order,
        state: OrderState.Resolved,
        resolution: {
          ruling: log.args.ruling,
          buyerAmount: log.args.buyerAmount,
          sellerAmount: log.args.sellerAmount,
        },
      };
      return order.dispute?.stage === "timedOut"
        ? resolved
        : withDispute(resolved, log.eventName, { stage: "ruled" });
    }
    case "ArbitrationFeesRefunded":
      return withDispute(order, log.eventName, {
        feesRefunded: { toBuyer: log.args.toBuyer, toSeller: log.args.toSeller },
      });
    case "DisputeSettled":
      return withDispute(order, log.eventName, {
        withdrawal: { withdrawn: log.args.withdrawn, refund: log.args.refund },
      });
    case "RulingIgnored":
      return withDispute(order, log.eventName, {
        ignoredRulings: [...(order.dispute?.ignoredRulings ?? []), log.args.ruling],
      });
    case "SettlementProposed": {
      const a = log.args;
      const role = roleOf(order, a.proposer);
      const offers = (order.offers ?? []).map((offer) =>
        offer.status === "standing" && offer.role === role
          ? { ...offer, status: "superseded" as const }
          : offer,
      );
      const other = role === "mediator" ? undefined : role === "buyer" ? "seller" : "buyer";
      const answered = offers.find((offer) => offer.status === "standing" && offer.role === other);
      const offer: SettlementOffer = {
        offerId: a.offerId,
        proposer: a.proposer,
        role,
        buyerBps: Number(a.buyerBps),
        expiry: Number(a.expiry),
        messageDigest: a.messageDigest,
        status: "standing",
        ...(answered ? { counters: answered.offerId } : {}),
        acceptedBy: [],
      };
      return { ...order, offers: [...offers, offer] };
    }
    case "SettlementWithdrawn":
      return withOffer(order, log.eventName, log.args.offerId, () => ({ status: "withdrawn" }));
    case "SettlementRejected":
      return withOffer(order, log.eventName, log.args.offerId, () => ({
        status: "rejected",
        rejectedBy: log.args.by,
      }));
    case "SettlementAccepted":
      return withOffer(order, log.eventName, log.args.offerId, (offer) => ({
        acceptedBy: [...offer.acceptedBy, log.args.by],
      }));
    case "OrderSettled": {
      const settled = withOffer(order, log.eventName, log.args.offerId, (offer) => ({
        status: "accepted",
        // A party's offer is accepted by the other party; a mediator's last by whichever party had not yet.
        acceptedBy: [...offer.acceptedBy, lastAcceptor(order, offer)],
      }));
      const ended: OrderRecord = {
        ...settled,
        state: OrderState.Settled,
        settlement: {
          offerId: log.args.offerId,
          buyerAmount: log.args.buyerAmount,
          sellerAmount: log.args.sellerAmount,
        },
      };
      return order.dispute ? withDispute(ended, log.eventName, { stage: "settled" }) : ended;
    }
    case "MediatorProposed": {
      const { mediator: address, by } = log.args;
      if (/^0x0{40}$/i.test(address)) {
        const { mediator: _removed, ...rest } = order;
        return rest;
      }
      return { ...order, mediator: { address, proposedBy: by, agreed: false } };
    }
    case "MediatorAppointed":
      if (!order.mediator || order.mediator.address.toLowerCase() !== log.args.mediator.toLowerCase()) {
        throw new LanternError(`MediatorAppointed for order ${orderId} names a mediator nobody proposed.`);
      }
      return { ...order, mediator: { ...order.mediator, agreed: true } };
  }
}

function roleOf(order: OrderRecord, account: Address): SettlementRole {
  const a = account.toLowerCase();
  if (a === order.buyer.toLowerCase()) return "buyer";
  if (a === order.seller.toLowerCase()) return "seller";
  return "mediator";
}

function lastAcceptor(order: OrderRecord, offer: SettlementOffer): Address {
  if (offer.role === "buyer") return order.seller;
  if (offer.role === "seller") return order.buyer;
  const buyerAccepted = offer.acceptedBy.some((a) => a.toLowerCase() === order.buyer.toLowerCase());
  return buyerAccepted ? order.seller : order.buyer;
}

function withDispute(order: OrderRecord, eventName: string, changes: Partial<OrderDispute>): OrderRecord {
  if (!order.dispute) {
    throw new LanternError(`${eventName} for order ${order.orderId} came before its DisputeOpened.`);
  }
  return { ...order, dispute: { ...order.dispute, ...changes } };
}

function withOffer(
  order: OrderRecord,
  eventName: string,
  offerId: bigint,
  change: (offer: SettlementOffer) => Partial<SettlementOffer>,
): OrderRecord {
  const offers = order.offers ?? [];
  const index = offers.findIndex((offer) => offer.offerId === offerId);
  const current = offers[index];
  if (!current) {
    throw new LanternError(`${eventName} for order ${order.orderId} names offer ${offerId}, never proposed.`);
  }
  const next = [...offers];
  next[index] = { ...current, ...change(current) };
  return { ...order, offers: next };
}
