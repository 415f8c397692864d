import type { Queryable } from "../store/database.ts";
import { MUTABLE_TABLES } from "../store/tables.ts";

/**
 * Saves the before-image of every row a range is about to change (NULL for rows it creates), in one
 * statement per table. Called only for ranges above the finality depth: older blocks cannot reorg, so
 * backfilling them keeps no undo information and stays fast.
 */
export async function saveUndo(
  tx: Queryable,
  from: bigint,
  to: bigint,
  keysByTable: Record<string, readonly string[]>,
): Promise<void> {
  for (const table of MUTABLE_TABLES) {
    const keys = keysByTable[table.name];
    if (!keys || keys.length === 0) continue;
    await tx.query(
      `INSERT INTO reorg_undo (range_from, range_to, table_name, row_key, row)
       SELECT $1, $2, $3, k, (SELECT to_jsonb(t) FROM ${table.name} t WHERE ${table.match})
       FROM unnest($4::text[]) AS k`,
      [from.toString(), to.toString(), table.name, keys],
    );
  }
}

/** Forgets undo information and block hashes that fell below the finality depth. */
export async function pruneUndo(tx: Queryable, floor: bigint): Promise<void> {
  await tx.query("DELETE FROM reorg_undo WHERE range_to <= $1", [floor.toString()]);
  await tx.query("DELETE FROM blocks WHERE number < $1", [floor.toString()]);
}
