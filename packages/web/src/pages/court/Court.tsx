import { stake, withdrawCourtRewards } from "@lantern/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Address, formatEther, parseEther } from "viem";
import { Link, useLocation } from "wouter";
import { Field } from "../../components/Field.tsx";
import { TxStatus } from "../../components/TxStatus.tsx";
import { useAddress, useApp, useWriteContext } from "../../lib/app.tsx";
import { type ArbiterAccount, useArbiterAccount, useDisputeCase, useDrawnDisputes } from "../../lib/court.ts";
import { phaseNames } from "../../lib/rulings.ts";
import { useTransaction } from "../../lib/useTransaction.ts";

/** The court for arbiters: stake, the disputes they are drawn for, and a lookup of any dispute. */
export default function Court() {
  const { read } = useApp();
  const account = useAddress();
  if (!read.deployment.contracts.Court) {
    return (
      <>
        <h1>Court</h1>
        <p className="notice">This deployment has no court.</p>
      </>
    );
  }
  return (
    <>
      <h1>Court</h1>
      <p>
        Arbiters stake LANTERN tokens; each dispute draws a committee weighted by stake. Drawn arbiters commit
        a hidden vote, then reveal it; arbiters who vote with the final ruling share the fees and the stake
        taken from those who do not.
      </p>
      <DisputeLookup />
      {account ? (
        <>
          <StakePanel account={account} />
          <DrawnDisputes account={account} />
        </>
      ) : (
        <p className="notice">
          Connect a wallet (top right) to stake and to see the disputes you are drawn for.
        </p>
      )}
    </>
  );
}

function DisputeLookup() {
  const [, navigate] = useLocation();
  const [id, setId] = useState("");
  const [error, setError] = useState<string>();
  return (
    <form
      className="form inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d+$/.test(id.trim())) {
          setError("A dispute number is a whole number, like 0 or 12.");
          return;
        }
        navigate(`/court/dispute/${id.trim()}`);
      }}
      noValidate
    >
      <Field label="Dispute number" error={error}>
        {(props) => (
          <input
            {...props}
            name="disputeId"
            inputMode="numeric"
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="secondary">
        Open dispute
      </button>
    </form>
  );
}

function StakePanel({ account }: { account: Address }) {
  const arbiter = useArbiterAccount(account);
  if (arbiter.isPending) return <p aria-busy="true">Reading your stake…</p>;
  if (arbiter.isError) return <p role="alert">Your stake could not be read: {arbiter.error.message}</p>;
  return <StakeForm account={account} data={arbiter.data} />;
}

/** Why `text` is not a stake this account can set, or the stake in token units. */
function checkStake(text: string, data: ArbiterAccount): { amount?: bigint; error?: string } {
  const value = text.trim();
  if (!/^\d+(\.\d{1,18})?$/.test(value))
    return { error: "Use digits and at most one decimal point, like 150." };
  const amount = parseEther(value);
  if (amount === data.stake) return { error: "That is your stake already." };
  if (amount !== 0n && amount < data.minStake)
    return { error: `The least stake is ${formatEther(data.minStake)} LANTERN (or 0 to leave the court).` };
  if (amount < data.locked)
    return {
      error: `${formatEther(data.locked)} LANTERN is locked by seats in open disputes; you can go down to that until they are settled.`,
    };
  if (amount > data.stake + data.balance)
    return {
      error: `You have ${formatEther(data.balance)} LANTERN besides your stake; at most ${formatEther(data.stake + data.balance)} can be staked.`,
    };
  return { amount };
}

function StakeForm({ account, data }: { account: Address; data: ArbiterAccount }) {
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkStake(value, data);
    setError(checked.error);
    if (checked.amount === undefined || !context) return;
    const amount = checked.amount;
    const done = await tx.run(amount === 0n ? "Leaving the court" : "Setting your stake", () =>
      stake(context, { amount }),
    );
    if (done) {
      setValue("");
      await queryClient.invalidateQueries({ queryKey: ["arbiter", account] });
    }
  }

  return (
    <section aria-labelledby="stake-title" className="stake">
      <h2 id="stake-title">Your stake</h2>
      <dl className="facts">
        <dt>Staked</dt>
        <dd data-stake>{formatEther(data.stake)} LANTERN</dd>
        <dt>Locked by open seats</dt>
        <dd data-locked>{formatEther(data.locked)} LANTERN</dd>
        <dt>In your wallet</dt>
        <dd data-token-balance>{formatEther(data.balance)} LANTERN</dd>
        <dt>The court owes you</dt>
        <dd>
          {formatEther(data.owedNative)} ETH and {formatEther(data.owedTokens)} LANTERN
        </dd>
      </dl>
      <p className="hint">
        The least stake is {formatEther(data.minStake)} LANTERN; each seat you are drawn for locks{" "}
        {formatEther(data.lockPerSeat)} LANTERN until its round is settled, and you lose that lock if you do
        not reveal or vote against the final ruling.
      </p>
      <form className="form inline" onSubmit={submit} noValidate>
        <Field label="New stake (LANTERN)" hint="0 leaves the court." error={error}>
          {(props) => (
            <input
              {...props}
              name="stake"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={tx.pending || !context}>
          Set stake
        </button>
      </form>
      {data.owedNative > 0n || data.owedTokens > 0n ? (
        <button
          type="button"
          className="secondary"
          disabled={tx.pending || !context}
          onClick={async () => {
            if (!context) return;
            if (await tx.run("Withdrawing what the court owes you", () => withdrawCourtRewards(context)))
              await queryClient.invalidateQueries({ queryKey: ["arbiter", account] });
          }}
        >
          Withdraw
        </button>
      ) : null}
      <TxStatus state={tx.state} />
    </section>
  );
}

function DrawnDisputes({ account }: { account: Address }) {
  const drawn = useDrawnDisputes(account);
  return (
    <section aria-labelledby="drawn-title">
      <h2 id="drawn-title">Disputes you are drawn for</h2>
      {drawn.isPending ? <p aria-busy="true">Reading the court's draws…</p> : null}
      {drawn.isError ? <p role="alert">The draws could not be read: {drawn.error.message}</p> : null}
      {drawn.data?.length === 0 ? <p>You have not been drawn yet.</p> : null}
      <ul className="disputes">
        {drawn.data?.map((id) => (
          <li key={String(id)}>
            <DisputeSummary disputeId={id} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DisputeSummary({ disputeId }: { disputeId: bigint }) {
  const found = useDisputeCase(disputeId);
  const about =
    found.data?.subject.kind === "order"
      ? `order ${found.data.subject.orderId}`
      : found.data?.subject.kind === "report"
        ? `report ${found.data.subject.reportId}`
        : "";
  return (
    <Link href={`/court/dispute/${disputeId}`} data-drawn-dispute={String(disputeId)}>
      Dispute {String(disputeId)}
      {about ? ` (${about})` : ""}
      {found.data ? ` — ${phaseNames[found.data.phase]}` : ""}
    </Link>
  );
}
