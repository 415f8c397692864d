import {
  acceptSettlement,
  cidFromDigest,
  digestFromCid,
  type OrderRecord,
  OrderState,
  proposeSettlement,
  rejectSettlement,
  splitAmount,
  withdrawSettlement,
} from "@lantern/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useAddress, useApp, useWriteContext } from "../lib/app.tsx";
import { type Currency, formatAmount } from "../lib/format.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { Field } from "./Field.tsx";
import { TxStatus } from "./TxStatus.tsx";

/** "You get 40 ETH back, the seller keeps 60 ETH", from where the reader stands. */
export function describeSplit(
  amount: bigint,
  buyerBps: number,
  role: "buyer" | "seller",
  currency: Currency,
): string {
  const { buyerAmount, sellerAmount } = splitAmount(amount, buyerBps);
  return role === "buyer"
    ? `you get ${formatAmount(buyerAmount, currency)} back, the seller keeps ${formatAmount(sellerAmount, currency)}`
    : `the buyer gets ${formatAmount(buyerAmount, currency)} back, you keep ${formatAmount(sellerAmount, currency)}`;
}

/** Settle by agreement: propose or counter a split, accept or reject the other side's, withdraw one's own. */
export function Settlement({
  order,
  role,
  currency,
}: {
  order: OrderRecord;
  role: "buyer" | "seller";
  currency: Currency;
}) {
  const { api } = useApp();
  const context = useWriteContext();
  const me = useAddress()?.toLowerCase();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [percent, setPercent] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string>();
  const settleable =
    order.state === OrderState.Paid ||
    order.state === OrderState.Shipped ||
    order.state === OrderState.Disputed;
  const standing = (order.offers ?? []).filter((o) => o.status === "standing");
  if (!context) return null;
  // Once the order is settled the form goes, but the outcome of the last transaction stays in view.
  if (!settleable && standing.length === 0) {
    return tx.state.status === "idle" ? null : <TxStatus state={tx.state} />;
  }

  const bps = Math.round(Number(percent) * 100);
  const valid = /^\d{1,3}(\.\d{1,2})?$/.test(percent.trim()) && bps >= 0 && bps <= 10_000;

  async function act<T>(label: string, action: () => Promise<T>) {
    if (await tx.run(label, action)) await queryClient.invalidateQueries({ queryKey: ["orders"] });
  }

  function propose(event: FormEvent) {
    event.preventDefault();
    if (!valid) {
      setError("A share from 0 to 100 percent, with at most two decimals.");
      return;
    }
    setError(undefined);
    if (!context) return;
    void act("Proposing a settlement", async () => {
      let messageDigest: `0x${string}` | undefined;
      if (message.trim()) {
        messageDigest = digestFromCid(await api.uploadText(message.trim(), "the message"));
      }
      return proposeSettlement(context, {
        orderId: order.orderId,
        order,
        buyerBps: bps,
        ...(messageDigest ? { messageDigest } : {}),
      });
    });
  }

  return (
    <section className="settlement" aria-label={`Settle order ${order.orderId}`}>
      {standing.map((offer) => {
        const mine = offer.proposer.toLowerCase() === me;
        return (
          <div key={String(offer.offerId)} className="offer" data-offer={offer.role}>
            <p>
              {mine ? "Your offer" : `The ${offer.role}'s offer`} ({offer.buyerBps / 100} % to the buyer):{" "}
              {describeSplit(order.amount, offer.buyerBps, role, currency)}.
              <OfferMessage digest={offer.messageDigest} />
            </p>
            {mine ? (
              <button
                type="button"
                className="secondary"
                disabled={tx.pending}
                onClick={() =>
                  act("Withdrawing the offer", () =>
                    withdrawSettlement(context, { orderId: order.orderId, order, offerId: offer.offerId }),
                  )
                }
              >
                Withdraw
              </button>
            ) : (
              <>
                <button
                  type="button"
                  disabled={tx.pending}
                  onClick={() =>
                    act("Accepting the offer", () =>
                      acceptSettlement(context, { orderId: order.orderId, order, offerId: offer.offerId }),
                    )
                  }
                >
                  Accept
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={tx.pending}
                  onClick={() =>
                    act("Rejecting the offer", () =>
                      rejectSettlement(context, { orderId: order.orderId, order, offerId: offer.offerId }),
                    )
                  }
                >
                  Reject
                </button>
              </>
            )}
          </div>
        );
      })}
      {settleable ? (
        <form className="form inline" onSubmit={propose} noValidate>
          <Field
            label="Settle: percent refunded to the buyer"
            hint={
              valid
                ? `That is: ${describeSplit(order.amount, bps, role, currency)}.`
                : "0 pays the seller everything, 100 refunds the buyer in full."
            }
            error={error}
          >
            {(props) => (
              <input
                {...props}
                name="settlePercent"
                inputMode="decimal"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
              />
            )}
          </Field>
          <Field label="Message (optional)" hint="Why this split: what arrived, what is wrong.">
            {(props) => (
              <input
                {...props}
                name="settleMessage"
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="secondary" disabled={tx.pending}>
            {standing.some((o) => o.proposer.toLowerCase() !== me) ? "Counter-offer" : "Propose"}
          </button>
        </form>
      ) : null}
      <TxStatus state={tx.state} />
    </section>
  );
}

/** The message a proposer attached to an offer, from the content store (verified by its digest). */
function OfferMessage({ digest }: { digest: `0x${string}` }) {
  const { api } = useApp();
  const empty = /^0x0{64}$/.test(digest);
  const text = useQuery({
    queryKey: ["content", digest],
    enabled: !empty,
    queryFn: async () => new TextDecoder().decode(await api.content(cidFromDigest(digest).toString())),
  });
  return text.data ? (
    <>
      {" "}
      <q className="offer-message">{text.data}</q>
    </>
  ) : null;
}
