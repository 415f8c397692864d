import {
  cancel,
  cidFromDigest,
  confirm,
  decryptShipping,
  digestFromCid,
  dispute,
  type OrderRecord,
  OrderState,
  orderStateName,
  refund,
  type ShippingDetails,
  ship,
} from "@lantern/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { useApp, useWriteContext } from "../lib/app.tsx";
import { formatAmount } from "../lib/format.ts";
import { useListing } from "../lib/listing.ts";
import { shippingKey } from "../lib/shippingKey.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { Field } from "./Field.tsx";
import { OrderDispute } from "./OrderDispute.tsx";
import { ReviewForm } from "./ReviewForm.tsx";
import { Settlement } from "./Settlement.tsx";
import { TxStatus } from "./TxStatus.tsx";

const ZERO = /^0x0{64}$/;
const date = (seconds: number) => new Date(seconds * 1000).toLocaleString();

/** One order with what its buyer or seller can do next. */
export function OrderCard({ order, role }: { order: OrderRecord; role: "buyer" | "seller" }) {
  const { api } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const listing = useListing(order.listing);
  const tx = useTransaction();
  const [tracking, setTracking] = useState("");
  const [evidence, setEvidence] = useState("");
  const [evidenceError, setEvidenceError] = useState<string>();
  const [address, setAddress] = useState<ShippingDetails>();
  const [addressError, setAddressError] = useState<string>();

  const currency = listing.data?.currencyInfo;
  const state = orderStateName(order.state);
  const open = order.escrowed && (order.state === OrderState.Paid || order.state === OrderState.Shipped);
  const shipDeadline = order.paidAt + order.shipWindow;

  async function act<T>(label: string, action: () => Promise<T>) {
    const done = await tx.run(label, action);
    if (done) {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["orders"] }),
        queryClient.invalidateQueries({ queryKey: ["listing", order.listing] }),
      ]);
    }
    return done;
  }

  async function readAddress() {
    if (!context) return;
    setAddressError(undefined);
    try {
      const { privateKey } = await shippingKey(context);
      const bytes = await api.content(cidFromDigest(order.shippingDigest).toString());
      setAddress(decryptShipping(privateKey, bytes));
    } catch (error) {
      setAddressError((error as { shortMessage?: string }).shortMessage ?? (error as Error).message);
    }
  }

  const trackingText = useQuery({
    queryKey: ["tracking", order.trackingDigest],
    enabled: !ZERO.test(order.trackingDigest),
    queryFn: async () =>
      new TextDecoder().decode(await api.content(cidFromDigest(order.trackingDigest).toString())),
  });

  return (
    <article
      className="order"
      data-order={String(order.orderId)}
      data-state={state}
      aria-labelledby={`order-${order.orderId}`}
    >
      <h2 id={`order-${order.orderId}`}>
        Order {String(order.orderId)}:{" "}
        <Link href={`/listing/${order.listing}`}>{listing.data?.title ?? order.listing}</Link>
      </h2>
      <p>
        <span className={`state state-${state}`} data-order-state>
          {state}
        </span>{" "}
        · {order.quantity} × · {currency ? formatAmount(order.amount, currency) : String(order.amount)} ·{" "}
        {order.escrowed ? "escrow" : "paid directly"} · paid {date(order.paidAt)}
      </p>
      {order.escrowed && order.state === OrderState.Paid ? (
        <p className="hint">
          The seller has until {date(shipDeadline)} to ship; after that the buyer may cancel.
        </p>
      ) : null}
      {trackingText.data ? <p>Tracking: {trackingText.data}</p> : null}
      {order.settlement && currency ? (
        <p data-settled>
          Settled by agreement:{" "}
          {role === "buyer"
            ? `you got ${formatAmount(order.settlement.buyerAmount, currency)} back, the seller kept ${formatAmount(order.settlement.sellerAmount, currency)}.`
            : `the buyer got ${formatAmount(order.settlement.buyerAmount, currency)} back, you kept ${formatAmount(order.settlement.sellerAmount, currency)}.`}
        </p>
      ) : null}

      <OrderDispute order={order} role={role} currency={currency} />
      {role === "seller" && !ZERO.test(order.shippingDigest) ? (
        <div className="shipping">
          {address ? (
            <address data-shipping>
              {address.name}
              <br />
              {address.street}
              <br />
              {address.postalCode} {address.city}
              {address.region ? `, ${address.region}` : ""}
              <br />
              {address.country}
              {address.phone ? (
                <>
                  <br />
                  {address.phone}
                </>
              ) : null}
            </address>
          ) : (
            <button type="button" className="secondary" onClick={readAddress} disabled={!context}>
              Read shipping address
            </button>
          )}
          {addressError ? <p role="alert">{addressError}</p> : null}
        </div>
      ) : null}

      {context && role === "seller" && open ? (
        <div className="actions">
          {order.state === OrderState.Paid ? (
            <form
              className="form inline"
              onSubmit={(e) => {
                e.preventDefault();
                void act("Marking shipped", async () =>
                  ship(context, {
                    orderId: order.orderId,
                    order,
                    ...(tracking.trim()
                      ? { trackingDigest: digestFromCid(await api.uploadText(tracking.trim(), "the text")) }
                      : {}),
                  }),
                );
              }}
            >
              <Field label="Tracking (carrier and number)" hint="Optional; the buyer sees it.">
                {(props) => (
                  <input
                    {...props}
                    name="tracking"
                    value={tracking}
                    onChange={(e) => setTracking(e.target.value)}
                  />
                )}
              </Field>
              <button type="submit" disabled={tx.pending}>
                Mark shipped
              </button>
            </form>
          ) : null}
          <button
            type="button"
            className="secondary"
            disabled={tx.pending}
            onClick={() => act("Refunding", () => refund(context, { orderId: order.orderId, order }))}
          >
            Refund the buyer
          </button>
        </div>
      ) : null}

      {context && role === "buyer" && open ? (
        <div className="actions">
          <button
            type="button"
            disabled={tx.pending}
            onClick={() =>
              act("Confirming receipt", () => confirm(context, { orderId: order.orderId, order }))
            }
          >
            Confirm receipt
          </button>
          {order.state === OrderState.Paid ? (
            <button
              type="button"
              className="secondary"
              disabled={tx.pending}
              onClick={() => act("Cancelling", () => cancel(context, { orderId: order.orderId, order }))}
            >
              Cancel order
            </button>
          ) : null}
          <form
            className="form inline"
            onSubmit={(e) => {
              e.preventDefault();
              if (!evidence.trim()) {
                setEvidenceError("Say what went wrong: the arbiters read it.");
                return;
              }
              setEvidenceError(undefined);
              void act("Opening a dispute", async () => {
                const uri = await api.uploadEvidence(
                  { name: `Evidence for order ${order.orderId}`, description: evidence.trim() },
                  "the text",
                );
                return dispute(context, { orderId: order.orderId, order, evidence: uri });
              });
            }}
          >
            <Field label="What went wrong" error={evidenceError}>
              {(props) => (
                <textarea
                  {...props}
                  name="evidence"
                  rows={2}
                  value={evidence}
                  onChange={(e) => setEvidence(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="secondary" disabled={tx.pending}>
              Open a dispute
            </button>
          </form>
        </div>
      ) : null}

      <ReviewForm order={order} role={role} />
      {context && order.escrowed && currency ? (
        <Settlement order={order} role={role} currency={currency} />
      ) : null}
      <TxStatus state={tx.state} />
    </article>
  );
}
