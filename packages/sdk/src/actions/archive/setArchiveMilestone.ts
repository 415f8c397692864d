import type { WriteResult } from "../../internal/write.ts";
import type { ArchiveKind } from "./summary.ts";
import type { ArchiveWriteContext } from "./types.ts";
import { writeArchive } from "./write.ts";

export interface SetArchiveMilestoneParameters {
  kind: ArchiveKind;
  /** `encodeLegacyId` of the record's old id; the record must be archived. */
  legacyId: bigint;
  /** 1 to 32 bytes: "first listing", "most expensive", ... Flagging a milestone again relabels it. */
  label: string;
}

export type SetArchiveMilestoneReturnType = WriteResult;

/** Flags an archived record as one of the (at most 10) milestones, or relabels it (publishers only). */
export async function setArchiveMilestone(
  context: ArchiveWriteContext,
  parameters: SetArchiveMilestoneParameters,
): Promise<SetArchiveMilestoneReturnType> {
  return writeArchive(context, "setMilestone", [parameters.kind, parameters.legacyId, parameters.label]);
}

export interface RemoveArchiveMilestoneParameters {
  kind: ArchiveKind;
  legacyId: bigint;
}

/** Unflags a milestone (publishers only). */
export async function removeArchiveMilestone(
  context: ArchiveWriteContext,
  parameters: RemoveArchiveMilestoneParameters,
): Promise<WriteResult> {
  return writeArchive(context, "removeMilestone", [parameters.kind, parameters.legacyId]);
}
