import { AbortedError, describe } from "./common/errors.ts";
import { createLogger, type Logger } from "./common/logger.ts";
import { type CreateIndexerOptions, resolveOptions } from "./common/options.ts";
import { type IndexerProgress, ProgressTracker } from "./common/progress.ts";
import { withRetry } from "./common/retry.ts";
import { createShutdown } from "./common/shutdown.ts";
import { Engine } from "./engine.ts";
import { runMetadataStage } from "./metadata/stage.ts";
import { catchUp, follow } from "./realtime/follow.ts";
import { type Database, openDatabase, type Queryable } from "./store/database.ts";
import { lockDataDir, lockSchema } from "./store/lock.ts";
import { migrate } from "./store/migrate.ts";
import { keepSearchWindow } from "./store/searchWindow.ts";
import { createRpc } from "./sync/rpc.ts";

export interface BackfillResult {
  /** The last block indexed. */
  checkpoint: bigint;
  events: number;
  /** Time spent indexing, from the first range read to the head. */
  seconds: number;
  /** Time spent before that: opening the database (PGlite's first start runs initdb), migrations, RPC checks. */
  startupSeconds: number;
}

export interface Indexer {
  /** Indexes from the checkpoint to the chain head, then resolves (it does not follow the head). */
  backfill(): Promise<BackfillResult>;
  /** Catches up like `backfill`, resolves, then keeps following the head until `stop()`. */
  start(): Promise<void>;
  /** Stops after the range being written (a transaction is never cut), and closes the database. */
  stop(): Promise<void>;
  /** Read access to the index (the same connection, so PGlite needs no second process). */
  query: Queryable["query"];
  progress(): IndexerProgress;
}

/**
 * The indexer: opens the database (PGlite in a directory, or a PostgreSQL server), applies migrations,
 * and runs the pipeline (sync -> decode -> store, with reorg handling) from the last checkpoint.
 */
export function createIndexer(options: CreateIndexerOptions): Indexer {
  const resolved = resolveOptions(options);
  const logger: Logger = options.logger ?? createLogger({ level: options.logLevel ?? "info" });
  const shutdown = createShutdown();
  const progress = new ProgressTracker();
  const onProgress = options.onProgress;
  let db: Database | undefined;
  let release: (() => Promise<void>) | undefined;
  let engine: Engine | undefined;
  let opening: Promise<Engine> | undefined;
  let following: Promise<void> | undefined;
  /** The catch-up in flight, if any: stop() waits for it so no transaction meets a closed database. */
  let catchingUp: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let fetchingMetadata: Promise<void> | undefined;
  let keepingWindow: Promise<void> | undefined;

  const open = () => {
    opening ??= (async () => {
      const config = resolved.database;
      if ("dataDir" in config) {
        const unlock = lockDataDir(config.dataDir);
        release = async () => unlock();
      }
      db = await openDatabase(config);
      if ("url" in config) await lockSchema(db);
      await migrate(db, logger);
      const rpc = createRpc(resolved.rpcUrl, {
        timeoutMs: resolved.requestTimeoutMs,
        // A dense block cannot be split by range, so the transport allows well past the adaptive target.
        maxResponseBytes: resolved.maxResponseBytes * 16,
      });
      const e = new Engine({
        db,
        rpc,
        options: resolved,
        logger,
        shutdown,
        progress,
        onCommit: () => onProgress?.(progress.snapshot()),
      });
      // The RPC may be starting up as we are; that is worth waiting for, a wrong chain is not.
      await withRetry(() => e.init(), { what: "connecting to the chain", logger, signal: shutdown.signal });
      progress.begin(e.current.number, e.current.number);
      const metadata = options.metadata;
      const database = db;
      if (metadata) {
        fetchingMetadata = runMetadataStage(database, metadata, {
          shutdown,
          logger,
          idleMs: Math.max(1000, resolved.pollingIntervalMs),
        }).catch(() => {});
      }
      keepingWindow = keepSearchWindow(database, { shutdown, logger, intervalMs: 60_000 }).catch(() => {});
      logger.info("indexer ready", {
        database: db.location,
        checkpoint: e.current.number,
        rssMb: Math.round(process.memoryUsage.rss() / 1048576),
      });
      return e;
    })();
    return opening;
  };

  const loop = { pollingIntervalMs: resolved.pollingIntervalMs, logger, shutdown, progress };
  const track = (work: Promise<void>) => {
    catchingUp = work;
    return work;
  };

  return {
    async backfill() {
      const opened = performance.now();
      engine ??= await open();
      const started = performance.now();
      const eventsBefore = progress.events;
      await track(catchUp(engine, loop));
      onProgress?.(progress.snapshot());
      return {
        checkpoint: engine.current.number,
        events: progress.events - eventsBefore,
        seconds: (performance.now() - started) / 1000,
        startupSeconds: (started - opened) / 1000,
      };
    },
    async start() {
      engine ??= await open();
      await track(catchUp(engine, loop));
      const e = engine;
      following ??= follow(e, loop).catch((error: unknown) => {
        if (error instanceof AbortedError) return;
        logger.error("indexer stopped on an error", { error: describe(error) });
        options.onError?.(error);
      });
    },
    stop() {
      stopping ??= (async () => {
        shutdown.stop();
        await following?.catch(() => {});
        await opening?.catch(() => {});
        await catchingUp?.catch(() => {});
        await fetchingMetadata;
        await keepingWindow;
        // Close first: the lock must outlive every write the database might still flush.
        await db?.close().catch(() => {});
        await release?.().catch(() => {});
      })();
      return stopping;
    },
    query: (sql, params) => {
      if (!db) throw new Error("the indexer's database is not open yet: call start() or backfill() first");
      return db.query(sql, params);
    },
    progress: () => progress.snapshot(),
  };
}
