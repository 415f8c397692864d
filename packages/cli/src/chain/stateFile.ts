import { existsSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { CliError } from "../errors.ts";

/**
 * Anvil loads `state.json` and dumps to `state.next.json`; only a dump that parses replaces `state.json`.
 * So a crash in the middle of a dump, or a chain that failed to start, never costs the saved marketplace.
 */
export interface ChainStateFiles {
  dir: string;
  current: string;
  next: string;
}

export function chainStateFiles(dataDir: string): ChainStateFiles {
  const dir = path.join(dataDir, "chain");
  return { dir, current: path.join(dir, "state.json"), next: path.join(dir, "state.next.json") };
}

/** Checks that a saved state file is whole, so anvil never starts from (and later overwrites) a broken one. */
export function assertStateReadable(file: string): void {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new CliError(`Cannot read the saved chain state ${file}: ${(cause as Error).message}`);
  }
  try {
    const state = JSON.parse(text) as unknown;
    if (typeof state !== "object" || state === null || !("accounts" in state)) {
      throw new Error("it has no accounts section");
    }
  } catch (cause) {
    throw new CliError(
      `The saved chain state ${file} is corrupt (${(cause as Error).message}). It was left as it is; ` +
        "move it aside to start a fresh chain, or restore it from a backup.",
    );
  }
}

/** Picks the state to load: a complete newer periodic dump wins over the last clean one. */
export function stateToLoad(files: ChainStateFiles): string | undefined {
  if (existsSync(files.next)) {
    try {
      assertStateReadable(files.next);
      if (!existsSync(files.current) || statSync(files.next).mtimeMs >= statSync(files.current).mtimeMs) {
        promoteNextState(files);
      }
    } catch {
      // A dump cut short by a crash: the last clean state stays authoritative.
      rmSync(files.next, { force: true });
    }
  }
  if (!existsSync(files.current)) return undefined;
  assertStateReadable(files.current);
  return files.current;
}

/** Replaces the saved state with anvil's latest dump, if that dump is whole. */
export function promoteNextState(files: ChainStateFiles): boolean {
  if (!existsSync(files.next)) return false;
  try {
    assertStateReadable(files.next);
  } catch {
    return false;
  }
  renameSync(files.next, files.current);
  return true;
}
