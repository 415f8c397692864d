import {
  castVote,
  delegate,
  escrowAbi,
  executeProposal,
  lanternGovernorAbi,
  lanternTimelockAbi,
  lanternTokenAbi,
  type ProposalCall,
  propose,
  queueProposal,
  rewardsAbi,
  VoteSupport,
  type WriteContext,
} from "@lantern/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { type Address, encodeFunctionData, formatEther, isAddress } from "viem";
import { Field } from "../components/Field.tsx";
import { TxStatus } from "../components/TxStatus.tsx";
import { useAddress, useApp, useWriteContext } from "../lib/app.tsx";
import { formatDuration, shortAddress } from "../lib/format.ts";
import {
  type CallDescription,
  describeCall,
  governanceSettings,
  listProposals,
  type ProposalView,
  simulateAsTimelock,
} from "../lib/governance.ts";
import { useTransaction } from "../lib/useTransaction.ts";

const DAY = 86_400;

export default function GovernancePage() {
  const { read } = useApp();
  const settings = useQuery({ queryKey: ["governance-settings"], queryFn: () => governanceSettings(read) });
  if (!read.deployment.contracts.LanternGovernor) {
    return (
      <>
        <h1>Governance</h1>
        <p>This deployment predates governance: it has no governor.</p>
      </>
    );
  }
  return (
    <section aria-labelledby="governance-title">
      <h1 id="governance-title">Governance</h1>
      <p className="hint">
        Every rule of the marketplace belongs to the timelock, which runs only what token holders voted for. A
        change goes propose → vote → queue → execute.
      </p>
      {settings.data ? (
        <dl className="facts" data-governance-settings>
          <dt>Voting starts</dt>
          <dd>{formatDuration(settings.data.votingDelay)} after a proposal</dd>
          <dt>Voting lasts</dt>
          <dd>{formatDuration(settings.data.votingPeriod)}</dd>
          <dt>Timelock delay</dt>
          <dd data-timelock-delay>{formatDuration(settings.data.timelockDelay)} between queue and execute</dd>
          <dt>Escrow delivery window</dt>
          <dd data-escrow-delivery-window>{formatDuration(settings.data.deliveryWindow)}</dd>
          <dt>Proposing needs</dt>
          <dd>{formatEther(settings.data.threshold)} LNTN of votes</dd>
        </dl>
      ) : null}
      <MyVotes />
      <Proposals />
      <ProposeForm />
    </section>
  );
}

function useChainTime() {
  const { read } = useApp();
  return useQuery({
    queryKey: ["chain-time"],
    queryFn: async () => Number((await read.publicClient.getBlock()).timestamp),
    refetchInterval: 3_000,
  }).data;
}

