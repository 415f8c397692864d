import type { Address, Hex } from "viem";
import type { LanternPublicClient, LanternWalletClient } from "../../types.ts";
import type { ArchiveKind } from "./summary.ts";

/** One record as `Archive.publishBatch` takes it (`IArchive.Record`). */
export interface ArchiveRecord {
  kind: ArchiveKind;
  /** `encodeLegacyId` of the old marketplace's id. */
  legacyId: bigint;
  /** sha2-256 digest of the record's canonical JSON document (`archiveContentCid` names it). */
  content: Hex;
  /** `encodeListingSummary` or `encodeReviewSummary`. */
  summary: Hex;
}

/** An archive milestone (`IArchive.Milestone`). */
export interface ArchiveMilestone {
  kind: ArchiveKind;
  legacyId: bigint;
  label: string;
}

/** What archive reads need: a public client and the archive's address. */
export interface ArchiveReadContext {
  publicClient: LanternPublicClient;
  archive: Address;
}

/** What archive writes need besides: a wallet whose account is the owner or an authorized publisher. */
export interface ArchiveWriteContext extends ArchiveReadContext {
  walletClient: LanternWalletClient;
}
