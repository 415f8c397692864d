import { describe, isRetryable } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { sleep } from "./shutdown.ts";

export interface RetryOptions {
  /** What is being tried, for the log line. */
  what: string;
  logger: Logger;
  signal?: AbortSignal;
  /** First delay; doubles on each failure up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this many attempts and throw the last error (default: never give up). */
  maxAttempts?: number;
  /** Called before each retry, e.g. to shrink a block range or count the fault. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `fn` until it succeeds or fails with an error that is not retryable. The outermost loop has no
 * attempt limit: giving up on a Retryable error would mean skipping blocks, which the indexer never does
 * silently. A permanent outage therefore shows as a steady stream of warnings until someone stops it.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const base = options.baseDelayMs ?? 100;
  const max = options.maxDelayMs ?? 10_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!isRetryable(error) || attempt + 1 >= (options.maxAttempts ?? Number.POSITIVE_INFINITY))
        throw error;
      options.onRetry?.(error, attempt);
      // Full jitter keeps many indexers behind one provider from retrying in lockstep.
      const delay = Math.min(max, base * 2 ** Math.min(attempt, 16)) * (0.5 + Math.random() / 2);
      options.logger.warn(`${options.what} failed; retrying`, {
        attempt: attempt + 1,
        delayMs: Math.round(delay),
        error: describe(error),
      });
      await sleep(delay, options.signal);
    }
  }
}
