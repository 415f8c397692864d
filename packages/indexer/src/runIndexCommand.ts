import { AbortedError, describe, IndexerError } from "./common/errors.ts";
import { createLogger, type LogLevel } from "./common/logger.ts";
import { type DatabaseConfig, DEFAULT_DATA_DIR, type IndexerDeployment } from "./common/options.ts";
import { formatProgress, type IndexerProgress } from "./common/progress.ts";
import { createIndexer, type Indexer } from "./createIndexer.ts";
import type { MetadataSource } from "./metadata/source.ts";

export interface RunIndexCommandOptions {
  rpcUrl: string;
  deployment: IndexerDeployment;
  /** PGlite directory when no database URL is given; default `.lantern/db`. */
  dataDir?: string;
  /** A PostgreSQL URL; defaults to the DATABASE_URL environment variable. */
  databaseUrl?: string;
  finality?: number;
  /** Keep following the head after the backfill (default), until `signal` or SIGINT/SIGTERM. */
  follow?: boolean;
  signal?: AbortSignal;
  logLevel?: LogLevel;
  /** Where listing metadata documents come from; see CreateIndexerOptions.metadata. */
  metadata?: MetadataSource;
  /** Called with the indexer as soon as it exists: its `query` reads the index (the API uses it on PGlite). */
  onIndexer?: (indexer: Indexer) => void;
  /** Where progress and messages go; default process.stderr. */
  stderr?: NodeJS.WriteStream | NodeJS.WritableStream;
}

/**
 * `lantern index`: backfills with a progress line on stderr (blocks done/total, events/s, ETA), then
 * follows the head. Throws on a fatal error after printing it plainly, so the CLI exits non-zero.
 */
export async function runIndexCommand(options: RunIndexCommandOptions): Promise<void> {
  const stderr = options.stderr ?? process.stderr;
  const tty = "isTTY" in stderr && stderr.isTTY === true;
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  const database: DatabaseConfig = url ? { url } : { dataDir: options.dataDir ?? DEFAULT_DATA_DIR };
  const line = new ProgressLine(stderr, tty);
  const logger = createLogger({
    level: options.logLevel ?? "info",
    write: (text) => line.message(text),
  });

  let fatal: ((error: unknown) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    fatal = reject;
  });
  failed.catch(() => {});
  const indexer = createIndexer({
    rpcUrl: options.rpcUrl,
    deployment: options.deployment,
    database,
    finality: options.finality,
    logger,
    onProgress: (p) => line.update(p),
    onError: (error) => fatal?.(error),
    metadata: options.metadata,
  });
  options.onIndexer?.(indexer);

  const stopOn = new AbortController();
  const onSignal = () => stopOn.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  options.signal?.addEventListener("abort", onSignal, { once: true });
  const stopped = new Promise<void>((resolve) => stopOn.signal.addEventListener("abort", () => resolve()));
  try {
    const target = "url" in database ? "PostgreSQL" : `PGlite in ${database.dataDir}`;
    stderr.write(`Indexing chain ${options.deployment.chainId} from ${options.rpcUrl} into ${target}\n`);
    await Promise.race([indexer.start(), stopped]);
    if (stopOn.signal.aborted) return;
    line.done(indexer.progress());
    if (options.follow !== false) {
      stderr.write("Caught up; following the head (Ctrl-C to stop).\n");
      await Promise.race([stopped, failed]);
    }
  } catch (error) {
    if (error instanceof AbortedError) return;
    line.clear();
    stderr.write(`\nlantern index: ${error instanceof IndexerError ? error.message : describe(error)}\n`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await indexer.stop();
  }
}

/** A single progress line: redrawn in place on a terminal, printed every few seconds otherwise. */
class ProgressLine {
  private last = 0;
  private shown = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly tty: boolean,
  ) {}

  update(p: IndexerProgress): void {
    if (p.phase !== "backfill") return;
    const now = Date.now();
    if (now - this.last < (this.tty ? 200 : 2000)) return;
    this.last = now;
    const text = `Backfill  ${formatProgress(p)}`;
    if (this.tty) {
      this.out.write(`\r\x1b[2K${text}`);
      this.shown = true;
    } else {
      this.out.write(`${text}\n`);
    }
  }

  message(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }

  clear(): void {
    if (this.shown) this.out.write("\r\x1b[2K");
    this.shown = false;
  }

  done(p: IndexerProgress): void {
    this.clear();
    if (p.blocksTotal === 0n) this.out.write(`Up to date at block ${p.checkpoint}.\n`);
    else
      this.out.write(
        `Backfill done  ${formatProgress({ ...p, blocksDone: p.blocksTotal, etaSeconds: 0 })}\n`,
      );
  }
}
