import {
  answerReview,
  createReview,
  digestFromCid,
  getReviewStatus,
  type OrderRecord,
  OrderState,
} from "@lantern/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useApp, useWriteContext } from "../lib/app.tsx";
import { useTransaction } from "../lib/useTransaction.ts";
import { checkText } from "../lib/validate.ts";
import { Field } from "./Field.tsx";
import { TxStatus } from "./TxStatus.tsx";

/** The buyer reviews a completed order once; the seller answers that review once. */
export function ReviewForm({ order, role }: { order: OrderRecord; role: "buyer" | "seller" }) {
  const { read, api } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [rating, setRating] = useState("5");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const ended =
    order.escrowed && (order.state === OrderState.Completed || order.state === OrderState.Resolved);
  const status = useQuery({
    queryKey: ["reviewStatus", String(order.orderId)],
    queryFn: () => getReviewStatus(read, { orderId: order.orderId }),
    enabled: ended && read.deployment.contracts.Reviews !== undefined,
  });
  if (!context || !status.data) return null;
  const answering = role === "seller";
  // The status stays after the form goes, so the outcome of the last transaction remains visible.
  if (answering ? !status.data.reviewed || status.data.answered : status.data.reviewed) {
    return (
      <>
        {status.data.reviewed && !answering ? <p className="hint">You reviewed this order.</p> : null}
        {tx.state.status !== "idle" ? <TxStatus state={tx.state} /> : null}
      </>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkText(text, answering ? 1 : 0, 2000, answering ? "An answer" : "The review");
    setError(problem);
    if (problem || !context) return;
    const done = await tx.run(answering ? "Answering the review" : "Posting your review", async () => {
      let textDigest: `0x${string}` | undefined;
      if (text.trim()) {
        textDigest = digestFromCid(await api.uploadText(text.trim(), "the text"));
      }
      return answering
        ? answerReview(context, { orderId: order.orderId, order, textDigest: textDigest as `0x${string}` })
        : createReview(context, {
            orderId: order.orderId,
            order,
            rating: Number(rating),
            ...(textDigest ? { textDigest } : {}),
          });
    });
    if (done) {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["reviewStatus", String(order.orderId)] }),
        queryClient.invalidateQueries({ queryKey: ["reviews"] }),
      ]);
    }
  }

  return (
    <form className="form inline review" onSubmit={submit} noValidate>
      {answering ? null : (
        <Field label="Rating">
          {(props) => (
            <select {...props} name="rating" value={rating} onChange={(e) => setRating(e.target.value)}>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {n} out of 5
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={answering ? "Your answer to the review" : "Your review (optional)"} error={error}>
        {(props) => (
          <textarea
            {...props}
            name="reviewText"
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={tx.pending}>
        {answering ? "Answer" : "Post review"}
      </button>
      <TxStatus state={tx.state} />
    </form>
  );
}
