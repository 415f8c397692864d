import { contestReport, executeReportDefault, ReportState } from "@lantern/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatEther } from "viem";
import { Link } from "wouter";
import { useApp, useWriteContext } from "../lib/app.tsx";
import type { ListingReport } from "../lib/reports.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { checkText } from "../lib/validate.ts";
import { Field } from "./Field.tsx";
import { TxStatus } from "./TxStatus.tsx";

/** The name the page and tests use for where a report stands. */
export function reportStage(report: ListingReport): "reported" | "in court" | "removed" | "kept" {
  if (report.state === ReportState.Pending) return "reported";
  if (report.state === ReportState.Disputed) return "in court";
  if (report.state === ReportState.Defaulted || report.ruling === 1) return "removed";
  return "kept";
}

/**
 * Where the listing's latest report stands; its seller contests it here within the window, and after an
 * uncontested window anyone carries out the default removal.
 */
export function ReportStatus({ report, isSeller }: { report: ListingReport; isSeller: boolean }) {
  const { api } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string>();
  const stage = reportStage(report);
  const deadline = new Date(report.deadline * 1000).toLocaleString();
  const open = report.now < report.deadline;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["report", report.listing] }),
      queryClient.invalidateQueries({ queryKey: ["listing", report.listing] }),
    ]);

  async function contest(event: FormEvent) {
    event.preventDefault();
    const problem = checkText(answer, 1, 2000, "Your answer");
    setError(problem);
    if (problem || !context) return;
    if (!open) {
      setError(`The window to contest closed at ${deadline}.`);
      return;
    }
    const done = await tx.run("Contesting the report", async () => {
      const evidence = await api.uploadEvidence(
        { name: `Answer to report ${report.reportId}`, description: answer.trim() },
        "the answer",
      );
      return contestReport(context, { reportId: report.reportId, evidence });
    });
    if (done) await refresh();
  }

  return (
    <section className="report-status notice" aria-labelledby="report-title" data-report-state={stage}>
      <h2 id="report-title">Reported to the court</h2>
      {report.reason ? <p>The report says: “{report.reason}”</p> : null}
      {stage === "reported" ? (
        <p>
          Report {String(report.reportId)}, with a deposit of {formatEther(report.deposit)} ETH.{" "}
          {open
            ? `The seller may contest it until ${deadline}; if nobody does, the listing is removed.`
            : `Nobody contested it by ${deadline}: anyone may now carry out the removal.`}
        </p>
      ) : null}
      {stage === "in court" ? (
        <p>
          The seller contested the report: the court decides in{" "}
          <Link href={`/court/dispute/${report.disputeId}`}>dispute {String(report.disputeId)}</Link>.
        </p>
      ) : null}
      {stage === "removed" ? (
        <p data-removed>
          {report.state === ReportState.Defaulted
            ? "Removed by the court: the report was not contested."
            : "Removed by the court's ruling."}
        </p>
      ) : null}
      {stage === "kept" ? <p>The court kept the listing.</p> : null}
      {context && stage === "reported" && isSeller && open ? (
        <form className="form" onSubmit={contest} noValidate>
          <Field label="Your answer to the report" error={error}>
            {(props) => (
              <textarea
                {...props}
                name="contestAnswer"
                rows={2}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={tx.pending}>
            Contest (deposit {formatEther(report.deposit)} ETH)
          </button>
        </form>
      ) : null}
      {context && stage === "reported" && !open ? (
        <button
          type="button"
          className="danger"
          disabled={tx.pending}
          onClick={async () => {
            if (
              await tx.run("Removing the listing", () =>
                executeReportDefault(context, { reportId: report.reportId }),
              )
            )
              await refresh();
          }}
        >
          Remove the listing (uncontested)
        </button>
      ) : null}
      <TxStatus state={tx.state} />
    </section>
  );
}
