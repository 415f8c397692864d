import { appeal, CourtPhase, type CourtRound, drawCommittee, executeRuling, ReportState } from "@lantern/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { type Address, formatEther } from "viem";
import { Link } from "wouter";
import { TxStatus } from "../../components/TxStatus.tsx";
import { useAddress, useWriteContext } from "../../lib/app.tsx";
import { type DisputeCase, useDisputeCase } from "../../lib/court.ts";
import { shortAddress } from "../../lib/format.ts";
import { deadline, phaseNames, rulingMeaning } from "../../lib/rulings.ts";
import { useTransaction } from "../../lib/useTransaction.ts";
import { VotePanel } from "./VotePanel.tsx";

export default function DisputePage({ id }: { id: string }) {
  if (!/^\d+$/.test(id)) {
    return (
      <>
        <h1>Not a dispute number</h1>
        <p>“{id}” is not a dispute number: the court numbers disputes 0, 1, 2, …</p>
      </>
    );
  }
  return <DisputeDetails disputeId={BigInt(id)} />;
}

function DisputeDetails({ disputeId }: { disputeId: bigint }) {
  const found = useDisputeCase(disputeId);
  const account = useAddress();
  if (found.isPending) return <p aria-busy="true">Reading the dispute from the court…</p>;
  if (found.isError) {
    return (
      <>
        <h1>Dispute {String(disputeId)}</h1>
        <p role="alert">{found.error.message}</p>
      </>
    );
  }
  const c = found.data;
  if (c.phase === CourtPhase.None) {
    return (
      <>
        <h1>Dispute {String(disputeId)}</h1>
        <p className="notice">The court has no dispute with this number.</p>
      </>
    );
  }
  const last = c.rounds[c.rounds.length - 1];
  return (
    <article
      className="dispute"
      aria-labelledby="dispute-title"
      data-dispute={String(disputeId)}
      data-phase={phaseNames[c.phase]}
    >
      <h1 id="dispute-title">Dispute {String(disputeId)}</h1>
      <Subject c={c} />
      <p>
        <strong>Phase:</strong> <span data-phase-name>{phaseNames[c.phase]}</span>
        {last ? (
          <>
            {" "}
            · round {last.round + 1} of {c.rounds.length}
          </>
        ) : null}
      </p>
      {last && c.phase !== CourtPhase.Withdrawn ? (
        <Deadlines round={last} now={c.now} phase={c.phase} />
      ) : null}
      <Outcome c={c} />
      <Actions c={c} />
      {account && last && c.phase !== CourtPhase.Withdrawn ? (
        <VotePanel key={account} c={c} round={last} account={account} />
      ) : null}
      <Evidence c={c} />
      {c.rounds.map((round) => (
        <Committee key={round.round} round={round} c={c} />
      ))}
    </article>
  );
}

function Subject({ c }: { c: DisputeCase }) {
  const s = c.subject;
  if (s.kind === "order")
    return (
      <p>
        A trade dispute about order {String(s.orderId)} of the listing{" "}
        <Link href={`/listing/${s.order.listing}`}>{shortAddress(s.order.listing)}</Link>: buyer{" "}
        {shortAddress(s.order.buyer)}, seller {shortAddress(s.order.seller)}.
      </p>
    );
  if (s.kind === "report")
    return (
      <p>
        Report {String(s.reportId)} of the listing{" "}
        <Link href={`/listing/${s.report.listing}`}>{shortAddress(s.report.listing)}</Link>, contested by its
        seller.
      </p>
    );
  return <p>Raised by the contract {s.arbitrable}.</p>;
}

function Deadlines({ round, now, phase }: { round: CourtRound; now: number; phase: number }) {
  if (phase === CourtPhase.Drawing || round.commitEnd === 0)
    return <p>The committee of {round.committee} is being drawn; the periods start once it is complete.</p>;
  return (
    <dl className="facts deadlines">
      <dt>Commit votes until</dt>
      <dd data-deadline="commit">{deadline(round.commitEnd, now)}</dd>
      <dt>Reveal votes until</dt>
      <dd data-deadline="reveal">{deadline(round.revealEnd, now)}</dd>
      <dt>Appeal until</dt>
      <dd data-deadline="appeal">{deadline(round.appealEnd, now)}</dd>
    </dl>
  );
}

/** The ruling so far or the final one, and once carried out, what it did. */
function Outcome({ c }: { c: DisputeCase }) {
  if (c.phase === CourtPhase.Withdrawn)
    return <p data-outcome>The parties settled by agreement; the court will not rule.</p>;
  if (c.phase < CourtPhase.Appeal) return null;
  const meaning = rulingMeaning(c.subject, c.ruling);
  if (c.phase === CourtPhase.Appeal) return <p data-outcome>Current ruling, unless appealed: {meaning}.</p>;
  if (!c.executed) return <p data-outcome>Final ruling: {meaning}. Anyone may now carry it out.</p>;
  return (
    <p data-outcome className="notice">
      The ruling was carried out: {done(c)}.
    </p>
  );
}

