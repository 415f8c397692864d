import type { Hex } from "viem";
import { DeploymentMismatchError } from "../common/errors.ts";
import type { IndexerDeployment } from "../common/options.ts";
import type { BlockHeader } from "../sync/types.ts";
import { insertRows } from "./bulk.ts";
import type { Database, Queryable } from "./database.ts";

export interface Checkpoint {
  number: bigint;
  hash: Hex;
  undoFloor: bigint;
}

export async function readCheckpoint(db: Queryable): Promise<Checkpoint | undefined> {
  const [row] = await db.query<{ block_number: string; block_hash: string; undo_floor: string }>(
    "SELECT block_number::text, block_hash, undo_floor::text FROM checkpoint WHERE id = 1",
  );
  if (!row) return undefined;
  return { number: BigInt(row.block_number), hash: row.block_hash as Hex, undoFloor: BigInt(row.undo_floor) };
}

export async function writeCheckpoint(tx: Queryable, cp: Checkpoint): Promise<void> {
  await tx.query(
    `INSERT INTO checkpoint (id, block_number, block_hash, undo_floor) VALUES (1, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash,
       undo_floor = excluded.undo_floor`,
    [cp.number.toString(), cp.hash, cp.undoFloor.toString()],
  );
}

/** Remembers block hashes for the ancestor search after a reorg. */
export async function saveBlocks(tx: Queryable, headers: readonly BlockHeader[]): Promise<void> {
  const rows = headers.map((h) => ({ number: h.number.toString(), hash: h.hash }));
  await insertRows(tx, "blocks", rows, { columns: ["number", "hash"], conflict: ["number"] });
}

/** Recent block hashes we built on, newest first, down to `floor`. */
export async function recentBlocks(db: Queryable, floor: bigint): Promise<{ number: bigint; hash: Hex }[]> {
  const rows = await db.query<{ number: string; hash: string }>(
    "SELECT number::text, hash FROM blocks WHERE number >= $1 ORDER BY number DESC",
    [floor.toString()],
  );
  return rows.map((r) => ({ number: BigInt(r.number), hash: r.hash as Hex }));
}

export async function blockHashAt(db: Queryable, number: bigint): Promise<Hex | undefined> {
  const [row] = await db.query<{ hash: string }>("SELECT hash FROM blocks WHERE number = $1", [
    number.toString(),
  ]);
  return row?.hash as Hex | undefined;
}

/**
 * Records which chain and contracts this database indexes on first start, and refuses another later:
 * appending a second marketplace's events would make both indexes wrong.
 */
export async function checkDeployment(db: Database, deployment: IndexerDeployment): Promise<void> {
  const expected: Record<string, string> = {
    chain_id: String(deployment.chainId),
    deployment_block: deployment.deploymentBlock.toString(),
    listing_factory: deployment.contracts.ListingFactory.toLowerCase(),
    escrow: deployment.contracts.Escrow.toLowerCase(),
    key_registry: deployment.contracts.KeyRegistry.toLowerCase(),
  };
  const rows = await db.query<{ key: string; value: string }>("SELECT key, value FROM meta");
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  if (stored.size === 0) {
    const keys = Object.keys(expected);
    await db.query("INSERT INTO meta (key, value) SELECT * FROM unnest($1::text[], $2::text[])", [
      keys,
      keys.map((k) => expected[k]),
    ]);
    return;
  }
  for (const [key, value] of Object.entries(expected)) {
    if (stored.get(key) !== value) {
      throw new DeploymentMismatchError(
        `The database at ${db.location} indexes another deployment (${key} is ${stored.get(key) ?? "unset"} there, ${value} here).`,
        { details: "Use another data directory or database (or schema), or delete this one to rebuild it." },
      );
    }
  }
}
