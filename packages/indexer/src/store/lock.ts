import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NonRetryableError } from "../common/errors.ts";
import type { DatabaseConfig } from "../common/options.ts";
import type { Database } from "./database.ts";

/**
 * One writer per index. Two indexers writing the same tables would each apply the other's ranges again
 * on top. PostgreSQL: a session advisory lock, released by the server if the process dies. PGlite: a lock
 * file naming the owning process, taken over when that process is gone (after a crash, say).
 */
export async function acquireWriterLock(db: Database, config: DatabaseConfig): Promise<() => Promise<void>> {
  if ("url" in config) {
    const [row] = await db.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('lantern-indexer:' || current_schema())) AS locked",
    );
    if (!row?.locked) {
      throw new NonRetryableError(`Another indexer is already writing to ${db.location} (same schema).`);
    }
    return async () => {
      await db.query("SELECT pg_advisory_unlock(hashtext('lantern-indexer:' || current_schema()))");
    };
  }
  const file = path.join(path.resolve(config.dataDir), "indexer.lock");
  let owner: number | undefined;
  try {
    owner = Number(readFileSync(file, "utf8").trim());
  } catch {}
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new NonRetryableError(
      `Another indexer (process ${owner}) is already writing to ${path.dirname(file)}.`,
    );
  }
  writeFileSync(file, String(process.pid));
  return async () => {
    rmSync(file, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
