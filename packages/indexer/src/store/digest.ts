import type { Queryable } from "./database.ts";
import { DATA_TABLES } from "./tables.ts";

/**
 * An md5 per data table over every row in key order, plus the checkpoint's block: two databases with the
 * same digests hold the same index. Bookkeeping that legitimately differs between two correct runs (undo
 * information, saved block hashes, the undo floor) is left out.
 */
export async function digestTables(db: Pick<Queryable, "query">): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DATA_TABLES) {
    const [row] = await db.query<{ digest: string | null; count: string }>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest, count(*)::text AS count
       FROM ${table} t`,
    );
    out[table] = `${row?.count ?? 0}:${row?.digest ?? ""}`;
  }
  const [cp] = await db.query<{ block_number: string; block_hash: string }>(
    "SELECT block_number::text, block_hash FROM checkpoint",
  );
  out.checkpoint = cp ? `${cp.block_number}:${cp.block_hash}` : "none";
  return out;
}
