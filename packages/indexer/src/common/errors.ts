/**
 * One error base for the indexer (after viem's BaseError): a short message for people, optional details,
 * and the cause. Every error says whether trying again can help, and the retry loop looks only at that
 * (after Ponder's internal/errors.ts), so no stage guesses from message text.
 */
export class IndexerError extends Error {
  override name = "IndexerError";
  readonly shortMessage: string;
  readonly details: string | undefined;
  readonly retryable: boolean = false;

  constructor(shortMessage: string, options: { details?: string; cause?: unknown } = {}) {
    super(options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage, {
      cause: options.cause,
    });
    this.shortMessage = shortMessage;
    this.details = options.details;
  }
}

/** A failure that may pass if the same work is tried again: a timeout, a 5xx, a dropped connection. */
export class RetryableError extends IndexerError {
  override name = "RetryableError";
  override readonly retryable = true;
}

/** A failure that trying again cannot fix: a wrong configuration, a broken invariant. */
export class NonRetryableError extends IndexerError {
  override name = "NonRetryableError";
}

/** The database could not be reached or opened; the message names which one and why. */
export class DatabaseConnectionError extends NonRetryableError {
  override name = "DatabaseConnectionError";
}

/** The chain replaced blocks older than the configured finality depth, so there is no undo information. */
export class ReorgTooDeepError extends NonRetryableError {
  override name = "ReorgTooDeepError";
}

/** The database holds another chain's or another deployment's index. */
export class DeploymentMismatchError extends NonRetryableError {
  override name = "DeploymentMismatchError";
}

/** The indexer was stopped while work was in flight; not a failure. */
export class AbortedError extends IndexerError {
  override name = "AbortedError";
}

export function isRetryable(error: unknown): boolean {
  return error instanceof IndexerError && error.retryable;
}

/** The shortest useful description of any thrown value, for log lines. */
export function describe(error: unknown): string {
  if (error instanceof IndexerError) return error.shortMessage;
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}
