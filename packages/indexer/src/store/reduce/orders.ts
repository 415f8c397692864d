import { applyOrderEvent, type OrderEvent, type OrderRecord, orderEventNames } from "@lantern/sdk";
import type { Address, Hex } from "viem";
import type { DecodedEvent } from "../../decode/events.ts";
import { insertRows, type Row } from "../bulk.ts";
import type { Queryable } from "../database.ts";
import { jsonArgs } from "./json.ts";

/** The escrow events that move an order's state: exactly those the SDK's reducer folds. */
const ORDER_EVENTS = new Set<string>(orderEventNames);

interface OrderRow {
  record: OrderRecord;
  createdBlock: bigint;
  createdTx: Hex;
  updatedBlock: bigint;
}

const ORDER_COLUMNS = [
  "order_id",
  "listing",
  "buyer",
  "seller",
  "currency",
  "amount",
  "quantity",
  "escrowed",
  "state",
  "ship_window",
  "delivery_window",
  "paid_at",
  "shipped_at",
  "shipping_digest",
  "tracking_digest",
  "completed_by_buyer",
  "arbitrator",
  "dispute_id",
  "ruling",
  "buyer_amount",
  "seller_amount",
  "details",
  "created_block",
  "created_tx",
  "updated_block",
] as const;

const EVENT_COLUMNS = ["block_number", "log_index", "tx_hash", "order_id", "event", "args"] as const;

/** The order an escrow event is about, if it names one. */
export function orderIdOf(e: DecodedEvent): bigint | undefined {
  if (e.source !== "escrow") return undefined;
  const args = e.event.args as Record<string, unknown>;
  return typeof args.orderId === "bigint" ? args.orderId : undefined;
}

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
  readonly events: Row[] = [];

  /**
   * Records an escrow event about an order that does not change the order's fields (a settlement offer,
   * a fee paid, ...) in its history only.
   */
  note(e: DecodedEvent, orderId: bigint): void {
    const { log } = e;
    this.events.push({
      block_number: log.blockNumber.toString(),
      log_index: log.logIndex,
      tx_hash: log.transactionHash,
      order_id: orderId.toString(),
      event: e.event.eventName,
      args: jsonArgs(e.event.args) as object,
    });
  }

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
    const rows = await tx.query<Record<string, string | boolean | object | null>>(
      `SELECT order_id::text, listing, buyer, seller, currency, amount::text, quantity::text, escrowed,
              state::text, ship_window::text, delivery_window::text, paid_at::text, shipped_at::text,
              shipping_digest, tracking_digest, completed_by_buyer, details, created_block::text, created_tx,
              updated_block::text
       FROM orders WHERE order_id = ANY($1::numeric[])`,
      [ids],
    );
    for (const r of rows) {
      const record = {
        ...(reviveDetails(r.details) as Partial<OrderRecord>),
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
      } as OrderRecord;
      if (r.completed_by_buyer !== null) record.completedByBuyer = r.completed_by_buyer as boolean;
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
    this.events.push({
      block_number: log.blockNumber.toString(),
      log_index: log.logIndex,
      tx_hash: log.transactionHash,
      order_id: id,
      event: e.event.eventName,
      args: jsonArgs(e.event.args) as object,
    });
    return undefined;
  }

  async write(tx: Queryable): Promise<void> {
    const rows: Row[] = [];
    for (const { record: o, createdBlock, createdTx, updatedBlock } of this.rows.values()) {
      const details = detailsOf(o);
      rows.push({
        order_id: o.orderId.toString(),
        listing: o.listing.toLowerCase(),
        buyer: o.buyer.toLowerCase(),
        seller: o.seller.toLowerCase(),
        currency: o.currency.toLowerCase(),
        amount: o.amount.toString(),
        quantity: o.quantity,
        escrowed: o.escrowed,
        state: o.state,
        ship_window: o.shipWindow,
        delivery_window: o.deliveryWindow,
        paid_at: o.paidAt,
        shipped_at: o.shippedAt,
        shipping_digest: o.shippingDigest.toLowerCase(),
        tracking_digest: o.trackingDigest.toLowerCase(),
        completed_by_buyer: o.completedByBuyer ?? null,
        arbitrator: o.dispute?.arbitrator.toLowerCase() ?? null,
        dispute_id: o.dispute?.disputeId?.toString() ?? null,
        ruling: o.resolution?.ruling.toString() ?? null,
        buyer_amount: o.resolution?.buyerAmount.toString() ?? null,
        seller_amount: o.resolution?.sellerAmount.toString() ?? null,
        details,
        created_block: createdBlock.toString(),
        created_tx: createdTx,
        updated_block: updatedBlock.toString(),
      });
    }
    await insertRows(tx, "orders", rows, { columns: ORDER_COLUMNS, conflict: ["order_id"] });
    await insertRows(tx, "order_events", this.events, { columns: EVENT_COLUMNS });
  }
}

/** The record's fields that have their own columns; everything else goes to `details`. */
const FLAT = new Set([
  "orderId",
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
  "escrowed",
  "shippingDigest",
  "trackingDigest",
  "completedByBuyer",
]);

/**
 * The rest of the record as JSON: whatever the SDK's reducer keeps (dispute, offers, mediator, ...), so
 * new fields are stored without a change here. uint256 values become decimal strings.
 */
function detailsOf(record: OrderRecord): object {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record))
    if (!FLAT.has(key) && value !== undefined) rest[key] = value;
  return jsonArgs(rest) as object;
}

/**
 * `detailsOf` backwards. Every decimal string in details was a uint256: the record's other strings are
 * addresses, hex digests and words (stages, roles, statuses), none of them all digits.
 */
function reviveDetails(value: unknown): unknown {
  if (typeof value === "string") return /^\d+$/.test(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(reviveDetails);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = reviveDetails(v);
    return out;
  }
  return value;
}
