import { listingCurationAbi, reportListing } from "@lantern/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatEther } from "viem";
import { useApp, useWriteContext } from "../lib/app.tsx";
import { useTransaction } from "../lib/useTransaction.ts";
import { checkText } from "../lib/validate.ts";
import { Field } from "./Field.tsx";
import { TxStatus } from "./TxStatus.tsx";

/**
 * Reports a listing to the court with a deposit (returned if the court agrees); the seller may contest, and
 * the listing is removed by default if nobody does.
 */
export function ReportListing({ listing, reportOpen }: { listing: `0x${string}`; reportOpen: boolean }) {
  const { read, api } = useApp();
  const context = useWriteContext();
  const tx = useTransaction();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const curation = read.deployment.contracts.ListingCuration;
  const deposit = useQuery({
    queryKey: ["reportDeposit"],
    enabled: curation !== undefined,
    queryFn: () =>
      read.publicClient.readContract({
        address: curation as `0x${string}`,
        abi: listingCurationAbi,
        functionName: "requiredDeposit",
      }),
  });
  if (!curation || !context) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkText(reason, 1, 2000, "A reason");
    setError(problem);
    if (problem || !context) return;
    const done = await tx.run("Reporting the listing", async () => {
      const evidence = await api.uploadEvidence(
        { name: `Report of listing ${listing}`, description: reason.trim() },
        "the report",
      );
      return reportListing(context, { listing, evidence });
    });
    if (done) await queryClient.invalidateQueries({ queryKey: ["report", listing] });
  }

  return (
    <details className="report">
      <summary>Report this listing</summary>
      <form className="form" onSubmit={submit} noValidate>
        <p className="hint">
          The court's arbiters decide. Reporting costs a deposit
          {deposit.data !== undefined ? ` of ${formatEther(deposit.data)} ETH` : ""}, returned if they agree;
          the seller may contest, and an uncontested report removes the listing.
        </p>
        <Field label="What is wrong with it" error={error}>
          {(props) => (
            <textarea
              {...props}
              name="reportReason"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        {reportOpen ? (
          <p className="notice">This listing has an open report already; the court takes one at a time.</p>
        ) : (
          <button type="submit" className="danger" disabled={tx.pending}>
            Report
          </button>
        )}
        <TxStatus state={tx.state} />
      </form>
    </details>
  );
}
