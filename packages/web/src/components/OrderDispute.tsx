import { type OrderRecord, OrderState, payArbitrationFee } from "@lantern/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatEther } from "viem";
import { Link } from "wouter";
import { useAddress, useApp, useWriteContext } from "../lib/app.tsx";
import { type Currency, formatAmount } from "../lib/format.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { Field } from "./Field.tsx";
import { TxStatus } from "./TxStatus.tsx";

/**
 * An order's dispute: the other party's arbitration fee to pay before the deadline, the court case once
 * both paid, and what the ruling did.
 */
export function OrderDispute({
  order,
  role,
  currency,
}: {
  order: OrderRecord;
  role: "buyer" | "seller";
  currency: Currency | undefined;
}) {
  const { api } = useApp();
  const account = useAddress();
  const [story, setStory] = useState("");
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const d = order.dispute;
  if (!d) return null;
  const opener = d.opener.toLowerCase() === account?.toLowerCase();
  const deadline = new Date(d.feeDeadline * 1000).toLocaleString();
  const other = role === "buyer" ? "seller" : "buyer";
  return (
    <div className="order-dispute" data-dispute-stage={d.stage}>
      {d.stage === "awaitingFee" && order.state === OrderState.Disputed ? (
        opener ? (
          <p className="hint">
            You opened a dispute. The {other} has until {deadline} to pay the arbitration fee; if it does not,
            you win by default.
          </p>
        ) : (
          <>
            <p>
              The {other} opened a dispute and paid {formatEther(d.openerFee)} ETH for arbitration. Pay the
              same fee by {deadline} to have the court decide; otherwise the {other} wins by default.
            </p>
            {context ? (
              <form
                className="form"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const done = await tx.run("Paying the arbitration fee", async () => {
                    const evidence = story.trim()
                      ? await api.uploadEvidence(
                          { name: `Evidence for order ${order.orderId}`, description: story.trim() },
                          "the evidence",
                        )
                      : undefined;
                    return payArbitrationFee(context, {
                      orderId: order.orderId,
                      order,
                      ...(evidence ? { evidence } : {}),
                    });
                  });
                  if (done) await queryClient.invalidateQueries({ queryKey: ["orders"] });
                }}
              >
                <Field label="Your side, for the arbiters (optional)">
                  {(props) => (
                    <textarea
                      {...props}
                      name="answerEvidence"
                      rows={2}
                      value={story}
                      onChange={(e) => setStory(e.target.value)}
                    />
                  )}
                </Field>
                <button type="submit" disabled={tx.pending}>
                  Pay the arbitration fee
                </button>
              </form>
            ) : null}
          </>
        )
      ) : null}
      {d.disputeId !== undefined ? (
        <p>
          <Link href={`/court/dispute/${d.disputeId}`} data-court-link>
            Court case {String(d.disputeId)}
          </Link>
          : evidence, the committee's votes and every deadline.
        </p>
      ) : null}
      {order.resolution && currency ? (
        <p data-resolution>
          {d.stage === "timedOut" ? "Decided by default" : "The court ruled"}:{" "}
          {role === "buyer" ? "you" : "the buyer"} got {formatAmount(order.resolution.buyerAmount, currency)}{" "}
          back, {role === "seller" ? "you" : "the seller"} received{" "}
          {formatAmount(order.resolution.sellerAmount, currency)}.
        </p>
      ) : null}
      <TxStatus state={tx.state} />
    </div>
  );
}
