import type { ProviderError } from "./rpcErrors.ts";

export interface AdaptiveRangeOptions {
  /** Logs a response should stay under (providers commonly refuse more than 10,000). */
  maxLogs: number;
  /** Bytes a response should stay under (viem's http transport refuses bodies over 10 MiB by default). */
  maxBytes: number;
  maxBlocks: number;
  initialBlocks?: number;
}

/**
 * Chooses how many blocks the next eth_getLogs covers. It aims at half of the limits per response
 * (whichever of log count and size is nearer): a response past 80% of a limit halves the range, sparse
 * ranges grow (at most doubling per step, so one empty stretch does not leap into a dense one), and a
 * failure halves the range or takes the range the provider suggested.
 */
export class AdaptiveRange {
  private blocks: number;

  constructor(private readonly options: AdaptiveRangeOptions) {
    // Start at one block: the first responses tell how dense the chain is, and growth doubles from there
    // (17 requests to reach 100,000 blocks), while a dense chain never sees an oversized first request.
    this.blocks = Math.min(options.initialBlocks ?? 1, options.maxBlocks);
  }

  get size(): number {
    return this.blocks;
  }

  /** The end of the next range from `from`, never past `limit`. */
  end(from: bigint, limit: bigint): bigint {
    const to = from + BigInt(this.blocks) - 1n;
    return to < limit ? to : limit;
  }

  succeeded(blocks: number, logs: number, bytes: number): void {
    const fill = Math.max(logs / this.options.maxLogs, bytes / this.options.maxBytes);
    const ideal = fill === 0 ? Number.POSITIVE_INFINITY : Math.floor((blocks * 0.5) / fill);
    if (fill >= 0.8) {
      // Near a limit: at least halve, and go straight to the size the density suggests.
      this.blocks = Math.max(1, Math.min(Math.floor(blocks / 2), ideal));
      return;
    }
    // A range cut short by its limit says nothing about the blocks after it, so it may only shrink the size.
    const next = blocks < this.blocks ? Math.min(this.blocks, ideal) : Math.min(ideal, blocks * 2);
    this.blocks = Math.max(1, Math.min(this.options.maxBlocks, Math.max(next, Math.floor(blocks / 2))));
  }

  failed(error: ProviderError, from: bigint, triedBlocks: number): void {
    if (error.suggestedTo !== undefined && error.suggestedTo >= from) {
      const suggested = Number(error.suggestedTo - from + 1n);
      if (suggested < triedBlocks) {
        this.blocks = Math.max(1, suggested);
        return;
      }
    }
    const factor = error.sizeRatio !== undefined ? Math.min(0.5, 0.5 / error.sizeRatio) : 0.5;
    this.blocks = Math.max(1, Math.floor(triedBlocks * factor));
  }
}

/** About how many bytes of JSON a node sent for these logs: enough to steer range sizes. */
export function estimateBytes(logs: readonly { data: string; topics: readonly string[] }[]): number {
  let bytes = 0;
  for (const log of logs) bytes += 460 + log.data.length + log.topics.length * 69;
  return bytes;
}
