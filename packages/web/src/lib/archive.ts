import {
  ArchiveKind,
  archiveContentCid,
  archiveLeaf,
  decodeListingSummary,
  getArchiveBatchRoot,
  type ListingSummary,
  type ReadContext,
  verifyArchiveProof,
} from "@lantern/sdk";
import { type Address, type Hex, isAddress } from "viem";
import type { Api } from "./api.ts";

/** What `GET /archive/:legacyId` answers, as far as the viewer reads it. */
interface ArchiveResponse {
  legacyId: string;
  archive: string;
  batchId: string;
  leafIndex: number;
  /** `reviewedAt` is unix seconds, as a number or a numeric string. */
  reviews?: { legacyId: string; rating: number; reviewedAt?: number | string | null; content?: string }[];
  proof: {
    record?: { kind: number; legacyId: string; content: Hex; summary: Hex };
    proof: Hex[];
  };
}

export interface ArchivedReview {
  legacyId: string;
  rating: number;
  reviewedAt?: string;
  text?: string;
}

export interface ArchivedRecord {
  legacyId: string;
  /** Decoded from the summary the proof covers, so what is shown is what was verified. */
  summary: ListingSummary;
  /** The record's document, fetched by the CID the proven record names and checked against it. */
  document?: Record<string, unknown>;
  documentError?: string;
  images: string[];
  reviews: ArchivedReview[];
  archive: Address;
  batchId: string;
  leafIndex: number;
  root: Hex;
  verified: boolean;
  verifyError?: string;
}

/**
 * Looks a legacy listing up through the API, then checks it in the browser: the leaf is recomputed from the
 * record, its Merkle proof is checked against the batch root read from the Archive contract on chain, and
 * the document (description, images) is fetched by the CID the record names and verified against it. The
 * API node is trusted for nothing but finding the record.
 */
export async function readArchivedRecord(
  read: ReadContext,
  api: Api,
  legacyId: string,
  signal?: AbortSignal,
): Promise<ArchivedRecord> {
  const r = await api.get<ArchiveResponse>(`/archive/${encodeURIComponent(legacyId)}`, {}, signal);
  const record = r.proof.record;
  if (!record)
    throw new Error("This API node does not send the archived record with its proof; it is too old.");
  // The deployment's own Archive when the node configured one; otherwise the one the record names.
  const archive = (read.deployment.contracts as { Archive?: Address }).Archive ?? r.archive;
  if (!isAddress(archive)) throw new Error("No Archive contract is known to check the record against.");
  const leaf = archiveLeaf({
    kind: record.kind as ArchiveKind,
    legacyId: BigInt(record.legacyId),
    content: record.content,
    summary: record.summary,
  });
  const root = await getArchiveBatchRoot({ publicClient: read.publicClient, archive }, BigInt(r.batchId));
  let verifyError: string | undefined;
  if (record.kind !== ArchiveKind.Listing) verifyError = "the record is not a listing.";
  else if (/^0x0{64}$/.test(root)) verifyError = `the Archive has no batch ${r.batchId}.`;
  else if (!verifyArchiveProof(leaf, r.proof.proof, root))
    verifyError = `its Merkle proof does not lead to batch ${r.batchId}'s root on chain.`;

  const result: ArchivedRecord = {
    legacyId: r.legacyId,
    summary: decodeListingSummary(record.summary),
    images: [],
    reviews: (r.reviews ?? []).map((review) => ({
      legacyId: review.legacyId,
      rating: review.rating,
      ...(review.reviewedAt != null && Number.isFinite(Number(review.reviewedAt))
        ? { reviewedAt: new Date(Number(review.reviewedAt) * 1000).toISOString() }
        : {}),
    })),
    archive,
    batchId: r.batchId,
    leafIndex: r.leafIndex,
    root,
    verified: verifyError === undefined,
    ...(verifyError ? { verifyError } : {}),
  };
  try {
    const bytes = await api.content(archiveContentCid(record.content).toString(), signal);
    const document = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    result.document = document;
    // Images are CIDs, as strings or as { cid, type, size } (the importer's form).
    result.images = (Array.isArray(document.images) ? document.images : [])
      .map((i: unknown) => (typeof i === "string" ? i : (i as { cid?: unknown })?.cid))
      .filter((cid): cid is string => typeof cid === "string" && /^[a-z0-9]+$/i.test(cid));
  } catch (error) {
    result.documentError = `The description and images could not be loaded: ${(error as Error).message}`;
  }
  result.reviews = await Promise.all(
    result.reviews.map((review, i) => withText(api, review, r.reviews?.[i]?.content, signal)),
  );
  return result;
}

/** A review's text from its archived document (verified against its CID), when the store holds it. */
async function withText(
  api: Api,
  review: ArchivedReview,
  content: string | undefined,
  signal?: AbortSignal,
): Promise<ArchivedReview> {
  if (!content || !/^0x[0-9a-f]{64}$/i.test(content)) return review;
  try {
    const bytes = await api.content(archiveContentCid(content as Hex).toString(), signal);
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { text?: unknown };
    return typeof doc.text === "string" ? { ...review, text: doc.text } : review;
  } catch {
    return review;
  }
}
