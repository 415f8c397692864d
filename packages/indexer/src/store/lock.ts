import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NonRetryableError } from "../common/errors.ts";
import type { Database } from "./database.ts";

/**
 * One writer per index: two indexers writing the same tables would each apply the other's ranges again.
 * For PGlite a lock file naming the owning process, taken before the database is opened (two processes
 * must never open one PGlite directory) and taken over when its owner is gone, after a crash say.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  // The file names a process, so it cannot tell two indexers in one process apart; this set does.
  if (lockedHere.has(dir)) {
    throw new NonRetryableError(`Another indexer in this process is already writing to ${dir}.`);
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  const file = `${dir}.lock`;
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(file, "utf8").trim());
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new NonRetryableError(`Another indexer (process ${owner}) is already writing to ${dir}.`, {
        details: `Stop it first; if no indexer is running, delete ${file}.`,
      });
    }
    writeFileSync(file, String(process.pid));
  }
  lockedHere.add(dir);
  return () => {
    lockedHere.delete(dir);
    rmSync(file, { force: true });
  };
}

const lockedHere = new Set<string>();

/**
 * For PostgreSQL a session advisory lock per schema: held for the connection's life and released by the
 * server when the connection closes, however the process ends.
 */
export async function lockSchema(db: Database): Promise<void> {
  const [row] = await db.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext('lantern-indexer:' || current_schema())) AS locked",
  );
  if (!row?.locked) {
    throw new NonRetryableError(`Another indexer is already writing to ${db.location} (same schema).`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
