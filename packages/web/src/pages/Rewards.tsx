import { claimReward, lanternTokenAbi } from "@lantern/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Address, formatEther } from "viem";
import { TxStatus } from "../components/TxStatus.tsx";
import { useAddress, useApp, useWriteContext } from "../lib/app.tsx";
import {
  markViewSent,
  notedViews,
  RewardActionKind,
  type RewardClaim,
  type RewardsView,
  sendRewardAction,
  useRewards,
} from "../lib/rewards.ts";
import { reasonOf, useTransaction } from "../lib/useTransaction.ts";

const KINDS = [
  ["purchase", "Purchases completed"],
  ["sale", "Sales completed"],
  ["review", "Reviews written"],
  ["view", "Listings viewed"],
  ["like", "Listings liked"],
  ["share", "Listings shared"],
] as const;

export default function RewardsPage() {
  const account = useAddress();
  return (
    <section aria-labelledby="rewards-title">
      <h1 id="rewards-title">Rewards</h1>
      <p className="hint">
        Each epoch shares a fixed budget of LNTN among everyone who bought, sold, reviewed, viewed or liked,
        in proportion to their points (capped per account). After the epoch a root of the payouts is posted on
        chain; anyone can recompute it from public data, and after a challenge window you claim yours.
      </p>
      {account ? <MyRewards account={account} /> : <p>Connect a wallet to see your points and rewards.</p>}
    </section>
  );
}

function MyRewards({ account }: { account: Address }) {
  const rewards = useRewards(account);
  if (rewards.isPending) return <p aria-busy="true">Reading your points…</p>;
  if (rewards.isError) return <p role="alert">Your rewards could not be read: {rewards.error.message}</p>;
  const view = rewards.data;
  return (
    <>
      <Epoch view={view} />
      <Points view={view} />
      <PendingViews account={account} epoch={view.epoch} />
      <Claims account={account} claims={view.claims} now={view.now} />
    </>
  );
}

function Epoch({ view }: { view: RewardsView }) {
  const left = Math.max(0, view.epochEndsAt - view.now);
  return (
    <dl className="facts" data-epoch={view.epoch}>
      <dt>Epoch</dt>
      <dd>{view.epoch}</dd>
      <dt>Budget</dt>
      <dd data-budget>{formatEther(BigInt(view.budget))} LNTN</dd>
      <dt>Ends</dt>
      <dd>
        {new Date(view.epochEndsAt * 1000).toLocaleString()} ({duration(left)} left)
      </dd>
    </dl>
  );
}

