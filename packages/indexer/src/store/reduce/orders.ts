import { applyOrderEvent, type OrderEvent, type OrderRecord } from "@lantern/sdk";
import type { Address, Hex } from "viem";
import type { DecodedEvent } from "../../decode/events.ts";
import { type Column, ColumnBuffer, insertColumns } from "../bulk.ts";
import type { Queryable } from "../database.ts";
import { argsJson } from "./json.ts";

const ORDER_EVENTS = new Set([
  "OrderPaid",
  "OrderShipped",
  "OrderCompleted",
  "OrderRefunded",
  "OrderCancelled",
  "OrderDisputed",
  "OrderResolved",
]);

interface OrderRow {
  record: OrderRecord;
  createdBlock: bigint;
  createdTx: Hex;
  updatedBlock: bigint;
}

const ORDER_COLUMNS: Column[] = [
  { name: "order_id", type: "numeric" },
  { name: "listing", type: "text" },
  { name: "buyer", type: "text" },
  { name: "seller", type: "text" },
  { name: "currency", type: "text" },
  { name: "amount", type: "numeric" },
  { name: "quantity", type: "bigint" },
  { name: "escrowed", type: "boolean" },
  { name: "state", type: "smallint" },
  { name: "ship_window", type: "bigint" },
  { name: "delivery_window", type: "bigint" },
  { name: "paid_at", type: "bigint" },
  { name: "shipped_at", type: "bigint" },
  { name: "shipping_digest", type: "text" },
  { name: "tracking_digest", type: "text" },
  { name: "completed_by_buyer", type: "boolean" },
  { name: "arbitrator", type: "text" },
  { name: "dispute_id", type: "numeric" },
  { name: "ruling", type: "numeric" },
  { name: "buyer_amount", type: "numeric" },
  { name: "seller_amount", type: "numeric" },
  { name: "created_block", type: "bigint" },
  { name: "created_tx", type: "text" },
  { name: "updated_block", type: "bigint" },
];

const EVENT_COLUMNS: Column[] = [
  { name: "block_number", type: "bigint" },
  { name: "log_index", type: "integer" },
  { name: "tx_hash", type: "text" },
  { name: "order_id", type: "numeric" },
  { name: "event", type: "text" },
  { name: "args", type: "jsonb" },
];

export type DecodedOrderEvent = DecodedEvent & { source: "escrow"; event: OrderEvent };

/** The event as an order event, or undefined (a function, not a type guard, so the other branch keeps escrow). */
export function asOrderEvent(e: DecodedEvent): DecodedOrderEvent | undefined {
  return e.source === "escrow" && ORDER_EVENTS.has(e.event.eventName) ? (e as DecodedOrderEvent) : undefined;
}

/**
 * Folds escrow events into orders with the SDK's `applyOrderEvent`, so the indexer and every SDK user
 * agree on what an order's events mean. The chain stores only a hash per order; these rows are the order.
 */
export class OrderReducer {
  readonly rows = new Map<string, OrderRow>();
  readonly events = new ColumnBuffer(EVENT_COLUMNS);

  /** Ids of every order the events touch. */
  static touched(events: readonly DecodedEvent[]): string[] {
    const ids = new Set<string>();
    for (const e of events) {
      const order = asOrderEvent(e);
      if (order) ids.add(order.event.args.orderId.toString());
    }
    return [...ids];
  }

  async load(tx: Queryable, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await tx.query<Record<string, string | boolean | null>>(
      `SELECT order_id::text, listing, buyer, seller, currency, amount::text, quantity::text, escrowed,
              state::text, ship_window::text, delivery_window::text, paid_at::text, shipped_at::text,
              shipping_digest, tracking_digest, completed_by_buyer, arbitrator, dispute_id::text, ruling::text,
              buyer_amount::text, seller_amount::text, created_block::text, created_tx, updated_block::text
       FROM orders WHERE order_id = ANY($1::numeric[])`,
      [ids],
    );
    for (const r of rows) {
      const record: OrderRecord = {
        orderId: BigInt(r.order_id as string),
        buyer: r.buyer as Address,
        seller: r.seller as Address,
        listing: r.listing as Address,
        currency: r.currency as Address,
        amount: BigInt(r.amount as string),
        quantity: Number(r.quantity),
        shipWindow: Number(r.ship_window),
        deliveryWindow: Number(r.delivery_window),
        paidAt: Number(r.paid_at),
        shippedAt: Number(r.shipped_at),
        state: Number(r.state) as OrderRecord["state"],
        escrowed: r.escrowed as boolean,
        shippingDigest: r.shipping_digest as Hex,
        trackingDigest: r.tracking_digest as Hex,
      };
      if (r.completed_by_buyer !== null) record.completedByBuyer = r.completed_by_buyer as boolean;
      if (r.arbitrator !== null) {
        record.dispute = { arbitrator: r.arbitrator as Address, disputeId: BigInt(r.dispute_id as string) };
      }
      if (r.ruling !== null) {
        record.resolution = {
          ruling: BigInt(r.ruling as string),
          buyerAmount: BigInt(r.buyer_amount as string),
          sellerAmount: BigInt(r.seller_amount as string),
        };
      }
      this.rows.set(r.order_id as string, {
        record,
        createdBlock: BigInt(r.created_block as string),
        createdTx: r.created_tx as Hex,
        updatedBlock: BigInt(r.updated_block as string),
      });
    }
  }

  /** Applies one order event; returns why it could not be applied, or undefined. */
  apply(e: DecodedOrderEvent): string | undefined {
    const id = e.event.args.orderId.toString();
    const current = this.rows.get(id);
    let record: OrderRecord;
    try {
      record = applyOrderEvent(current?.record, e.event);
    } catch (error) {
      return `${e.event.eventName} does not fit order ${id}: ${(error as Error).message}`;
    }
    const { log } = e;
    this.rows.set(id, {
      record,
      createdBlock: current?.createdBlock ?? log.blockNumber,
      createdTx: current?.createdTx ?? log.transactionHash,
      updatedBlock: log.blockNumber,
    });
    this.events.push(
      log.blockNumber.toString(),
      log.logIndex,
      log.transactionHash,
      id,
      e.event.eventName,
      argsJson(e.event.args),
    );
    return undefined;
  }

  async write(tx: Queryable): Promise<void> {
    const buffer = new ColumnBuffer(ORDER_COLUMNS);
    for (const { record: o, createdBlock, createdTx, updatedBlock } of this.rows.values()) {
      buffer.push(
        o.orderId.toString(),
        o.listing.toLowerCase(),
        o.buyer.toLowerCase(),
        o.seller.toLowerCase(),
        o.currency.toLowerCase(),
        o.amount.toString(),
        o.quantity,
        o.escrowed,
        o.state,
        o.shipWindow,
        o.deliveryWindow,
        o.paidAt,
        o.shippedAt,
        o.shippingDigest.toLowerCase(),
        o.trackingDigest.toLowerCase(),
        o.completedByBuyer ?? null,
        o.dispute?.arbitrator.toLowerCase() ?? null,
        o.dispute?.disputeId.toString() ?? null,
        o.resolution?.ruling.toString() ?? null,
        o.resolution?.buyerAmount.toString() ?? null,
        o.resolution?.sellerAmount.toString() ?? null,
        createdBlock.toString(),
        createdTx,
        updatedBlock.toString(),
      );
    }
    await insertColumns(tx, "orders", ORDER_COLUMNS, buffer.data, { conflict: ["order_id"] });
    await insertColumns(tx, "order_events", EVENT_COLUMNS, this.events.data);
  }
}
