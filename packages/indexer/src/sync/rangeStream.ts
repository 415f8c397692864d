import type { Logger } from "../common/logger.ts";
import { withRetry } from "../common/retry.ts";
import { type AdaptiveRange, estimateBytes } from "./blockRange.ts";
import { fetchRange } from "./fetchRange.ts";
import type { Rpc } from "./rpc.ts";
import { ProviderError } from "./rpcErrors.ts";
import type { FetchedRange } from "./types.ts";

export interface RangeStreamOptions {
  rpc: Rpc;
  ranges: AdaptiveRange;
  logger: Logger;
  signal: AbortSignal;
  /** First and last block to read. */
  from: bigint;
  to: bigint;
  /** Blocks above this are unfinalized: ranges stop at it, and above it every header is read. */
  safe: bigint;
  onRetry: () => void;
}

/**
 * Yields consecutive ranges covering `from..to` exactly, with no gap: each range starts right after the
 * previous one ended, however the adaptive size changed in between. The next range is fetched while the
 * caller writes the current one, so the node and the database work at the same time.
 */
export async function* rangeStream(options: RangeStreamOptions): AsyncGenerator<FetchedRange> {
  const { rpc, ranges, logger, signal, safe } = options;

  const fetchFrom = (from: bigint): Promise<FetchedRange> => {
    let tried = 0;
    return withRetry(
      async () => {
        const limit = from <= safe && safe < options.to ? safe : options.to;
        const to = ranges.end(from, limit);
        tried = Number(to - from + 1n);
        const started = performance.now();
        const range = await fetchRange(rpc, from, to, to > safe);
        ranges.succeeded(tried, range.logs.length, estimateBytes(range.logs));
        logger.debug("fetched range", {
          from,
          to,
          logs: range.logs.length,
          ms: Math.round(performance.now() - started),
        });
        return range;
      },
      {
        what: `reading blocks from ${from}`,
        logger,
        signal,
        maxAttempts: 8,
        onRetry: (error) => {
          options.onRetry();
          if (error instanceof ProviderError) ranges.failed(error, from, tried);
        },
      },
    );
  };

  let pending: Promise<FetchedRange> | undefined = fetchFrom(options.from);
  try {
    while (pending) {
      const range: FetchedRange = await pending;
      pending = range.to < options.to ? fetchFrom(range.to + 1n) : undefined;
      // A prefetch the caller never asks for (it stopped, or found a reorg) must not become an unhandled rejection.
      pending?.catch(() => {});
      yield range;
    }
  } finally {
    pending?.catch(() => {});
  }
}
