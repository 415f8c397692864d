import { LanternError } from "@lantern/sdk";
import { useCallback, useRef, useState } from "react";

export type TxState =
  | { status: "idle" }
  | { status: "pending"; label: string }
  | { status: "confirmed"; label: string; hash?: string }
  | { status: "failed"; label: string; reason: string };

/** A sentence for a failed transaction: the SDK's decoded revert, a wallet's refusal, or the error itself. */
export function reasonOf(error: unknown): string {
  const chain = [error];
  for (let e = error as { cause?: unknown } | undefined; e?.cause; e = e.cause as { cause?: unknown }) {
    chain.push(e.cause);
  }
  if (
    chain.some(
      (e) => (e as { code?: unknown })?.code === 4001 || (e as Error)?.name === "UserRejectedRequestError",
    )
  ) {
    return "You rejected the transaction in your wallet; nothing was sent.";
  }
  if (error instanceof LanternError) return error.shortMessage;
  const short = (error as { shortMessage?: unknown })?.shortMessage;
  if (typeof short === "string") return short;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one transaction (or a short sequence of them) and tracks it as pending, confirmed or failed. The
 * caller's form state is untouched on failure, so whatever the user typed stays there.
 */
export function useTransaction() {
  const [state, setState] = useState<TxState>({ status: "idle" });
  const busy = useRef(false);
  const run = useCallback(async <T>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setState({ status: "pending", label });
    try {
      const result = await action();
      const hash = (result as { hash?: unknown })?.hash;
      setState({ status: "confirmed", label, ...(typeof hash === "string" ? { hash } : {}) });
      return result;
    } catch (error) {
      setState({ status: "failed", label, reason: reasonOf(error) });
      return undefined;
    } finally {
      busy.current = false;
    }
  }, []);
  return { state, run, pending: state.status === "pending", reset: () => setState({ status: "idle" }) };
}
