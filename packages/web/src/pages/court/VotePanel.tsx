import { CourtPhase, type CourtRound, commitVote, hashVote, revealVote } from "@lantern/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";
import type { Address } from "viem";
import { TxStatus } from "../../components/TxStatus.tsx";
import { useApp, useWriteContext } from "../../lib/app.tsx";
import type { DisputeCase } from "../../lib/court.ts";
import { choicesFor, rulingMeaning } from "../../lib/rulings.ts";
import { useTransaction } from "../../lib/useTransaction.ts";
import { downloadVote, importVote, loadVote, newSalt, saveVote, type VoteKey } from "../../lib/voteStore.ts";

const ZERO = /^0x0{64}$/;

/**
 * The connected arbiter's vote in the dispute's current round: commit (the salt made and kept here), export
 * and import of the vote, and reveal, each checked against the chain before anything is sent.
 */
export function VotePanel({ c, round, account }: { c: DisputeCase; round: CourtRound; account: Address }) {
  const { read, config } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [choice, setChoice] = useState<string>("");
  const [problem, setProblem] = useState<string>();
  const [imported, setImported] = useState<string>();
  // Bumped after a commit or an import, so the stored vote is read again.
  const [, setVersion] = useState(0);
  const court = read.deployment.contracts.Court as Address;
  const key: VoteKey = {
    chainId: config.chainId,
    court,
    disputeId: c.disputeId,
    round: round.round,
    account,
  };
  const mine = round.seats.filter((s) => s.arbiter.toLowerCase() === account.toLowerCase());
  const stored = loadVote(key);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["disputeCase", String(c.disputeId)] });

  if (c.phase === CourtPhase.Drawing) return null;
  if (mine.length === 0) {
    return (
      <section className="vote" aria-labelledby="vote-title">
        <h2 id="vote-title">Your vote</h2>
        <p data-not-drawn>
          You ({account.slice(0, 8)}…) are not drawn in round {round.round + 1}: only its arbiters vote. Stake
          on the court page to be drawn in later disputes.
        </p>
      </section>
    );
  }
  const toCommit = mine.filter((s) => ZERO.test(s.commitment) && !s.revealed);
  const toReveal = mine.filter((s) => !ZERO.test(s.commitment) && !s.revealed);

  async function commit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    if (!context) return;
    if (c.now >= round.commitEnd) {
      setProblem("The commit period is over: votes can no longer be committed in this round.");
      return;
    }
    // Seats committed earlier (a commit interrupted halfway) bind the ruling and salt already stored.
    const partial = toCommit.length < mine.length;
    if (partial && !stored) {
      setProblem(
        "Some of your seats are committed, but this browser has not kept that vote: import its file before committing the rest.",
      );
      return;
    }
    const ruling = partial && stored ? BigInt(stored.ruling) : choice === "" ? undefined : BigInt(choice);
    if (ruling === undefined) {
      setProblem("Choose a ruling first.");
      return;
    }
    const salt = partial && stored ? stored.salt : newSalt();
    // Kept before sending, so a tab closed while the transaction is pending cannot lose the salt.
    saveVote(key, ruling, salt);
    setVersion((v) => v + 1);
    const done = await tx.run(
      `Committing your vote for ${toCommit.length === 1 ? "your seat" : `${toCommit.length} seats`}`,
      async () => {
        let last: Awaited<ReturnType<typeof commitVote>> | undefined;
        for (const s of toCommit) {
          last = await commitVote(context, {
            disputeId: c.disputeId,
            round: round.round,
            seat: s.seat,
            ruling,
            salt,
          });
        }
        return last;
      },
    );
    if (done) await refresh();
  }

  async function reveal() {
    setProblem(undefined);
    if (!context) return;
    if (c.now < round.commitEnd) {
      setProblem("The reveal period has not started: reveal once the commit period is over.");
      return;
    }
    if (c.now >= round.revealEnd) {
      setProblem("The reveal period is over: unrevealed votes no longer count.");
      return;
    }
    const vote = loadVote(key);
    if (!vote) {
      setProblem(
        "This browser has no salt for your vote in this round: it was committed elsewhere, or the browser's storage was cleared. Import the vote file you exported when you committed.",
      );
      return;
    }
    // The chain would refuse a wrong ruling or salt with CommitmentMismatch; recomputing the commitment here
    // says so before anything is sent.
    const wrong = toReveal.filter(
      (s) =>
        hashVote({
          court,
          disputeId: c.disputeId,
          round: round.round,
          seat: s.seat,
          arbiter: account,
          ruling: BigInt(vote.ruling),
          salt: vote.salt,
        }).toLowerCase() !== s.commitment.toLowerCase(),
    );
    if (wrong.length > 0) {
      setProblem(
        `The salt and ruling kept in this browser do not match what seat ${wrong.map((s) => s.seat + 1).join(", ")} committed: they belong to another vote, or the salt was lost. Nothing was sent. Import the vote file from the device you committed with.`,
      );
      return;
    }
    const done = await tx.run(`Revealing your vote`, async () => {
      let last: Awaited<ReturnType<typeof revealVote>> | undefined;
      for (const s of toReveal) {
        last = await revealVote(context, {
          disputeId: c.disputeId,
          round: round.round,
          seat: s.seat,
          ruling: BigInt(vote.ruling),
          salt: vote.salt,
        });
      }
      return last;
    });
    if (done) await refresh();
  }

  async function onImport(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setProblem(undefined);
    setImported(undefined);
    try {
      const vote = importVote(key, await file.text());
      setImported(`Imported your vote (${rulingMeaning(c.subject, BigInt(vote.ruling))}).`);
      setVersion((v) => v + 1);
    } catch (error) {
      setImported(undefined);
      setProblem((error as Error).message);
    }
  }

  const seats = mine.map((s) => s.seat + 1).join(", ");
  return (
    <section className="vote" aria-labelledby="vote-title">
      <h2 id="vote-title">Your vote</h2>
      <p>
        You hold seat{mine.length === 1 ? "" : "s"} {seats} of round {round.round + 1}; one vote counts for
        each.
      </p>
      {c.phase === CourtPhase.Commit && toCommit.length > 0 ? (
        <form className="form" onSubmit={commit} noValidate>
          <fieldset>
            <legend>Your ruling</legend>
            {choicesFor(c.subject).map((option) => (
              <label className="choice" key={String(option.ruling)}>
                <input
                  type="radio"
                  name="ruling"
                  value={String(option.ruling)}
                  checked={choice === String(option.ruling)}
                  onChange={() => setChoice(String(option.ruling))}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </fieldset>
          <p className="hint">
            Only a hash of your ruling and a random salt goes on chain. The salt is kept in this browser;
            export it to reveal from another device.
          </p>
          <button type="submit" disabled={tx.pending || !context}>
            Commit vote
          </button>
        </form>
      ) : null}
      {toCommit.length === 0 && stored ? (
        <p data-my-vote>
          {toReveal.length > 0 ? "You committed" : "You revealed"}:{" "}
          {rulingMeaning(c.subject, BigInt(stored.ruling))}.
        </p>
      ) : null}
      {c.phase === CourtPhase.Reveal && toReveal.length > 0 ? (
        <button type="button" disabled={tx.pending || !context} onClick={reveal}>
          Reveal vote
        </button>
      ) : null}
      {c.phase === CourtPhase.Commit || c.phase === CourtPhase.Reveal ? (
        <div className="vote-file">
          {stored ? (
            <button type="button" className="secondary" onClick={() => downloadVote(stored)}>
              Export vote file
            </button>
          ) : null}
          <label>
            Import vote file{" "}
            <input type="file" name="voteFile" accept="application/json,.json" onChange={onImport} />
          </label>
        </div>
      ) : null}
      {imported ? <p role="status">{imported}</p> : null}
      {problem ? (
        <p className="tx tx-failed" role="alert" data-vote-problem>
          {problem}
        </p>
      ) : null}
      <TxStatus state={tx.state} />
    </section>
  );
}
