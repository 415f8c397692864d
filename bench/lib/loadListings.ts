// Loads synthetic listings straight into an index database (the indexer's tables, migrations applied):
// metadata documents first, so the listings trigger builds each search vector with its description, then
// the listings, by COPY in chunks, with the secondary indexes dropped during the load and rebuilt after it
// (building an index once is several times faster than growing it row by row).
import { type Database, LISTING_COLUMNS, rollSearchWindow } from "@lantern/indexer";
import { type GeneratedListing, makeListing, type Vocabulary } from "./searchData.ts";

const CHUNK = 20_000;

const METADATA_COLUMNS = ["cid", "state", "description", "images", "condition", "attributes", "fetched_at"];

export interface LoadOptions {
  count: number;
  seed: number;
  vocabulary: Vocabulary;
  onProgress?: (done: number) => void;
  /** The search window's target size; the indexer's default when not given. */
  searchWindow?: number;
}

export async function loadListings(db: Database, options: LoadOptions): Promise<void> {
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = 'listings' AND indexname <> 'listings_pkey'`,
  );
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
  const template = `0x${"7e".repeat(20)}`;
  for (let start = 0; start < options.count; start += CHUNK) {
    const end = Math.min(options.count, start + CHUNK);
    const listings: GeneratedListing[] = [];
    for (let i = start; i < end; i++) listings.push(makeListing(options.vocabulary, i, options.seed));
    await db.copy(
      "listing_metadata",
      METADATA_COLUMNS,
      lines(
        listings.map((l) => [l.metadataCid, "ok", l.description, "[]", "used", "{}", "2024-01-01T00:00:00Z"]),
      ),
    );
    await db.copy(
      "listings",
      LISTING_COLUMNS,
      lines(
        listings.map((l) => [
          l.address,
          l.seller,
          template,
          l.currency,
          l.price,
          l.price,
          String(l.stock),
          String(l.status),
          l.metadataCid,
          l.title,
          l.category,
          l.location,
          String(l.createdBlock),
          String(l.createdTime),
          `0x${"00".repeat(32)}`,
          String(l.createdBlock),
          String(l.createdTime),
        ]),
      ),
    );
    options.onProgress?.(end);
  }
  for (const index of indexes) await db.query(index.indexdef);
  await db.query(
    "INSERT INTO search_terms (term) SELECT word FROM ts_stat('SELECT search FROM listings') ON CONFLICT DO NOTHING",
  );
  // What the indexer's window keeper does as listings arrive (store/searchWindow.ts).
  await rollSearchWindow(db, { target: options.searchWindow });
  await db.query("VACUUM ANALYZE listings");
  await db.query("VACUUM ANALYZE listing_metadata");
  await db.query("VACUUM ANALYZE search_terms");
}

// Generated text holds no tabs, newlines or backslashes, so COPY's text format needs no escaping.
function lines(rows: string[][]): string {
  return `${rows.map((r) => r.join("\t")).join("\n")}\n`;
}
