import type { Hex } from "viem";
import { archiveAbi } from "../../generated/abis.ts";
import { toArchiveError } from "./errors.ts";
import type { ArchiveKind } from "./summary.ts";
import type { ArchiveMilestone, ArchiveReadContext, ArchiveRecord } from "./types.ts";

/** Whether a legacy id is archived for its kind. */
export async function isArchived(
  context: ArchiveReadContext,
  parameters: { kind: ArchiveKind; legacyId: bigint },
): Promise<boolean> {
  return read(context, "isArchived", [parameters.kind, parameters.legacyId]) as Promise<boolean>;
}

/**
 * Which of `legacyIds` are archived for `kind`, reading one storage word per 256 neighbouring ids (so a
 * dense run of numeric ids costs a call per 256).
 */
export async function getArchived(
  context: ArchiveReadContext,
  parameters: { kind: ArchiveKind; legacyIds: readonly bigint[] },
): Promise<Set<bigint>> {
  const words = [...new Set(parameters.legacyIds.map((id) => id >> 8n))];
  const bits = await Promise.all(
    words.map((word) => read(context, "archivedBits", [parameters.kind, word]) as Promise<bigint>),
  );
  const byWord = new Map(words.map((word, i) => [word, bits[i] ?? 0n]));
  const archived = new Set<bigint>();
  for (const id of parameters.legacyIds) {
    if (((byWord.get(id >> 8n) ?? 0n) >> (id & 0xffn)) & 1n) archived.add(id);
  }
  return archived;
}

/** The archive's milestones, in their on-chain order. */
export async function getArchiveMilestones(context: ArchiveReadContext): Promise<ArchiveMilestone[]> {
  const milestones = (await read(context, "milestones", [])) as readonly {
    kind: number;
    legacyId: bigint;
    label: string;
  }[];
  return milestones.map((m) => ({ kind: m.kind as ArchiveKind, legacyId: m.legacyId, label: m.label }));
}

/** How many batches the archive stored, and batch `batchId`'s Merkle root (zero if there is none). */
export async function getArchiveBatchRoot(context: ArchiveReadContext, batchId: bigint): Promise<Hex> {
  return read(context, "batchRoot", [batchId]) as Promise<Hex>;
}

export async function getArchiveBatchCount(context: ArchiveReadContext): Promise<bigint> {
  return read(context, "batchCount", []) as Promise<bigint>;
}

/** Whether `record` was recorded in batch `batchId`, checked on chain against the batch's root. */
export async function verifyArchiveRecord(
  context: ArchiveReadContext,
  parameters: { batchId: bigint; record: ArchiveRecord; proof: readonly Hex[] },
): Promise<boolean> {
  return read(context, "verify", [
    parameters.batchId,
    parameters.record,
    parameters.proof,
  ]) as Promise<boolean>;
}

/** Whether the account may publish to the archive. */
export async function isArchivePublisher(context: ArchiveReadContext, account: Hex): Promise<boolean> {
  return read(context, "isPublisher", [account]) as Promise<boolean>;
}

async function read(context: ArchiveReadContext, functionName: string, args: readonly unknown[]) {
  try {
    return await context.publicClient.readContract({
      address: context.archive,
      abi: archiveAbi,
      functionName,
      args,
    } as Parameters<typeof context.publicClient.readContract>[0]);
  } catch (error) {
    throw toArchiveError(error);
  }
}