function Points({ view }: { view: RewardsView }) {
  return (
    <table className="points">
      <caption>
        My points this epoch: <strong data-total-points>{view.totalPoints}</strong> (at most{" "}
        {view.rules.capPerAccount})
      </caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Points</th>
          <th scope="col">Each</th>
          <th scope="col">Cap</th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map(([kind, label]) => (
          <tr key={kind} data-points={kind}>
            <th scope="row">{label}</th>
            <td>{view.points[kind]}</td>
            <td>{view.rules.points[kind]}</td>
            <td>{view.rules.capPerKind[kind]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The views noted while browsing, signed and sent only when the user asks (see lib/rewards.ts). */
function PendingViews({ account, epoch }: { account: Address; epoch: string }) {
  const { api, config } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const [, refresh] = useState(0);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const noted = notedViews(config.chainId, account, epoch);
  const waiting = noted.listings.filter((l) => !noted.sent.includes(l));
  const status = (
    <p role="status" aria-live="polite">
      {message}
    </p>
  );
  if (waiting.length === 0) {
    return (
      <div>
        <p className="hint">Listings you view are noted here, to be signed for view points in one click.</p>
        {status}
      </div>
    );
  }
  const send = async () => {
    if (!context) return;
    setBusy(true);
    let sent = 0;
    const refused: string[] = [];
    for (const listing of waiting) {
      try {
        await sendRewardAction(context, api, {
          kind: RewardActionKind.View,
          listing: listing as Address,
          epoch: BigInt(epoch),
        });
        sent++;
        markViewSent(config.chainId, account, epoch, listing);
      } catch (error) {
        // Refused views (a cap reached, sent from another device) are dropped: retrying cannot help.
        markViewSent(config.chainId, account, epoch, listing);
        refused.push(reasonOf(error));
      }
    }
    setBusy(false);
    setMessage(
      `${sent} view${sent === 1 ? "" : "s"} signed and sent.${refused.length ? ` Not counted: ${[...new Set(refused)].join(" ")}` : ""}`,
    );
    refresh((n) => n + 1);
    await queryClient.invalidateQueries({ queryKey: ["rewards", account] });
  };
  return (
    <div className="card">
      <p>
        You viewed {waiting.length} listing{waiting.length === 1 ? "" : "s"} this epoch. Views are not signed
        while you browse, so your wallet does not interrupt you; sign them now to earn their points.
      </p>
      <button type="button" onClick={send} disabled={busy || !context} aria-busy={busy}>
        Sign {waiting.length} view{waiting.length === 1 ? "" : "s"}
      </button>
      {status}
    </div>
  );
}

function Claims({ account, claims, now }: { account: Address; claims: RewardClaim[]; now: number }) {
  const { read } = useApp();
  const balance = useQuery({
    queryKey: ["lntn-balance", account],
    enabled: Boolean(read.deployment.contracts.LanternToken),
    queryFn: () =>
      read.publicClient.readContract({
        address: read.deployment.contracts.LanternToken as Address,
        abi: lanternTokenAbi,
        functionName: "balanceOf",
        args: [account],
      }),
  });
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title">My rewards</h2>
      <p>
        LNTN balance:{" "}
        <strong data-lntn-balance>{balance.data === undefined ? "…" : formatEther(balance.data)}</strong>
      </p>
      {claims.length === 0 ? (
        <p>No reward of yours has been posted yet: payouts are posted after each epoch ends.</p>
      ) : (
        <ul className="claims">
          {claims.map((claim) => (
            <li key={`${claim.epoch}:${claim.root}`}>
              <Claim account={account} claim={claim} now={now} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Why a claim cannot be sent now, in words; undefined when it can. */
function blocked(claim: RewardClaim, now: number): string | undefined {
  switch (claim.status) {
    case "claimed":
      return "Claimed already: the tokens are in your balance.";
    case "frozen":
      return "Someone challenged this epoch's root: claims are frozen until governance upholds or strikes it.";
    case "mismatch":
      return "The posted root does not match what anyone recomputes from the public actions: do not rely on it; it can be challenged.";
    case "challenge_window":
      return `The root is in its challenge window: claims open ${new Date((claim.opensAt ?? now) * 1000).toLocaleString()} (in ${duration(Math.max(0, (claim.opensAt ?? now) - now))}).`;
    default:
      return undefined;
  }
}

function Claim({ account, claim, now }: { account: Address; claim: RewardClaim; now: number }) {
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const reason = blocked(claim, now);
  const claimNow = async () => {
    if (!context || reason || !claim.index || !claim.amount || !claim.proof) return;
    const done = await tx.run(`Claiming epoch ${claim.epoch}`, () =>
      claimReward(context, {
        epoch: BigInt(claim.epoch),
        index: BigInt(claim.index as string),
        account,
        amount: BigInt(claim.amount as string),
        proof: claim.proof ?? [],
      }),
    );
    if (done) {
      await queryClient.invalidateQueries({ queryKey: ["rewards", account] });
      await queryClient.invalidateQueries({ queryKey: ["lntn-balance", account] });
    }
  };
  const hintId = `claim-${claim.epoch}-why`;
  return (
    <div className="card" data-claim={claim.epoch} data-claim-status={claim.status}>
      <p>
        Epoch {claim.epoch}:{" "}
        <strong>{claim.amount ? `${formatEther(BigInt(claim.amount))} LNTN` : "—"}</strong>
        {claim.points ? ` for ${claim.points} points` : ""}
      </p>
      <button
        type="button"
        onClick={claimNow}
        disabled={Boolean(reason) || !context || tx.pending}
        aria-describedby={reason ? hintId : undefined}
      >
        Claim
      </button>
      {reason ? (
        <p className="hint" id={hintId}>
          {reason}
        </p>
      ) : null}
      <TxStatus state={tx.state} />
    </div>
  );
}

function duration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  return days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}
