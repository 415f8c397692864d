import type { TxState } from "../lib/useTransaction.ts";

/** Where a transaction stands, announced to screen readers as it changes. */
export function TxStatus({ state }: { state: TxState }) {
  if (state.status === "idle") return <p className="tx" role="status" aria-live="polite" />;
  const text =
    state.status === "pending"
      ? `${state.label}: pending — confirm in your wallet if it asks, then wait for the block.`
      : state.status === "confirmed"
        ? `${state.label}: confirmed.`
        : `${state.label}: failed. ${state.reason}`;
  return (
    <p
      className={`tx tx-${state.status}`}
      role={state.status === "failed" ? "alert" : "status"}
      aria-live="polite"
      data-tx={state.status}
    >
      {text}
      {state.status === "confirmed" && state.hash ? (
        <span className="hash"> Transaction {state.hash.slice(0, 10)}…</span>
      ) : null}
    </p>
  );
}
