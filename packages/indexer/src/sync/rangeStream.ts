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
 * previous one ended, however the adaptive size changed in between. Each range goes through `prepare`
 * (decoding) as soon as it arrives, and the next range is fetched and prepared while the caller writes the
 * current one: the node, this thread and the database work at the same time, one range ahead at most.
 * `prepare` runs on ranges strictly in order.
 */
export async function* rangeStream<T>(
  options: RangeStreamOptions & { prepare: (range: FetchedRange) => Promise<T> },
): AsyncGenerator<T> {
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

  const load = (from: bigint) =>
    fetchFrom(from).then(async (range) => ({ range, item: await options.prepare(range) }));
  let pending: Promise<{ range: FetchedRange; item: T }> | undefined = load(options.from);
  try {
    while (pending) {
      const { range, item }: { range: FetchedRange; item: T } = await pending;
      pending = range.to < options.to ? load(range.to + 1n) : undefined;
      // A prefetch the caller never asks for (it stopped, or found a reorg) must not become an unhandled rejection.
      pending?.catch(() => {});
      yield item;
    }
  } finally {
    pending?.catch(() => {});
  }
}
