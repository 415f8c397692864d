import type { Address, Hex } from "viem";
import type { DecodedEvent } from "../../decode/events.ts";
import { insertRows, type Row } from "../bulk.ts";
import type { Queryable } from "../database.ts";
import { clean } from "./json.ts";

/** ListingStatus in contracts/src/interfaces/IListing.sol. */
const ACTIVE = 1;
const REMOVED = 4;

export interface ListingRow {
  address: Address;
  seller: Address;
  template: Address;
  currency: Address;
  basePrice: string;
  price: string;
  stock: bigint;
  status: number;
  metadataCid: string;
  title: string;
  category: string;
  location: string;
  createdBlock: bigint;
  createdTime: bigint;
  createdTx: Hex;
  updatedBlock: bigint;
  /** The block time of updatedBlock (unix seconds). */
  updatedTime: bigint;
}

/** The listings table's columns, in the order a row is written (also what bulk loaders copy into). */
export const LISTING_COLUMNS = [
  "address",
  "seller",
  "template",
  "currency",
  "base_price",
  "price",
  "stock",
  "status",
  "metadata_cid",
  "title",
  "category",
  "location",
  "created_block",
  "created_time",
  "created_tx",
  "updated_block",
  "updated_time",
] as const;

const HISTORY_COLUMNS = [
  "block_number",
  "log_index",
  "tx_hash",
  "listing",
  "event",
  "price",
  "stock",
  "status",
] as const;

/**
 * Folds a range's listing events into listing rows: ListingCreated makes a row, the clone's own events
 * and the factory's removal change it, and each purchase lowers stock (the escrow's OrderPaid; the listing
 * emits nothing when it sells). Rows are loaded once per range and written back in one upsert.
 */
export class ListingReducer {
  readonly rows = new Map<Address, ListingRow>();
  readonly history: Row[] = [];
  /** Purchases of listings this database does not know (a deployment block set too late). */
  readonly unknown: DecodedEvent[] = [];

  /** Addresses of existing listings the events touch, to load before `apply`. */
  static touched(events: readonly DecodedEvent[]): Address[] {
    const out = new Set<Address>();
    for (const e of events) {
      if (e.source === "listing") out.add(e.log.address);
      else if (e.source === "factory" && e.event.eventName === "ListingRemoved") {
        out.add(e.event.args.listing.toLowerCase() as Address);
      } else if (e.source === "escrow" && e.event.eventName === "OrderPaid") {
        out.add(e.event.args.listing.toLowerCase() as Address);
      }
    }
    return [...out];
  }

  async load(tx: Queryable, addresses: readonly Address[]): Promise<void> {
    if (addresses.length === 0) return;
    const rows = await tx.query<Record<string, string>>(
      `SELECT address, seller, template, currency, base_price::text, price::text,
              stock::text, status::text, metadata_cid, title, category, location, created_block::text,
              created_time::text, created_tx, updated_block::text,
              coalesce(updated_time, created_time)::text AS updated_time
       FROM listings WHERE address = ANY($1::text[])`,
      [addresses],
    );
    for (const r of rows) {
      this.rows.set(r.address as Address, {
        address: r.address as Address,
        seller: r.seller as Address,
        template: r.template as Address,
        currency: r.currency as Address,
        basePrice: r.base_price as string,
        price: r.price as string,
        stock: BigInt(r.stock as string),
        status: Number(r.status),
        metadataCid: r.metadata_cid as string,
        title: r.title as string,
        category: r.category as string,
        location: r.location as string,
        createdBlock: BigInt(r.created_block as string),
        createdTime: BigInt(r.created_time as string),
        createdTx: r.created_tx as Hex,
        updatedBlock: BigInt(r.updated_block as string),
        updatedTime: BigInt(r.updated_time as string),
      });
    }
  }

  /** Applies one event; returns false if it concerns a listing missing from the database. */
  apply(e: DecodedEvent): boolean {
    const { log } = e;
    if (e.source === "factory" && e.event.eventName === "ListingCreated") {
      const a = e.event.args;
      if (log.blockTimestamp === undefined) throw new Error(`no timestamp for block ${log.blockNumber}`);
      const row: ListingRow = {
        address: a.listing.toLowerCase() as Address,
        seller: a.seller.toLowerCase() as Address,
        template: a.template.toLowerCase() as Address,
        currency: a.params.currency.toLowerCase() as Address,
        basePrice: a.params.price.toString(),
        price: a.params.price.toString(),
        stock: a.params.stock,
        status: ACTIVE,
        metadataCid: clean(a.params.metadataCid),
        title: clean(a.params.title),
        category: clean(a.params.category),
        location: clean(a.params.location),
        createdBlock: log.blockNumber,
        createdTime: log.blockTimestamp,
        createdTx: log.transactionHash,
        updatedBlock: log.blockNumber,
        updatedTime: log.blockTimestamp,
      };
      this.rows.set(row.address, row);
      this.record(e, row, "ListingCreated");
      return true;
    }
    if (e.source === "listing") {
      const row = this.rows.get(log.address);
      if (!row) return false;
      const ev = e.event;
      if (ev.eventName === "PriceChanged") row.price = ev.args.price.toString();
      else if (ev.eventName === "StockChanged") row.stock = ev.args.stock;
      else if (ev.eventName === "StatusChanged") row.status = ev.args.status;
      touch(row, e);
      this.record(e, row, ev.eventName);
      return true;
    }
    if (e.source === "factory" && e.event.eventName === "ListingRemoved") {
      const row = this.rows.get(e.event.args.listing.toLowerCase() as Address);
      if (!row) return false;
      row.status = REMOVED;
      touch(row, e);
      this.record(e, row, "ListingRemoved");
      return true;
    }
    if (e.source === "escrow" && e.event.eventName === "OrderPaid") {
      const row = this.rows.get(e.event.args.listing.toLowerCase() as Address);
      if (!row) return false;
      // The listing checked quantity <= stock before selling, so this stays >= 0 on a consistent index.
      row.stock -= e.event.args.quantity;
      touch(row, e);
      return true;
    }
    return true;
  }

  private record(e: DecodedEvent, row: ListingRow, event: string): void {
    const { log } = e;
    this.history.push({
      block_number: log.blockNumber.toString(),
      log_index: log.logIndex,
      tx_hash: log.transactionHash,
      listing: row.address,
      event,
      price: row.price,
      stock: row.stock.toString(),
      status: row.status,
    });
  }

  async write(tx: Queryable): Promise<void> {
    const rows: Row[] = [];
    for (const r of this.rows.values()) {
      rows.push({
        address: r.address,
        seller: r.seller,
        template: r.template,
        currency: r.currency,
        base_price: r.basePrice,
        price: r.price,
        stock: r.stock.toString(),
        status: r.status,
        metadata_cid: r.metadataCid,
        title: r.title,
        category: r.category,
        location: r.location,
        created_block: r.createdBlock.toString(),
        created_time: r.createdTime.toString(),
        created_tx: r.createdTx,
        updated_block: r.updatedBlock.toString(),
        updated_time: r.updatedTime.toString(),
      });
    }
    await insertRows(tx, "listings", rows, { columns: LISTING_COLUMNS, conflict: ["address"] });
    await insertRows(tx, "listing_history", this.history, { columns: HISTORY_COLUMNS });
  }
}

function touch(row: ListingRow, e: DecodedEvent): void {
  row.updatedBlock = e.log.blockNumber;
  // fetchRange puts block times on every listing-changing log; a node that sent none keeps the last known.
  if (e.log.blockTimestamp !== undefined) row.updatedTime = e.log.blockTimestamp;
}
