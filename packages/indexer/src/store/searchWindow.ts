import type { Logger } from "../common/logger.ts";
import { type Shutdown, sleep } from "../common/shutdown.ts";
import type { Database } from "./database.ts";

const INDEX_NAME = /^listings_search_recent_\d+$/;

/** Listings a new recent window starts with; it moves on when twice as many are past its first block. */
export const SEARCH_WINDOW_TARGET = 50_000;

export interface SearchWindow {
  firstBlock: bigint;
  indexName: string;
}

export async function readSearchWindow(db: Pick<Database, "query">): Promise<SearchWindow | undefined> {
  const [row] = await db.query<{ first_block: string; index_name: string }>(
    "SELECT first_block::text, index_name FROM search_window",
  );
  if (!row) return undefined;
  if (!INDEX_NAME.test(row.index_name))
    throw new Error(`search_window names an unexpected index: ${row.index_name}`);
  return { firstBlock: BigInt(row.first_block), indexName: row.index_name };
}

/**
 * Builds the partial GIN index of the newest `target` listings (migration 0009 says why) when there is
 * none and more than 2 * target listings exist, or when more than 2 * target listings are past the current
 * window's first block; then points search_window at it and drops the old one. Returns the window it
 * moved to, or undefined when it did not move.
 *
 * The new index is complete before the row names it, so a search never plans against a half-built
 * index; a search that read the old block a moment before the drop just uses listings_search.
 */
export async function rollSearchWindow(
  db: Database,
  options: { target?: number; logger?: Logger } = {},
): Promise<SearchWindow | undefined> {
  const target = options.target ?? SEARCH_WINDOW_TARGET;
  if (!Number.isSafeInteger(target) || target < 1)
    throw new RangeError(`target must be a positive integer, got ${target}`);
  const current = await readSearchWindow(db);
  const [{ full } = { full: false }] = await db.query<{ full: boolean }>(
    `SELECT count(*) > $2 AS full FROM (
       SELECT 1 FROM listings WHERE created_block >= $1::bigint LIMIT $2 + 1) x`,
    [(current?.firstBlock ?? 0n).toString(), 2 * target],
  );
  if (!full) return undefined;
  const [first] = await db.query<{ block: string }>(
    "SELECT created_block::text AS block FROM listings ORDER BY created_block DESC, address DESC OFFSET $1 LIMIT 1",
    [target - 1],
  );
  if (!first) return undefined;
  const firstBlock = BigInt(first.block);
  if (current && firstBlock <= current.firstBlock) return undefined;
  // Digits only (a bigint from the table), so the name and the predicate are safe to splice.
  const indexName = `listings_search_recent_${firstBlock}`;
  const started = performance.now();
  await db.exec(
    `CREATE INDEX IF NOT EXISTS ${indexName} ON listings USING gin (search) WHERE created_block >= ${firstBlock}`,
  );
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO search_window (first_block, index_name) VALUES ($1::bigint, $2)
       ON CONFLICT (singleton) DO UPDATE SET first_block = EXCLUDED.first_block, index_name = EXCLUDED.index_name, moved_at = now()`,
      [firstBlock.toString(), indexName],
    );
    if (current && current.indexName !== indexName)
      await tx.query(`DROP INDEX IF EXISTS ${current.indexName}`);
  });
  options.logger?.info("moved the search window", {
    firstBlock: firstBlock.toString(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  });
  return { firstBlock, indexName };
}

/**
 * Checks the window every `intervalMs` while the indexer runs. The check is one bounded index scan; a
 * move (every `target` new listings) builds an index over `target` rows, seconds on a million listings.
 */
export async function keepSearchWindow(
  db: Database,
  options: { shutdown: Shutdown; logger: Logger; intervalMs: number; target?: number },
): Promise<void> {
  const { signal } = options.shutdown;
  while (!signal.aborted) {
    try {
      await rollSearchWindow(db, { target: options.target, logger: options.logger });
    } catch (error) {
      if (signal.aborted) return;
      options.logger.warn("search window: check failed; retrying", { error: (error as Error)?.message });
    }
    await sleep(options.intervalMs, signal).catch(() => {});
  }
}
