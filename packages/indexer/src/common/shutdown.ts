import { AbortedError } from "./errors.ts";

/**
 * Stopping is cooperative: stages check one AbortSignal between units of work and every sleep wakes on it,
 * so `stop()` never interrupts a database transaction half way (a commit either happens or it does not).
 */
export interface Shutdown {
  readonly signal: AbortSignal;
  readonly stopped: boolean;
  stop(reason?: string): void;
  /** Throws AbortedError once stopped; call between units of work. */
  check(): void;
}

export function createShutdown(): Shutdown {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    get stopped() {
      return controller.signal.aborted;
    },
    stop(reason = "stopped") {
      if (!controller.signal.aborted) controller.abort(new AbortedError(reason));
    },
    check() {
      if (controller.signal.aborted) throw new AbortedError("the indexer was stopped");
    },
  };
}

/** Resolves after `ms`, or rejects with AbortedError as soon as the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError("the indexer was stopped"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError("the indexer was stopped"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
