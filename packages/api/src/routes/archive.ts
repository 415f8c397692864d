import type { ContentStore } from "@lantern/content";
import {
  ArchiveKind,
  archiveContentCid,
  archiveLeaf,
  archiveProof,
  encodeLegacyId,
  verifyArchiveProof,
} from "@lantern/sdk";
import type { Hex } from "viem";
import { z } from "zod";
import type { ApiDatabase } from "../database.ts";
import { notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { text } from "../validation.ts";

/** An archive record as the API shows it, from an archive_records row `r`. */
export const ARCHIVE_RECORD_JSON = `jsonb_build_object(
  'archived', true, 'kind', CASE r.kind WHEN 0 THEN 'listing' ELSE 'review' END,
  'legacyId', coalesce(r.legacy_label, r.legacy_id::text), 'encodedLegacyId', r.legacy_id::text,
  'title', r.title, 'category', r.category, 'price', r.price::text, 'currency', r.currency,
  'listedAt', r.listed_at, 'listingLegacyId', r.listing_legacy_id::text, 'rating', r.rating,
  'reviewer', r.reviewer, 'reviewedAt', r.reviewed_at, 'content', r.content, 'batchId', r.batch_id::text,
  'leafIndex', r.leaf_index, 'archive', r.archive, 'transaction', r.tx_hash, 'block', r.block_number)`;

interface RecordRow {
  item: Record<string, unknown>;
  kind: number;
  legacy_id: string;
  content: Hex;
  summary: Hex;
  archive: string;
  batch_id: string;
  leaf_index: number;
}

export const archiveRecordRoute = defineRoute({
  method: "GET",
  url: "/archive/:legacyId",
  tag: "archive",
  summary: "A legacy record by its old id",
  description:
    "The archived listing (or, with kind=review, review) the old marketplace knew by this id: its summary, its document and images from the content store (verified against the digest on chain), its reviews, its batch with the Merkle proof against the batch's root, and the transaction.",
  params: z.strictObject({ legacyId: text(200).min(1, "must not be empty") }),
  query: z.strictObject({
    kind: z.enum(["listing", "review"], { message: "must be listing or review" }).default("listing"),
  }),
  responses: { 200: "The record", 400: "Not a legacy id", 404: "Not archived" },
  handler: async ({ params, query }, { db, content }) => {
    const record = await readArchiveRecord(db, content, params.legacyId, query.kind);
    if (!record) throw notFound(`The archived ${query.kind} ${params.legacyId}`);
    return record;
  },
});

/**
 * An archived record with its document, reviews and Merkle proof, as GET /archive/:legacyId shows it (and
 * its page renders it); undefined when nothing is archived under this id.
 */
export async function readArchiveRecord(
  db: ApiDatabase,
  content: ContentStore,
  legacyId: string,
  kindName: "listing" | "review",
): Promise<Record<string, unknown> | undefined> {
  let encoded: bigint;
  try {
    encoded = encodeLegacyId(legacyId);
  } catch {
    return undefined;
  }
  const kind = kindName === "listing" ? ArchiveKind.Listing : ArchiveKind.Review;
  const [row] = await db.query<RecordRow>(
    `SELECT ${ARCHIVE_RECORD_JSON} AS item, r.kind, r.legacy_id::text AS legacy_id, r.content, r.summary,
         r.archive, r.batch_id::text AS batch_id, r.leaf_index
       FROM archive_records r WHERE r.kind = $1 AND r.legacy_id = $2::numeric
       ORDER BY r.block_number LIMIT 1`,
    [kind, encoded.toString()],
  );
  if (!row) return undefined;
  const [batch] = await db.query<{ item: Record<string, unknown>; leaves: RecordRow[] }>(
    `SELECT jsonb_build_object('id', b.batch_id::text, 'root', b.root, 'publisher', b.publisher,
           'records', b.records, 'transaction', b.tx_hash, 'block', b.block_number) AS item,
         (SELECT jsonb_agg(jsonb_build_object('kind', r.kind, 'legacy_id', r.legacy_id::text, 'content', r.content,
            'summary', r.summary) ORDER BY r.leaf_index)
          FROM archive_records r WHERE r.archive = b.archive AND r.batch_id = b.batch_id) AS leaves
       FROM archive_batches b WHERE b.archive = $1 AND b.batch_id = $2::numeric`,
    [row.archive, row.batch_id],
  );
  const leaves = (batch?.leaves ?? []).map((l) =>
    archiveLeaf({
      kind: Number(l.kind) as ArchiveKind,
      legacyId: BigInt(l.legacy_id),
      content: l.content,
      summary: l.summary,
    }),
  );
  const leaf = leaves[row.leaf_index];
  const proof = leaf ? archiveProof(leaves, row.leaf_index) : [];
  const root = batch?.item.root as Hex | undefined;
  const reviews =
    kind === ArchiveKind.Listing
      ? (
          await db.query<{ item: unknown }>(
            `SELECT ${ARCHIVE_RECORD_JSON} AS item FROM archive_records r
               WHERE r.kind = 1 AND r.listing_legacy_id = $1::numeric ORDER BY r.reviewed_at, r.legacy_id LIMIT 100`,
            [row.legacy_id],
          )
        ).map((r) => r.item)
      : undefined;
  const document = await readDocument(content, row.content);
  return {
    ...row.item,
    contentCid: document.cid,
    document: document.value,
    images: document.images,
    ...(reviews ? { reviews } : {}),
    batch: batch?.item ?? null,
    proof: {
      // The leaf's preimage, so a client recomputes the leaf itself instead of trusting this node's.
      record: {
        kind: Number(row.kind),
        legacyId: row.legacy_id,
        content: row.content,
        summary: row.summary,
      },
      leaf: leaf ?? null,
      proof,
      root: root ?? null,
      valid: Boolean(leaf && root && verifyArchiveProof(leaf, proof, root)),
    },
  };
}

/** The record's JSON document if this node holds it (verified by the store), and its image URLs. */
async function readDocument(content: ContentStore, digest: Hex) {
  let cid: string | null = null;
  let value: unknown = null;
  try {
    cid = archiveContentCid(digest).toString();
    value = (await content.getJson(cid)) ?? null;
  } catch {
    value = null;
  }
  // The importer writes `{ cid, type, size }` per image; a bare CID or URL string is accepted too.
  const listed = (value as { images?: unknown } | null)?.images;
  const images = (Array.isArray(listed) ? listed : []).flatMap((image: unknown) => {
    const ref = typeof image === "string" ? image : (image as { cid?: unknown } | null)?.cid;
    if (typeof ref !== "string" || ref === "") return [];
    return [/^[a-z0-9]+$/i.test(ref) ? { cid: ref, url: `/ipfs/${ref}` } : { url: ref }];
  });
  return { cid, value, images };
}

export const milestonesRoute = defineRoute({
  method: "GET",
  url: "/archive/milestones",
  tag: "archive",
  summary: "The archive's milestone records",
  description:
    'Up to ten records flagged by the publisher ("first listing", "most expensive", ...), with their summaries.',
  responses: { 200: "The milestones" },
  handler: async (_input, { db }) => ({ items: await milestones(db) }),
});

async function milestones(db: ApiDatabase): Promise<unknown[]> {
  const rows = await db.query<{ item: Record<string, unknown> }>(
    `SELECT ${ARCHIVE_RECORD_JSON} || jsonb_build_object('label', ms.label, 'flaggedIn', ms.tx_hash) AS item
     FROM archive_milestones ms
     JOIN archive_records r ON r.archive = ms.archive AND r.kind = ms.kind AND r.legacy_id = ms.legacy_id
     ORDER BY ms.block_number, r.legacy_id LIMIT 10`,
  );
  return rows.map((r) => r.item);
}
