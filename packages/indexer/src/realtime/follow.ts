import type { Logger } from "../common/logger.ts";
import type { ProgressTracker } from "../common/progress.ts";
import { withRetry } from "../common/retry.ts";
import { type Shutdown, sleep } from "../common/shutdown.ts";
import type { Engine } from "../engine.ts";

export interface FollowOptions {
  pollingIntervalMs: number;
  logger: Logger;
  shutdown: Shutdown;
  progress: ProgressTracker;
}

/**
 * Runs engine rounds until one finds nothing to do: the backfill, and each catch-up at the head. Any
 * retryable failure restarts from the checkpoint after a backoff, so no block is ever skipped.
 */
export async function catchUp(engine: Engine, options: FollowOptions): Promise<void> {
  await withRetry(
    async () => {
      while (await engine.step()) options.shutdown.check();
    },
    {
      what: "indexing",
      logger: options.logger,
      signal: options.shutdown.signal,
      onRetry: () => options.progress.retries++,
    },
  );
}

/**
 * Follows the head by polling: each poll asks for the latest block and, if it is new (or changed, after a
 * reorg), catches up. With the default 250 ms interval a mined event is in the database well within a
 * second. Polling rather than a newHeads subscription keeps plain HTTP RPCs usable, and a missed
 * notification can never leave a block behind. Runs until the shutdown signal.
 */
export async function follow(engine: Engine, options: FollowOptions): Promise<never> {
  options.progress.phase = "realtime";
  for (;;) {
    await catchUp(engine, options);
    await sleep(options.pollingIntervalMs, options.shutdown.signal);
  }
}
