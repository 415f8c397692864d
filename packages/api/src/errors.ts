/**
 * The API's one error type: a code the client can act on, mapped to one HTTP status, and, for bad input,
 * the field and the rule it broke. Anything else that reaches the error handler is ours, not the client's.
 */
export type ApiErrorCode =
  | "invalid_parameter"
  | "not_found"
  | "conflict"
  | "limit_reached"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  invalid_parameter: 400,
  not_found: 404,
  conflict: 409,
  limit_reached: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class ApiError extends Error {
  override name = "ApiError";
  readonly code: ApiErrorCode;
  readonly status: number;
  /** Where the bad input was: `query.maxPrice`, `params.address`, `body`, ... */
  readonly field?: string;
  /** The rule it broke, in words. */
  readonly rule?: string;

  constructor(code: ApiErrorCode, message: string, options: { field?: string; rule?: string } = {}) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.field = options.field;
    this.rule = options.rule;
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.rule ? { rule: this.rule } : {}),
      },
    };
  }
}

export const badParameter = (field: string, rule: string) =>
  new ApiError("invalid_parameter", `${field}: ${rule}`, { field, rule });

export const notFound = (what: string) => new ApiError("not_found", `${what} was not found`);