function done(c: DisputeCase): string {
  const s = c.subject;
  if (s.kind === "order" && s.order.resolution) {
    const r = s.order.resolution;
    const fees = s.order.dispute?.feesRefunded;
    return `the buyer got ${formatEther(r.buyerAmount)} ETH back and the seller ${formatEther(r.sellerAmount)} ETH${
      fees
        ? ` (arbitration fee returned: ${formatEther(fees.toBuyer)} ETH to the buyer, ${formatEther(fees.toSeller)} ETH to the seller)`
        : ""
    }`;
  }
  if (s.kind === "report" && s.report.state === ReportState.Resolved)
    return s.report.ruling === 1 ? "the listing was removed by the court" : "the listing was kept";
  return rulingMeaning(s, c.ruling);
}

/** What anyone can do in this phase: draw the committee, appeal, or carry out the final ruling. */
function Actions({ c }: { c: DisputeCase }) {
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  if (!context) return null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["disputeCase", String(c.disputeId)] });
  const last = c.rounds[c.rounds.length - 1];
  let action: { label: string; button: string; hint: string; run: () => Promise<unknown> } | undefined;
  if (c.phase === CourtPhase.Drawing)
    action = {
      label: "Drawing the committee",
      button: "Draw the committee",
      hint: "Anyone may draw; the randomness comes from a block fixed after the dispute was created.",
      run: () => drawCommittee(context, { disputeId: c.disputeId, pollInterval: 250 }),
    };
  // The court reads the cost as the largest uint256 once a round is too large to appeal.
  else if (c.phase === CourtPhase.Appeal && c.appealCost !== undefined && c.appealCost < 2n ** 255n && last)
    action = {
      label: "Appealing",
      button: `Appeal (${formatEther(c.appealCost)} ETH)`,
      hint: `A new committee of ${last.committee * 2 + 1} arbiters rules again; the appellant pays its fee and is not refunded.`,
      run: () => appeal(context, { disputeId: c.disputeId }),
    };
  else if (c.phase === CourtPhase.Final && !c.executed)
    action = {
      label: "Carrying out the ruling",
      button: "Carry out the ruling",
      hint: "Passes the final ruling to the contract that raised the dispute, which carries it out.",
      run: () => executeRuling(context, { disputeId: c.disputeId }),
    };
  // The last transaction's outcome stays in view after the phase it moved the dispute to offers no action.
  if (!action && tx.state.status === "idle") return null;
  const current = action;
  return (
    <section className="actions" aria-label="Dispute actions">
      {current ? (
        <>
          <p className="hint">{current.hint}</p>
          <button
            type="button"
            disabled={tx.pending}
            onClick={async () => {
              if (await tx.run(current.label, current.run)) await refresh();
            }}
          >
            {current.button}
          </button>
        </>
      ) : null}
      <TxStatus state={tx.state} />
    </section>
  );
}

function Evidence({ c }: { c: DisputeCase }) {
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence</h2>
      {c.evidence.length === 0 ? <p>No evidence was submitted.</p> : null}
      <ul className="evidence">
        {c.evidence.map((e) => (
          <li key={`${e.block}-${e.uri}`} data-evidence={e.side}>
            <strong>{e.side}</strong> <small className="hint">({shortAddress(e.party)})</small>
            {e.name ? <p>{e.name}</p> : null}
            {e.description ? <blockquote>{e.description}</blockquote> : null}
            {e.error ? <p className="notice">{e.error}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Committee({ round, c }: { round: CourtRound; c: DisputeCase }) {
  const revealing = c.phase >= CourtPhase.Appeal || round.round < c.rounds.length - 1;
  return (
    <section aria-labelledby={`round-${round.round}`}>
      <h2 id={`round-${round.round}`}>
        Round {round.round + 1}: {round.seats.length} of {round.committee} seats drawn
      </h2>
      <ol className="seats">
        {round.seats.map((s) => (
          <li key={s.seat} data-seat={s.seat} data-arbiter={s.arbiter}>
            {shortAddress(s.arbiter as Address)}:{" "}
            {s.revealed
              ? `voted that ${rulingMeaning(c.subject, s.ruling)}`
              : /^0x0{64}$/.test(s.commitment)
                ? revealing
                  ? "did not vote"
                  : "has not committed yet"
                : revealing
                  ? "committed but did not reveal"
                  : "committed a hidden vote"}
          </li>
        ))}
      </ol>
    </section>
  );
}
