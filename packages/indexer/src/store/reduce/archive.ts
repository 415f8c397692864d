import { ArchiveKind, decodeLegacyId, decodeListingSummary, decodeReviewSummary } from "@lantern/sdk";
import type { Hex } from "viem";
import type { DecodedEvent } from "../../decode/events.ts";
import type { ChainLog } from "../../sync/types.ts";
import { insertRows, type Row } from "../bulk.ts";
import type { Queryable } from "../database.ts";

const POSITION = ["block_number", "log_index", "tx_hash", "archive"] as const;
const RECORD_COLUMNS = [
  ...POSITION,
  "kind",
  "legacy_id",
  "legacy_label",
  "content",
  "summary",
  "batch_id",
  "leaf_index",
  "title",
  "category",
  "price",
  "currency",
  "listed_at",
  "listing_legacy_id",
  "rating",
  "reviewer",
  "reviewed_at",
] as const;
const BATCH_COLUMNS = [...POSITION, "batch_id", "publisher", "root", "records"] as const;
const MILESTONE_COLUMNS = [...POSITION, "kind", "legacy_id", "label"] as const;

type ArchiveEvent = Extract<DecodedEvent, { source: "archive" }>;

function at(log: ChainLog): Row {
  return {
    block_number: log.blockNumber.toString(),
    log_index: log.logIndex,
    tx_hash: log.transactionHash,
    archive: log.address,
  };
}

/**
 * The Archive's events as rows. A record joins the batch of the next BatchPublished in its transaction (a
 * transaction's logs are in one block, so in one range); the last `records` pending ones are the batch's
 * leaves, in order. Returns a reason for events it cannot place, which go to skipped_logs.
 */
export class ArchiveRows {
  private readonly records: Row[] = [];
  private readonly batches: Row[] = [];
  private readonly milestones: Row[] = [];
  private pending: Row[] = [];
  private pendingTx: string | undefined;

  apply(e: ArchiveEvent): string | undefined {
    const { log, event } = e;
    if (this.pendingTx !== log.transactionHash) {
      this.pending = [];
      this.pendingTx = log.transactionHash;
    }
    switch (event.eventName) {
      case "ListingArchived": {
        const row: Row = { ...at(log), kind: ArchiveKind.Listing, ...legacy(event.args.legacyId) };
        row.content = event.args.content.toLowerCase();
        row.summary = event.args.summary.toLowerCase();
        try {
          const s = decodeListingSummary(event.args.summary as Hex);
          Object.assign(row, {
            title: s.title,
            category: s.category,
            price: s.price.toString(),
            currency: s.currency,
            listed_at: s.date,
          });
        } catch {
          // A summary another tool packed differently: the record stands, unsearchable by its summary.
        }
        this.pending.push(row);
        return undefined;
      }
      case "ReviewArchived": {
        const summary = `0x${event.args.listingId.toString(16).padStart(64, "0")}${event.args.review.slice(2)}`;
        const row: Row = { ...at(log), kind: ArchiveKind.Review, ...legacy(event.args.legacyId) };
        row.content = event.args.content.toLowerCase();
        row.summary = summary.toLowerCase();
        row.listing_legacy_id = event.args.listingId.toString();
        try {
          const s = decodeReviewSummary(summary as Hex);
          Object.assign(row, { rating: s.rating, reviewer: s.reviewer.toLowerCase(), reviewed_at: s.date });
        } catch {
          // As above: kept, without the decoded fields.
        }
        this.pending.push(row);
        return undefined;
      }
      case "BatchPublished": {
        const count = Number(event.args.records);
        if (count > this.pending.length) {
          return `BatchPublished counts ${count} records; its transaction emitted ${this.pending.length}`;
        }
        this.pending.slice(-count).forEach((row, leafIndex) => {
          this.records.push({ ...row, batch_id: event.args.batchId.toString(), leaf_index: leafIndex });
        });
        this.pending = [];
        this.batches.push({
          ...at(log),
          batch_id: event.args.batchId.toString(),
          publisher: event.args.publisher.toLowerCase(),
          root: event.args.root.toLowerCase(),
          records: count,
        });
        return undefined;
      }
      case "MilestoneSet":
      case "MilestoneRemoved":
        this.milestones.push({
          ...at(log),
          kind: Number(event.args.kind),
          legacy_id: event.args.legacyId.toString(),
          label: event.eventName === "MilestoneSet" ? event.args.label : null,
        });
        return undefined;
      default:
        // RecordSkipped (a repeat, by design), PublisherSet, ownership: the contract events table keeps them.
        return "";
    }
  }

  async write(tx: Queryable): Promise<void> {
    await insertRows(tx, "archive_records", this.records, { columns: RECORD_COLUMNS });
    await insertRows(tx, "archive_batches", this.batches, { columns: BATCH_COLUMNS });
    await insertRows(tx, "archive_milestone_events", this.milestones, { columns: MILESTONE_COLUMNS });
  }
}

function legacy(id: bigint): Row {
  return { legacy_id: id.toString(), legacy_label: decodeLegacyId(id) ?? null };
}
