import { type Address, type Hash, type Hex, type Log, numberToHex, parseEventLogs } from "viem";
import { archiveAbi } from "../../generated/abis.ts";
import { ArchiveKind } from "./summary.ts";
import type { ArchiveRecord } from "./types.ts";

/** A record as its event told it, with where it is on chain and the batch it belongs to. */
export interface ArchivedRecord extends ArchiveRecord {
  batchId: bigint;
  /** Its place in the batch's Merkle tree (0-based), which `archiveProof` takes. */
  leafIndex: number;
  transactionHash: Hash;
  blockNumber: bigint;
  logIndex: number;
}

export interface ArchivedBatch {
  batchId: bigint;
  publisher: Address;
  root: Hex;
  records: number;
  transactionHash: Hash;
  blockNumber: bigint;
}

export interface SkippedRecord {
  kind: ArchiveKind;
  legacyId: bigint;
  transactionHash: Hash;
}

export interface ParseArchiveLogsReturnType {
  records: ArchivedRecord[];
  batches: ArchivedBatch[];
  skipped: SkippedRecord[];
}

/**
 * Rebuilds records and batches from Archive logs (a receipt's, or `getLogs` over whole transactions, in chain
 * order). A record's event carries no batch id: it belongs to the next `BatchPublished` of its transaction.
 * Records whose batch event is not among the logs are left out.
 */
export function parseArchiveLogs(logs: readonly Log[]): ParseArchiveLogsReturnType {
  const events = parseEventLogs({ abi: archiveAbi, logs: logs as Log[] });
  const records: ArchivedRecord[] = [];
  const batches: ArchivedBatch[] = [];
  const skipped: SkippedRecord[] = [];
  let pending: Omit<ArchivedRecord, "batchId" | "leafIndex">[] = [];
  let pendingTransaction: Hash | undefined;
  for (const event of events) {
    const transactionHash = event.transactionHash as Hash;
    if (pendingTransaction !== transactionHash) {
      pending = [];
      pendingTransaction = transactionHash;
    }
    const at = {
      transactionHash,
      blockNumber: event.blockNumber as bigint,
      logIndex: event.logIndex as number,
    };
    switch (event.eventName) {
      case "ListingArchived":
        pending.push({
          kind: ArchiveKind.Listing,
          legacyId: event.args.legacyId,
          content: event.args.content,
          summary: event.args.summary,
          ...at,
        });
        break;
      case "ReviewArchived":
        pending.push({
          kind: ArchiveKind.Review,
          legacyId: event.args.legacyId,
          content: event.args.content,
          summary: `${numberToHex(event.args.listingId, { size: 32 })}${event.args.review.slice(2)}`,
          ...at,
        });
        break;
      case "RecordSkipped":
        skipped.push({
          kind: event.args.kind as ArchiveKind,
          legacyId: event.args.legacyId,
          transactionHash,
        });
        break;
      case "BatchPublished": {
        const count = Number(event.args.records);
        const members = pending.slice(-count);
        members.forEach((record, leafIndex) => {
          records.push({ ...record, batchId: event.args.batchId, leafIndex });
        });
        pending = [];
        batches.push({
          batchId: event.args.batchId,
          publisher: event.args.publisher,
          root: event.args.root,
          records: count,
          ...at,
        });
        break;
      }
    }
  }
  return { records, batches, skipped };
}
