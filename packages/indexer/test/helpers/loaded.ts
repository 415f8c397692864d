import { type LoadOptions, loadListings } from "../../../../bench/lib/loadListings.ts";
import { vocabulary } from "../../../../bench/lib/searchData.ts";
import { createLogger, type Database, migrate, openDatabase } from "../../src/index.ts";
import type { DatabaseTarget } from "./databases.ts";

/**
 * A test database of `target`'s engine, migrated and filled with synthetic listings by the benchmarks'
 * loader (COPY in chunks; a share paused, closed and removed). `close` closes and drops it.
 */
export async function loadedDatabase(
  target: DatabaseTarget,
  options: Omit<LoadOptions, "vocabulary"> & { words: number },
): Promise<{ db: Database; close(): Promise<void> }> {
  const database = await target.create();
  const db = await openDatabase(database.config);
  try {
    await migrate(db, createLogger({ level: "warn" }));
    const { words, ...load } = options;
    await loadListings(db, { ...load, vocabulary: vocabulary(words, options.seed) });
  } catch (error) {
    await db.close();
    await database.drop();
    throw error;
  }
  return {
    db,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}
