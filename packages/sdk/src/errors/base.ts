export interface LanternErrorOptions {
  /** What went wrong underneath, for logs; the short message is what a user reads. */
  details?: string | undefined;
  cause?: unknown;
}

/**
 * The one base class of every error the SDK throws, so callers catch one type. `shortMessage` is a sentence
 * for a person; `details` and `cause` say what happened underneath.
 */
export class LanternError extends Error {
  override name = "LanternError";
  readonly shortMessage: string;
  readonly details: string;

  constructor(shortMessage: string, options: LanternErrorOptions = {}) {
    const details = options.details ?? detailsOf(options.cause);
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = details;
  }
}

function detailsOf(cause: unknown): string {
  if (cause === undefined) return "";
  if (cause instanceof Error) {
    const shortMessage = (cause as { shortMessage?: unknown }).shortMessage;
    return typeof shortMessage === "string" ? shortMessage : cause.message;
  }
  return String(cause);
}
