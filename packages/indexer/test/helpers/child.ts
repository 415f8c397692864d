import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/bin.ts");

export interface ChildIndexer {
  process: ChildProcess;
  /** Lines printed on stdout so far. */
  lines: string[];
  /** The last 8 kB of stderr. */
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Resolves when `count` stdout lines have matched `pattern`. */
  waitFor(pattern: RegExp, count?: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

/** Runs src/bin.ts in its own process, the way a crash would meet a real deployment. */
export function spawnIndexer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { quiet?: boolean } = {},
): ChildIndexer {
  const child = spawn(process.execPath, ["--import", "tsx", bin, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; count: number; resolve: () => void }[] = [];
  const matches = (pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;
  let buffered = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((w) => matches(w.pattern) >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => {
      if (code !== 0 && signal === null && !options.quiet)
        process.stderr.write(`child indexer failed:\n${stderr}\n`);
      resolve(signal ?? code ?? -1);
    }),
  );
  return {
    process: child,
    lines,
    stderr: () => stderr,
    exited,
    waitFor: (pattern, count = 1) =>
      matches(pattern) >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ pattern, count, resolve })),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
