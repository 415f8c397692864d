import { ListingStatus, type UpdateListingParameters, updateListing } from "@lantern/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatUnits } from "viem";
import { useWriteContext } from "../lib/app.tsx";
import type { ListingView } from "../lib/listing.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { parseAmount, parseWhole } from "../lib/validate.ts";
import { Field } from "./Field.tsx";
import { TxStatus } from "./TxStatus.tsx";

/** The seller's controls on their own listing: price, stock, pause or resume, close. */
export function ManageListing({ view }: { view: ListingView }) {
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const tx = useTransaction();
  const [price, setPrice] = useState(formatUnits(view.price, view.currencyInfo.decimals));
  const [stock, setStock] = useState(String(view.stock));
  const [errors, setErrors] = useState<{ price?: string; stock?: string }>({});
  const closed = view.status === ListingStatus.Closed || view.status === ListingStatus.Removed;

  async function change(label: string, ...changes: UpdateListingParameters[]) {
    if (!context || changes.length === 0) return;
    const done = await tx.run(label, async () => {
      let last: Awaited<ReturnType<typeof updateListing>> | undefined;
      for (const parameters of changes) last = await updateListing(context, parameters);
      return last;
    });
    if (done) await queryClient.invalidateQueries({ queryKey: ["listing", view.listing] });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const p = parseAmount(price, view.currencyInfo.decimals);
    const s = parseWhole(stock, 0, 1_000_000_000, "The stock");
    setErrors({ ...(p.error ? { price: p.error } : {}), ...(s.error ? { stock: s.error } : {}) });
    if (p.error || s.error) return;
    const changes: UpdateListingParameters[] = [];
    if (p.amount !== view.price)
      changes.push({ listing: view.listing, type: "setPrice", price: p.amount as bigint });
    if (BigInt(s.n as number) !== view.stock)
      changes.push({ listing: view.listing, type: "setStock", stock: s.n as number });
    void change("Saving price and stock", ...changes);
  }

  if (!context)
    return <p className="notice">You are this listing's seller: connect your wallet to manage it.</p>;
  if (closed) return <p className="notice">This listing is closed.</p>;
  return (
    <section className="manage" aria-labelledby="manage-title">
      <h2 id="manage-title">Manage your listing</h2>
      <form className="form inline" onSubmit={save} noValidate>
        <Field label={`Price (${view.currencyInfo.symbol})`} error={errors.price}>
          {(props) => (
            <input
              {...props}
              name="price"
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          )}
        </Field>
        <Field label="Stock" error={errors.stock}>
          {(props) => (
            <input
              {...props}
              name="stock"
              inputMode="numeric"
              value={stock}
              onChange={(e) => setStock(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={tx.pending}>
          Save
        </button>
      </form>
      <div className="actions">
        {view.status === ListingStatus.Paused ? (
          <button
            type="button"
            disabled={tx.pending}
            onClick={() => change("Resuming", { listing: view.listing, type: "resume" })}
          >
            Resume sales
          </button>
        ) : (
          <button
            type="button"
            disabled={tx.pending}
            onClick={() => change("Pausing", { listing: view.listing, type: "pause" })}
          >
            Pause sales
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={tx.pending}
          onClick={() => {
            if (window.confirm("Close this listing for good? Open orders keep working.")) {
              void change("Closing", { listing: view.listing, type: "close" });
            }
          }}
        >
          Close listing
        </button>
      </div>
      <TxStatus state={tx.state} />
    </section>
  );
}
