import { cidFromDigest } from "@lantern/sdk";
import type { Hex } from "viem";
import type { DecodedEvent } from "../../decode/events.ts";
import { insertRows, type Row } from "../bulk.ts";
import type { Queryable } from "../database.ts";

type ReviewsEvent = Extract<DecodedEvent, { source: "reviews" }>;

const COLUMNS = [
  "contract",
  "order_id",
  "seller",
  "buyer",
  "listing",
  "currency",
  "amount",
  "rating",
  "text_cid",
  "answer_cid",
  "created_block",
  "created_log_index",
  "created_tx",
  "created_time",
  "answered_block",
  "answered_tx",
  "answered_time",
  "updated_block",
] as const;

/** The reorg undo key of a review: `contract:orderId`, as MUTABLE_TABLES spells it in SQL. */
function keyOf(contract: string, orderId: bigint | string): string {
  return `${contract.toLowerCase()}:${orderId}`;
}

/** The text's CID, or null for the zero digest (a rating alone). */
function textCid(digest: Hex): string | null {
  return /^0x0{64}$/i.test(digest) ? null : cidFromDigest(digest).toString();
}

/**
 * `ReviewCreated` makes a row, `ReviewAnswered` adds the seller's answer to it. Only the two events of the
 * deployment's Reviews contract come here (decodeLogs follows that one address), and the contract allows
 * each once per order; anything that does not fit is returned as a reason for skipped_logs, never thrown,
 * so a strange log cannot stall the index.
 */
export class ReviewReducer {
  readonly rows = new Map<string, Row>();

  static touched(events: readonly DecodedEvent[]): string[] {
    const keys = new Set<string>();
    for (const e of events) {
      if (e.source !== "reviews") continue;
      if (e.event.eventName === "ReviewCreated" || e.event.eventName === "ReviewAnswered") {
        keys.add(keyOf(e.log.address, e.event.args.orderId));
      }
    }
    return [...keys];
  }

  async load(tx: Queryable, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const rows = await tx.query<Row>(
      `SELECT contract, order_id::text, seller, buyer, listing, currency, amount::text, rating::int,
              text_cid, answer_cid, created_block::text, created_log_index, created_tx, created_time::text,
              answered_block::text, answered_tx, answered_time::text, updated_block::text
       FROM reviews
       WHERE (contract, order_id) IN (SELECT split_part(k, ':', 1), split_part(k, ':', 2)::numeric FROM unnest($1::text[]) k)`,
      [keys],
    );
    for (const r of rows) this.rows.set(keyOf(r.contract as string, r.order_id as string), r);
  }

  /** Applies one Reviews event: undefined when done, "" when it is not a review event, else why not. */
  apply(e: ReviewsEvent): string | undefined {
    const { log, event } = e;
    const time = log.blockTimestamp === undefined ? null : log.blockTimestamp.toString();
    if (event.eventName === "ReviewCreated") {
      const a = event.args;
      const key = keyOf(log.address, a.orderId);
      if (this.rows.has(key)) return `ReviewCreated for order ${a.orderId}, which has a review already`;
      if (a.rating < 1 || a.rating > 5) return `ReviewCreated with rating ${a.rating}, not 1 to 5`;
      this.rows.set(key, {
        contract: log.address,
        order_id: a.orderId.toString(),
        seller: a.seller.toLowerCase(),
        buyer: a.buyer.toLowerCase(),
        listing: a.listing.toLowerCase(),
        currency: a.currency.toLowerCase(),
        amount: a.amount.toString(),
        rating: a.rating,
        text_cid: textCid(a.textDigest),
        answer_cid: null,
        created_block: log.blockNumber.toString(),
        created_log_index: log.logIndex,
        created_tx: log.transactionHash,
        created_time: time,
        answered_block: null,
        answered_tx: null,
        answered_time: null,
        updated_block: log.blockNumber.toString(),
      });
      return undefined;
    }
    if (event.eventName === "ReviewAnswered") {
      const a = event.args;
      const row = this.rows.get(keyOf(log.address, a.orderId));
      if (!row) return `ReviewAnswered for order ${a.orderId}, which has no review in the index`;
      if (row.answer_cid !== null) return `ReviewAnswered for order ${a.orderId}, answered already`;
      const cid = textCid(a.textDigest);
      if (!cid) return `ReviewAnswered for order ${a.orderId} without a text`;
      Object.assign(row, {
        answer_cid: cid,
        answered_block: log.blockNumber.toString(),
        answered_tx: log.transactionHash,
        answered_time: time,
        updated_block: log.blockNumber.toString(),
      });
      return undefined;
    }
    return "";
  }

  async write(tx: Queryable): Promise<void> {
    await insertRows(tx, "reviews", [...this.rows.values()], {
      columns: COLUMNS,
      conflict: ["contract", "order_id"],
    });
  }
}
