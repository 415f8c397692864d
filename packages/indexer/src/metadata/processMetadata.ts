import { JSON_CODEC, listingMetadataSchema, parseCid, SHA2_256, verifyContent } from "@lantern/sdk";
import type { Database } from "../store/database.ts";
import type { MetadataSource } from "./source.ts";

export interface ProcessMetadataOptions {
  /** Documents per round. */
  limit?: number;
  /** Fetches in flight at once. */
  concurrency?: number;
}

type Outcome =
  | { state: "ok"; description: string; images: string[]; condition: string; attributes: unknown }
  | { state: "invalid"; error: string }
  | { state: "pending"; error: string };

/** Retry delays for a document no source has yet: 10 s doubling up to an hour. */
const MAX_BACKOFF_SECONDS = 3600;

/**
 * One round of the metadata stage: fetches pending listing documents by CID, keeps only bytes that hash to
 * it and parse as listing metadata, stores description and images, and rebuilds the search vector of every
 * listing that names the document. Also adds the listings' words to the typo vocabulary (search_terms),
 * the first time their document is tried, whatever the outcome. Returns how many documents it handled.
 */
export async function processMetadata(
  db: Database,
  source: MetadataSource,
  options: ProcessMetadataOptions = {},
): Promise<number> {
  const pending = await db.query<{ cid: string; attempts: number }>(
    `SELECT cid, attempts FROM listing_metadata
     WHERE state = 'pending' AND next_attempt <= now() ORDER BY next_attempt LIMIT $1`,
    [options.limit ?? 64],
  );
  if (pending.length === 0) return 0;
  const outcomes = await mapLimited(pending, options.concurrency ?? 8, (row) => fetchOne(source, row.cid));
  await db.transaction(async (tx) => {
    for (const [i, row] of pending.entries()) {
      const outcome = outcomes[i] as Outcome;
      if (outcome.state === "pending") {
        const delay = Math.min(MAX_BACKOFF_SECONDS, 10 * 2 ** Math.min(row.attempts, 12));
        await tx.query(
          `UPDATE listing_metadata SET attempts = attempts + 1, error = $2,
             next_attempt = now() + make_interval(secs => $3) WHERE cid = $1`,
          [row.cid, outcome.error, delay],
        );
      } else if (outcome.state === "invalid") {
        await tx.query(
          "UPDATE listing_metadata SET state = 'invalid', attempts = attempts + 1, error = $2 WHERE cid = $1",
          [row.cid, outcome.error],
        );
      } else {
        await tx.query(
          `UPDATE listing_metadata SET state = 'ok', attempts = attempts + 1, error = NULL, description = $2,
             images = $3::jsonb, condition = $4, attributes = $5::jsonb, fetched_at = now() WHERE cid = $1`,
          [
            row.cid,
            outcome.description,
            JSON.stringify(outcome.images),
            outcome.condition,
            JSON.stringify(outcome.attributes),
          ],
        );
        await tx.query(
          "UPDATE listings SET search = lantern_search_vector(title, category, $2) WHERE metadata_cid = $1",
          [row.cid, outcome.description],
        );
      }
      if (row.attempts === 0 || outcome.state === "ok") {
        await tx.query(
          `INSERT INTO search_terms (term)
           SELECT DISTINCT t FROM listings, unnest(tsvector_to_array(search)) AS t
           WHERE metadata_cid = $1 AND length(t) BETWEEN 2 AND 40
           ON CONFLICT (term) DO NOTHING`,
          [row.cid],
        );
      }
    }
  });
  return pending.length;
}

async function fetchOne(source: MetadataSource, text: string): Promise<Outcome> {
  let cid: ReturnType<typeof parseCid>;
  try {
    cid = parseCid(text);
  } catch {
    return { state: "invalid", error: "not a CID" };
  }
  if (cid.version !== 1 || cid.code !== JSON_CODEC || cid.multihash.code !== SHA2_256) {
    return { state: "invalid", error: "not a json-codec sha2-256 CIDv1" };
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await source.get(cid.toString());
  } catch (error) {
    return { state: "pending", error: (error as Error)?.message ?? String(error) };
  }
  if (!bytes) return { state: "pending", error: "not found" };
  // A source that answers with other bytes is not believed; another source may have the right ones later.
  if (!verifyContent(cid, bytes)) return { state: "pending", error: "bytes do not hash to the CID" };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { state: "invalid", error: "not JSON" };
  }
  const parsed = listingMetadataSchema.safeParse(value);
  if (!parsed.success) return { state: "invalid", error: "not a listing metadata document" };
  const m = parsed.data;
  return {
    state: "ok",
    description: m.description,
    images: m.images,
    condition: m.condition,
    attributes: m.attributes,
  };
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
