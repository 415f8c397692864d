import type { Hex } from "viem";
import { type Checkpoint, writeCheckpoint } from "../store/checkpoint.ts";
import type { Database } from "../store/database.ts";
import { APPEND_ONLY_TABLES, MUTABLE_TABLES } from "../store/tables.ts";

/**
 * Undoes every write above the common ancestor `ancestor`, in one transaction. Changed rows get their
 * oldest before-image from the ranges being undone (NULL: the row did not exist, so it goes); rows of the
 * append-only tables above the rewind point are deleted. A range that straddles the ancestor is undone
 * whole, so the index rewinds to the start of that range, which is at or below the ancestor and therefore
 * canonical; the blocks between are simply indexed again.
 */
export async function rollback(
  db: Database,
  ancestor: { number: bigint; hash: Hex },
  hashAt: (number: bigint) => Promise<Hex>,
): Promise<Checkpoint> {
  return db.transaction(async (tx) => {
    const a = ancestor.number.toString();
    const [row] = await tx.query<{ from: string | null; floor: string }>(
      "SELECT (SELECT min(range_from)::text FROM reorg_undo WHERE range_to > $1) AS from, (SELECT undo_floor::text FROM checkpoint) AS floor",
      [a],
    );
    const earliest = row?.from ? BigInt(row.from) - 1n : ancestor.number;
    const rewindTo = earliest < ancestor.number ? earliest : ancestor.number;
    const hash = rewindTo === ancestor.number ? ancestor.hash : await hashAt(rewindTo);

    for (const table of MUTABLE_TABLES) {
      await tx.query(
        `DELETE FROM ${table.name} t
         WHERE ${table.keyOf} IN (SELECT row_key FROM reorg_undo WHERE table_name = $1 AND range_to > $2)`,
        [table.name, a],
      );
      await tx.query(
        `INSERT INTO ${table.name}
         SELECT (jsonb_populate_record(NULL::${table.name}, u.row)).*
         FROM (SELECT DISTINCT ON (row_key) row_key, row FROM reorg_undo
               WHERE table_name = $1 AND range_to > $2 ORDER BY row_key, seq) u
         WHERE u.row IS NOT NULL`,
        [table.name, a],
      );
    }
    await tx.query("DELETE FROM reorg_undo WHERE range_to > $1", [a]);
    for (const table of APPEND_ONLY_TABLES) {
      await tx.query(`DELETE FROM ${table} WHERE block_number > $1`, [rewindTo.toString()]);
    }
    await tx.query("DELETE FROM blocks WHERE number > $1", [rewindTo.toString()]);
    await tx.query("INSERT INTO blocks (number, hash) VALUES ($1, $2) ON CONFLICT (number) DO NOTHING", [
      rewindTo.toString(),
      hash,
    ]);
    const floor = BigInt(row?.floor ?? "0");
    const checkpoint: Checkpoint = { number: rewindTo, hash, undoFloor: floor < rewindTo ? floor : rewindTo };
    await writeCheckpoint(tx, checkpoint);
    return checkpoint;
  });
}
