import type { Hex } from "viem";
import type { WriteResult } from "../../internal/write.ts";
import { parseArchiveLogs, type SkippedRecord } from "./parseArchiveLogs.ts";
import type { ArchiveRecord, ArchiveWriteContext } from "./types.ts";
import { writeArchive } from "./write.ts";

export interface PublishArchiveBatchParameters {
  records: readonly ArchiveRecord[];
  /** A gas limit: skips the simulation and the estimate (a bulk importer that knows its batches' cost). */
  gas?: bigint;
}

export interface PublishArchiveBatchReturnType extends WriteResult {
  /** The new batch's id, or 0n if every record was already archived and no batch was stored. */
  batchId: bigint;
  /** The batch's Merkle root (zero when no batch was stored). */
  root: Hex;
  /** How many records were recorded. */
  recorded: number;
  /** Records not recorded again: their legacy id was already archived for their kind. */
  skipped: SkippedRecord[];
}

/**
 * Publishes a batch of legacy records (the wallet's account must be an authorized publisher). Records whose
 * legacy id is already archived for their kind are skipped, not reverted, so a resumed import never fails.
 */
export async function publishArchiveBatch(
  context: ArchiveWriteContext,
  parameters: PublishArchiveBatchParameters,
): Promise<PublishArchiveBatchReturnType> {
  const { hash, receipt } = await writeArchive(context, "publishBatch", [parameters.records], parameters.gas);
  const own = receipt.logs.filter((log) => log.address.toLowerCase() === context.archive.toLowerCase());
  const { batches, skipped } = parseArchiveLogs(own);
  const batch = batches[0];
  return {
    hash,
    receipt,
    batchId: batch?.batchId ?? 0n,
    root: batch?.root ?? `0x${"0".repeat(64)}`,
    recorded: batch?.records ?? 0,
    skipped,
  };
}