function MyVotes() {
  const { read } = useApp();
  const account = useAddress();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [target, setTarget] = useState<"self" | "other">("self");
  const [other, setOther] = useState("");
  const [error, setError] = useState<string>();
  const token = read.deployment.contracts.LanternToken as Address;
  const votes = useQuery({
    queryKey: ["votes", account],
    enabled: Boolean(account && token),
    queryFn: async () => {
      const on = { address: token, abi: lanternTokenAbi } as const;
      const who = account as Address;
      const [balance, power, delegatee] = await Promise.all([
        read.publicClient.readContract({ ...on, functionName: "balanceOf", args: [who] }),
        read.publicClient.readContract({ ...on, functionName: "getVotes", args: [who] }),
        read.publicClient.readContract({ ...on, functionName: "delegates", args: [who] }),
      ]);
      return { balance, power, delegatee };
    },
  });
  if (!account) return <p>Connect a wallet to vote, delegate or propose.</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!context) return;
    if (target === "other" && !isAddress(other.trim())) {
      setError("Enter the address to delegate to: 0x and 40 hex digits.");
      return;
    }
    setError(undefined);
    const delegatee = target === "self" ? account : (other.trim() as Address);
    const done = await tx.run("Delegating", () => delegate(context, { delegatee }));
    if (done) await queryClient.invalidateQueries({ queryKey: ["votes", account] });
  };
  const v = votes.data;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="votes-title">
      <h2 id="votes-title">My votes</h2>
      {v ? (
        <p>
          Balance {formatEther(v.balance)} LNTN; voting power{" "}
          <strong data-voting-power>{formatEther(v.power)}</strong> LNTN
          {v.delegatee === "0x0000000000000000000000000000000000000000"
            ? " (not delegated: tokens count as votes only once delegated, to yourself or someone else)."
            : `, delegated to ${v.delegatee.toLowerCase() === account.toLowerCase() ? "yourself" : shortAddress(v.delegatee)}.`}
        </p>
      ) : null}
      <fieldset>
        <legend>Delegate my votes to</legend>
        <label className="choice">
          <input
            type="radio"
            name="delegate"
            checked={target === "self"}
            onChange={() => setTarget("self")}
          />
          <span>Myself</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="delegate"
            checked={target === "other"}
            onChange={() => setTarget("other")}
          />
          <span>Another address</span>
        </label>
      </fieldset>
      {target === "other" ? (
        <Field label="Delegate address" error={error}>
          {(props) => (
            <input {...props} name="delegatee" value={other} onChange={(e) => setOther(e.target.value)} />
          )}
        </Field>
      ) : null}
      <button type="submit" disabled={!context || tx.pending}>
        Delegate
      </button>
      <TxStatus state={tx.state} />
    </form>
  );
}

