import { LanternError, type LanternErrorOptions } from "@lantern/sdk";

/**
 * The import was refused or stopped: a wrong secret, a missing key, an unauthorized publisher, a file that
 * cannot be read. Refusals happen before anything is published. `exitCode` is what the CLI exits with.
 */
export class ImportError extends LanternError {
  override name = "ImportError";
  readonly exitCode: number;

  constructor(shortMessage: string, options: LanternErrorOptions & { exitCode?: number } = {}) {
    super(shortMessage, options);
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Why one row was rejected; the rest of the file is imported. */
export class RowError extends Error {
  override name = "RowError";
}
