import { RetryableError } from "../common/errors.ts";

/**
 * The node refused or failed a request. Always retryable: providers answer limits, overload and restarts
 * with errors, and the indexer must not skip the range. `suggestedTo` is the end of a range the provider
 * said it would accept, when it said so.
 */
export class ProviderError extends RetryableError {
  override name = "ProviderError";
  readonly suggestedTo: bigint | undefined;
  /** True when the error looks like a size or range limit, so a smaller range should help. */
  readonly rangeLimit: boolean;
  /** How many times the allowed size the response was, when the transport measured it. */
  readonly sizeRatio: number | undefined;

  constructor(
    shortMessage: string,
    options: { cause?: unknown; suggestedTo?: bigint; rangeLimit?: boolean; sizeRatio?: number } = {},
  ) {
    super(shortMessage, { cause: options.cause });
    this.suggestedTo = options.suggestedTo;
    this.rangeLimit = options.rangeLimit ?? false;
    this.sizeRatio = options.sizeRatio;
  }
}

/** The node answered with something that is not a well-formed log or header. */
export class MalformedResponseError extends RetryableError {
  override name = "MalformedResponseError";
  constructor(shortMessage: string, sample: unknown) {
    super(`malformed RPC response: ${shortMessage}`, { details: preview(sample) });
  }
}

/** Logs and headers of one range disagree: the chain moved while the range was being read. */
export class InconsistentRangeError extends RetryableError {
  override name = "InconsistentRangeError";
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

const RANGE_LIMIT =
  /(more than \d+ results|too many (results|logs)|block range|range (is )?too (large|wide|big)|limit exceeded|response size|exceed|query timeout|-32005|10000 results)/i;

/**
 * Turns whatever the transport threw into a ProviderError. Providers phrase limits differently; the common
 * ones also name a range they would accept ("try with this block range [0x1, 0x2]"), which is used first.
 */
export function toProviderError(error: unknown, what: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = collectMessages(error);
  const suggestion = /\[\s*(0x[0-9a-f]+)\s*,\s*(0x[0-9a-f]+)\s*\]/i.exec(message);
  // viem's ResponseBodyTooLargeError says how large the body was and what the limit is.
  const { size, maxSize } = error as { size?: unknown; maxSize?: unknown };
  const sizeRatio =
    typeof size === "number" && typeof maxSize === "number" && maxSize > 0 ? size / maxSize : undefined;
  return new ProviderError(`${what}: ${firstLine(message)}`, {
    cause: error,
    suggestedTo: suggestion?.[2] ? BigInt(suggestion[2]) : undefined,
    rangeLimit: sizeRatio !== undefined || RANGE_LIMIT.test(message),
    sizeRatio,
  });
}

function collectMessages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { details?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.details === "string") parts.push(e.details);
    if (typeof e.message === "string") parts.push(e.message);
    current = e.cause;
  }
  return parts.join(" | ") || String(error);
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? text).slice(0, 200);
}