function Proposals() {
  const { read } = useApp();
  const proposals = useQuery({
    queryKey: ["proposals"],
    queryFn: () => listProposals(read),
    refetchInterval: 3_000,
  });
  if (proposals.isPending) return <p aria-busy="true">Reading proposals from the chain…</p>;
  if (proposals.isError) return <p role="alert">Proposals could not be read: {proposals.error.message}</p>;
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposals</h2>
      {proposals.data.length === 0 ? <p>No proposal yet.</p> : null}
      <ul className="proposals">
        {proposals.data.map((p) => (
          <li key={String(p.proposalId)}>
            <ProposalCard view={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Diffs({
  descriptions,
  executed = false,
}: {
  descriptions: CallDescription[] | undefined;
  executed?: boolean;
}) {
  if (!descriptions) return <p aria-busy="true">Decoding the calls…</p>;
  return (
    <ul className="diffs">
      {descriptions.map((d) => {
        // Once executed, the chain holds the new value, so "before" would only repeat it.
        const changed = d.changes.filter((c) => c.before !== c.after);
        const shown = executed ? d.changes : changed.length > 0 ? changed : d.changes;
        return shown.length > 0 ? (
          shown.map((c) => (
            <li key={`${d.signature}:${c.label}`} data-diff>
              {executed ? `${c.label}: set to ${c.after}` : `${c.label}: ${c.before} → ${c.after}`}
            </li>
          ))
        ) : (
          <li key={d.signature} data-diff>
            <code>{d.signature}</code>
          </li>
        );
      })}
    </ul>
  );
}

function ProposalCard({ view }: { view: ProposalView }) {
  const { read } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const now = useChainTime();
  const [refusal, setRefusal] = useState<string>();
  const id = String(view.proposalId);
  const diffs = useQuery({
    queryKey: ["proposal-diffs", id, view.state],
    queryFn: () => Promise.all(view.proposal.calls.map((c) => describeCall(read, c))),
  });
  const settings = useQuery({ queryKey: ["governance-settings"], queryFn: () => governanceSettings(read) });
  const after = async () => {
    await queryClient.invalidateQueries({ queryKey: ["proposals"] });
    await queryClient.invalidateQueries({ queryKey: ["governance-settings"] });
  };
  const vote = async (support: VoteSupport, label: string) => {
    if (!context) return;
    if (await tx.run(`Voting ${label}`, () => castVote(context, { proposalId: view.proposalId, support })))
      await after();
  };
  // Queue and execute are refused before sending when the calls would fail as the timelock runs them.
  const guarded = async (label: string, send: () => Promise<unknown>) => {
    const failure = await simulateAsTimelock(read, view.proposal.calls);
    setRefusal(failure);
    if (failure || !context) return;
    if (await tx.run(label, send)) await after();
  };
  const date = (t: bigint) => new Date(Number(t) * 1000).toLocaleString();
  const executableIn = now !== undefined && view.eta > 0n ? Number(view.eta) - now : undefined;
  return (
    <article className="card" data-proposal={id} data-state={view.state} aria-labelledby={`p-${id}`}>
      <h3 id={`p-${id}`}>{view.proposal.description.split("\n")[0]}</h3>
      <p>
        <span data-proposal-state>{view.state}</span> · proposed by {shortAddress(view.proposer)} · voting{" "}
        {date(view.voteStart)} – {date(view.voteEnd)}
        {view.eta > 0n ? ` · executable from ${date(view.eta)}` : ""}
      </p>
      <Diffs descriptions={diffs.data} executed={view.state === "Executed"} />
      <p data-tally>
        For {formatEther(view.votes.for)} · Against {formatEther(view.votes.against)} · Abstain{" "}
        {formatEther(view.votes.abstain)} LNTN (quorum {formatEther(roundUpToCents(view.quorum))})
      </p>
      {view.state === "Active" ? (
        <fieldset className="actions">
          <legend>Vote</legend>
          <button
            type="button"
            disabled={!context || tx.pending}
            onClick={() => vote(VoteSupport.For, "for")}
          >
            Vote for
          </button>
          <button
            type="button"
            disabled={!context || tx.pending}
            onClick={() => vote(VoteSupport.Against, "against")}
          >
            Vote against
          </button>
          <button
            type="button"
            disabled={!context || tx.pending}
            onClick={() => vote(VoteSupport.Abstain, "abstain")}
          >
            Abstain
          </button>
        </fieldset>
      ) : null}
      {view.state === "Pending" ? <p className="hint">Voting opens {date(view.voteStart)}.</p> : null}
      {view.state === "Succeeded" ? (
        <>
          <button
            type="button"
            disabled={!context || tx.pending}
            onClick={() => guarded("Queueing", () => queueProposal(context as never, view.proposal))}
          >
            Queue
          </button>
          <p className="hint">
            Once queued, it can be executed after the timelock delay
            {settings.data ? ` of ${formatDuration(settings.data.timelockDelay)}` : ""}.
          </p>
        </>
      ) : null}
      {view.state === "Queued" ? (
        <>
          <button
            type="button"
            disabled={!context || tx.pending || (executableIn !== undefined && executableIn > 0)}
            aria-describedby={`p-${id}-eta`}
            onClick={() => guarded("Executing", () => executeProposal(context as never, view.proposal))}
          >
            Execute
          </button>
          <p className="hint" id={`p-${id}-eta`}>
            {executableIn !== undefined && executableIn > 0
              ? `The timelock delay runs until ${date(view.eta)} (${formatDuration(executableIn)} from now).`
              : "The timelock delay has passed: anyone may execute it."}
          </p>
        </>
      ) : null}
      {refusal ? (
        <p className="banner banner-error" role="alert">
          Not sent. {refusal}
        </p>
      ) : null}
      <TxStatus state={tx.state} />
    </article>
  );
}

type Kind = "escrowWindows" | "feeWindow" | "votingPeriod" | "timelockDelay" | "distributor";
const KINDS: { kind: Kind; label: string }[] = [
  { kind: "escrowWindows", label: "Escrow ship and delivery windows" },
  { kind: "feeWindow", label: "Escrow arbitration fee window" },
  { kind: "votingPeriod", label: "Voting period" },
  { kind: "timelockDelay", label: "Timelock delay" },
  { kind: "distributor", label: "Rewards distributor" },
];

/** A duration typed in days (decimals allowed) as whole seconds, or the reason it is not one. */
function days(value: string, what: string): { seconds?: number; error?: string } {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: `${what}: a number of days, like 10 or 0.5.` };
  return { seconds: Math.round(Number(text) * DAY) };
}

/** Why the account cannot propose now (its votes a second ago are under the threshold), or undefined. */
async function proposingPower(context: WriteContext): Promise<string | undefined> {
  const { publicClient, deployment, walletClient } = context;
  const governor = {
    address: deployment.contracts.LanternGovernor as Address,
    abi: lanternGovernorAbi,
  } as const;
  const [threshold, block] = await Promise.all([
    publicClient.readContract({ ...governor, functionName: "proposalThreshold" }),
    publicClient.getBlock(),
  ]);
  // The governor counts votes as of the second before the proposal, so a delegation counts from the next one.
  const votes = await publicClient.readContract({
    ...governor,
    functionName: "getVotes",
    args: [walletClient.account.address, block.timestamp - 1n],
  });
  if (votes >= threshold) return undefined;
  return `Proposing needs ${formatEther(threshold)} LNTN of votes; you had ${formatEther(votes)} a moment ago. Delegate your tokens to yourself (votes count from the next block after delegating).`;
}

function ProposeForm() {
  const { read } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [kind, setKind] = useState<Kind>("escrowWindows");
  const [values, setValues] = useState<Record<string, string>>({});
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string>();
  const [preview, setPreview] = useState<CallDescription[]>();
  const deployment = read.deployment;
  const current = useQuery({
    queryKey: ["escrow-windows-current"],
    queryFn: async () => {
      const on = { address: deployment.contracts.Escrow, abi: escrowAbi } as const;
      const [ship, delivery] = await Promise.all([
        read.publicClient.readContract({ ...on, functionName: "shipWindow" }),
        read.publicClient.readContract({ ...on, functionName: "deliveryWindow" }),
      ]);
      return { ship, delivery };
    },
  });
  useEffect(() => {
    if (current.data && values.ship === undefined) {
      setValues((v) => ({
        ...v,
        ship: String(current.data.ship / DAY),
        delivery: String(current.data.delivery / DAY),
      }));
    }
  }, [current.data, values.ship]);
  const set = (key: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const build = (): { calls?: ProposalCall[]; errors: Record<string, string> } => {
    const problems: Record<string, string> = {};
    const duration = (key: string, what: string) => {
      const r = days(values[key] ?? "", what);
      if (r.error) problems[key] = r.error;
      return r.seconds ?? 0;
    };
    let call: ProposalCall | undefined;
    if (kind === "escrowWindows") {
      const ship = duration("ship", "Ship window");
      const delivery = duration("delivery", "Delivery window");
      call = {
        target: deployment.contracts.Escrow,
        data: encodeFunctionData({ abi: escrowAbi, functionName: "setWindows", args: [ship, delivery] }),
      };
    } else if (kind === "feeWindow") {
      const fee = duration("fee", "Fee window");
      call = {
        target: deployment.contracts.Escrow,
        data: encodeFunctionData({ abi: escrowAbi, functionName: "setFeeWindow", args: [fee] }),
      };
    } else if (kind === "votingPeriod") {
      const period = duration("period", "Voting period");
      call = {
        target: deployment.contracts.LanternGovernor as Address,
        data: encodeFunctionData({
          abi: lanternGovernorAbi,
          functionName: "setVotingPeriod",
          args: [period],
        }),
      };
    } else if (kind === "timelockDelay") {
      const delay = duration("delay", "Timelock delay");
      call = {
        target: deployment.contracts.LanternTimelock as Address,
        data: encodeFunctionData({
          abi: lanternTimelockAbi,
          functionName: "updateDelay",
          args: [BigInt(delay)],
        }),
      };
    } else {
      const to = (values.distributor ?? "").trim();
      if (!isAddress(to)) problems.distributor = "Enter an address: 0x and 40 hex digits.";
      call = {
        target: deployment.contracts.Rewards as Address,
        data: encodeFunctionData({
          abi: rewardsAbi,
          functionName: "setDistributor",
          args: [(isAddress(to) ? to : "0x0000000000000000000000000000000000000000") as Address],
        }),
      };
    }
    if (!description.trim()) problems.description = "Say why: the description is what voters read first.";
    return Object.keys(problems).length
      ? { errors: problems }
      : { calls: call ? [call] : [], errors: problems };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(undefined);
    const built = build();
    setErrors(built.errors);
    if (!built.calls || !context) return;
    setPreview(await Promise.all(built.calls.map((c) => describeCall(read, c))));
    const failure = (await proposingPower(context)) ?? (await simulateAsTimelock(read, built.calls));
    if (failure) {
      setRefusal(failure);
      return;
    }
    const calls = built.calls;
    const done = await tx.run("Proposing", () =>
      propose(context, { calls, description: description.trim() }),
    );
    if (done) await queryClient.invalidateQueries({ queryKey: ["proposals"] });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="propose-title" noValidate>
      <h2 id="propose-title">Propose a change</h2>
      <Field label="Parameter">
        {(props) => (
          <select {...props} name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === "escrowWindows" ? (
        <>
          <Field label="Ship window (days)" error={errors.ship}>
            {(props) => (
              <input
                {...props}
                name="ship"
                inputMode="decimal"
                value={values.ship ?? ""}
                onChange={set("ship")}
              />
            )}
          </Field>
          <Field label="Delivery window (days)" error={errors.delivery}>
            {(props) => (
              <input
                {...props}
                name="delivery"
                inputMode="decimal"
                value={values.delivery ?? ""}
                onChange={set("delivery")}
              />
            )}
          </Field>
        </>
      ) : null}
      {kind === "feeWindow" ? (
        <Field label="Fee window (days)" error={errors.fee}>
          {(props) => (
            <input {...props} name="fee" inputMode="decimal" value={values.fee ?? ""} onChange={set("fee")} />
          )}
        </Field>
      ) : null}
      {kind === "votingPeriod" ? (
        <Field label="Voting period (days)" error={errors.period}>
          {(props) => (
            <input
              {...props}
              name="period"
              inputMode="decimal"
              value={values.period ?? ""}
              onChange={set("period")}
            />
          )}
        </Field>
      ) : null}
      {kind === "timelockDelay" ? (
        <Field label="Timelock delay (days)" error={errors.delay}>
          {(props) => (
            <input
              {...props}
              name="delay"
              inputMode="decimal"
              value={values.delay ?? ""}
              onChange={set("delay")}
            />
          )}
        </Field>
      ) : null}
      {kind === "distributor" ? (
        <Field label="New distributor address" error={errors.distributor}>
          {(props) => (
            <input
              {...props}
              name="distributor"
              value={values.distributor ?? ""}
              onChange={set("distributor")}
            />
          )}
        </Field>
      ) : null}
      <Field label="Description" error={errors.description} hint="The first line is the proposal's title.">
        {(props) => (
          <textarea
            {...props}
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      {preview ? (
        <div aria-live="polite">
          <p>This proposal would change:</p>
          <Diffs descriptions={preview} />
        </div>
      ) : null}
      {refusal ? (
        <p className="banner banner-error" role="alert" data-refusal>
          Not proposed. {refusal}
        </p>
      ) : null}
      <button type="submit" disabled={!context || tx.pending}>
        Propose
      </button>
      <p className="hint">
        Before sending, the calls are run as the timelock would run them; a proposal that would fail is
        refused here.
      </p>
      <TxStatus state={tx.state} />
    </form>
  );
}

/**
 * The quorum is a fraction of a supply that rewards grow by fractions of a token, so it carries 18 decimals;
 * rounded up to a hundredth it stays a bar that is enough to meet.
 */
function roundUpToCents(amount: bigint): bigint {
  const cent = 10n ** 16n;
  return ((amount + cent - 1n) / cent) * cent;
}
