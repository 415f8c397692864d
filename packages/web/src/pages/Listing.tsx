import {
  buy,
  digestFromCid,
  encryptShipping,
  escrowAbi,
  getPublishedKey,
  ListingStatus,
  listingStatusName,
  type ShippingDetails,
  shippingDetailsSchema,
} from "@lantern/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { flushSync } from "react-dom";
import { type Address, isAddress } from "viem";
import { Link, useLocation } from "wouter";
import { Field } from "../components/Field.tsx";
import { ListingRewards } from "../components/ListingRewards.tsx";
import { ManageListing } from "../components/ManageListing.tsx";
import { ReportListing } from "../components/ReportListing.tsx";
import { ReportStatus, reportStage } from "../components/ReportStatus.tsx";
import { TxStatus } from "../components/TxStatus.tsx";
import { useAddress, useApp, useWriteContext } from "../lib/app.tsx";
import { formatAmount, formatDuration, shortAddress } from "../lib/format.ts";
import { type ListingView, useListing } from "../lib/listing.ts";
import { useListingReport } from "../lib/reports.ts";
import { useSellerReviews } from "../lib/reviews.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { parseWhole } from "../lib/validate.ts";

export default function ListingPage({ address }: { address: string }) {
  if (!isAddress(address)) {
    return (
      <>
        <h1>Not a listing address</h1>
        <p>
          “{address}” is not an address. Listings are named by their contract address (0x and 40 hex digits).
        </p>
      </>
    );
  }
  return <ListingDetails address={address} />;
}

function ListingDetails({ address }: { address: Address }) {
  const listing = useListing(address);
  const report = useListingReport(address);
  const account = useAddress();
  if (listing.isPending) return <p aria-busy="true">Reading the listing from the chain…</p>;
  if (listing.isError) {
    return (
      <>
        <h1>Listing not found</h1>
        <p role="alert">{listing.error.message}</p>
      </>
    );
  }
  const view = listing.data;
  const isSeller = account?.toLowerCase() === view.seller.toLowerCase();
  return (
    <article className="listing" aria-labelledby="listing-title">
      <Gallery view={view} />
      <div className="listing-info">
        <h1 id="listing-title">{view.title}</h1>
        {!view.genuine ? (
          <p className="banner banner-error" role="alert">
            This contract was not created by Lantern's listing factory: do not buy from it.
          </p>
        ) : null}
        {view.status === ListingStatus.Removed ? (
          <p className="banner banner-error" role="alert" data-removed-banner>
            This listing was removed by the court and can no longer be bought.
          </p>
        ) : null}
        <p className="price" data-price>
          {formatAmount(view.price, view.currencyInfo)}
        </p>
        <dl className="facts">
          <dt>In stock</dt>
          <dd data-stock>{String(view.stock)}</dd>
          <dt>Status</dt>
          <dd data-status>{listingStatusName(view.status)}</dd>
          <dt>Category</dt>
          <dd>{view.category}</dd>
          {view.location ? (
            <>
              <dt>Location</dt>
              <dd>{view.location}</dd>
            </>
          ) : null}
          {view.metadata ? (
            <>
              <dt>Condition</dt>
              <dd>{view.metadata.condition}</dd>
            </>
          ) : null}
          <dt>Seller</dt>
          <dd title={view.seller}>{shortAddress(view.seller)}</dd>
        </dl>
        {view.metadata ? (
          <p className="description">{view.metadata.description}</p>
        ) : view.metadataError ? (
          <p className="notice">The description and images could not be loaded: {view.metadataError}</p>
        ) : null}
        {isSeller ? null : <ListingRewards listing={view.listing} />}
        {isSeller ? <ManageListing view={view} /> : <BuyForm view={view} />}
        {report.data ? <ReportStatus report={report.data} isSeller={isSeller} /> : null}
        {isSeller || view.status === ListingStatus.Removed ? null : (
          <ReportListing
            listing={view.listing}
            reportOpen={report.data ? ["reported", "in court"].includes(reportStage(report.data)) : false}
          />
        )}
      </div>
      <SellerReviews seller={view.seller} listing={view.listing} />
    </article>
  );
}

/** The escrow's windows as governance set them, read from the chain (they change by proposal). */
function EscrowWindows() {
  const { read } = useApp();
  const windows = useQuery({
    queryKey: ["escrow-windows"],
    queryFn: async () => {
      const on = { address: read.deployment.contracts.Escrow, abi: escrowAbi } as const;
      const [ship, delivery] = await Promise.all([
        read.publicClient.readContract({ ...on, functionName: "shipWindow" }),
        read.publicClient.readContract({ ...on, functionName: "deliveryWindow" }),
      ]);
      return { ship, delivery };
    },
  });
  if (!windows.data) return null;
  return (
    <>
      {" "}
      The seller must ship within <span data-ship-window>{formatDuration(windows.data.ship)}</span>; after
      shipping, the payment is released to the seller{" "}
      <span data-delivery-window>{formatDuration(windows.data.delivery)}</span> later unless you confirm
      sooner or open a dispute.
    </>
  );
}

function Gallery({ view }: { view: ListingView }) {
  const { api } = useApp();
  const images = view.metadata?.images ?? [];
  if (images.length === 0) return <div className="gallery empty" aria-hidden="true" />;
  return (
    <div className="gallery">
      {images.map((cid, i) => (
        <img
          key={cid}
          src={api.ipfsUrl(cid)}
          alt={i === 0 ? view.title : `${view.title}, image ${i + 1}`}
          width={480}
          height={360}
          fetchPriority={i === 0 ? "high" : "auto"}
          loading={i === 0 ? "eager" : "lazy"}
        />
      ))}
    </div>
  );
}

const shippingFields: {
  key: keyof ShippingDetails;
  label: string;
  optional?: boolean;
  autoComplete: string;
}[] = [
  { key: "name", label: "Full name", autoComplete: "name" },
  { key: "street", label: "Street and number", autoComplete: "street-address" },
  { key: "city", label: "City", autoComplete: "address-level2" },
  { key: "region", label: "State or region (optional)", optional: true, autoComplete: "address-level1" },
  { key: "postalCode", label: "Postal code", autoComplete: "postal-code" },
  { key: "country", label: "Country", autoComplete: "country-name" },
  { key: "phone", label: "Phone (optional)", optional: true, autoComplete: "tel" },
];

function BuyForm({ view }: { view: ListingView }) {
  const { api } = useApp();
  const context = useWriteContext();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [quantity, setQuantity] = useState("1");
  const [escrowed, setEscrowed] = useState(true);
  const [shipping, setShipping] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tx = useTransaction();
  const open = view.status === ListingStatus.Active && view.stock > 0n;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const q = parseWhole(quantity, 1, Number(view.stock), "The quantity");
    if (q.error) found.quantity = view.stock === 0n ? "Sold out." : q.error;
    const details = Object.fromEntries(Object.entries(shipping).filter(([, v]) => v.trim() !== ""));
    const parsed = shippingDetailsSchema.safeParse(details);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        found[key] ??= details[key] === undefined ? "Required." : issue.message;
      }
    }
    // Rendered now, so the first invalid field exists to take the focus below.
    flushSync(() => setErrors(found));
    if (Object.keys(found).length > 0 || !parsed.success || !context) {
      document.querySelector<HTMLElement>(".buy .field.invalid input")?.focus();
      return;
    }
    const result = await tx.run(escrowed ? "Buying with escrow" : "Buying directly", async () => {
      const sellerKey = await getPublishedKey(context, { account: view.seller });
      if (!sellerKey)
        throw new Error("The seller has not published a key to encrypt your address to; ask them to.");
      const encrypted = encryptShipping(sellerKey, parsed.data);
      const cid = await api.uploadChecked(encrypted, "your details");
      return buy(context, {
        listing: view.listing,
        quantity: q.n as number,
        escrowed,
        amount: view.price * BigInt(q.n as number),
        shippingDigest: digestFromCid(cid),
      });
    });
    if (result) {
      await queryClient.invalidateQueries({ queryKey: ["listing", view.listing] });
      navigate(`/my-orders?placed=${result.orderId}`);
    }
  }

  if (!open)
    return (
      <p className="notice">
        This listing is not for sale right now ({listingStatusName(view.status)}, {String(view.stock)} in
        stock).
      </p>
    );
  return (
    <form className="form buy" onSubmit={submit} noValidate aria-labelledby="buy-title">
      <h2 id="buy-title">Buy</h2>
      <Field label="Quantity" error={errors.quantity}>
        {(props) => (
          <input
            {...props}
            name="quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>How to pay</legend>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="escrow"
            checked={escrowed}
            onChange={() => setEscrowed(true)}
          />
          <span>
            <strong>With escrow</strong> — the escrow holds your payment until you confirm the item arrived;
            if it does not, you can cancel, settle or open a dispute.
            <EscrowWindows />
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="direct"
            checked={!escrowed}
            onChange={() => setEscrowed(false)}
          />
          <span>
            <strong>Direct</strong> — the seller is paid at once; cheaper, but you rely on the seller alone.
          </span>
        </label>
      </fieldset>
      <fieldset>
        <legend>Shipping address</legend>
        <p className="hint">Encrypted in this browser to the seller's key; only the seller can read it.</p>
        {shippingFields.map((f) => (
          <Field key={f.key} label={f.label} error={errors[f.key]}>
            {(props) => (
              <input
                {...props}
                name={f.key}
                autoComplete={f.autoComplete}
                value={shipping[f.key] ?? ""}
                onChange={(e) => setShipping({ ...shipping, [f.key]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </fieldset>
      {context ? (
        <button type="submit" disabled={tx.pending}>
          Buy for{" "}
          {formatAmount(
            view.price *
              BigInt(Number(quantity) > 0 && Number.isInteger(Number(quantity)) ? Number(quantity) : 1),
            view.currencyInfo,
          )}
        </button>
      ) : (
        <p className="notice">Connect a wallet (top right) to buy.</p>
      )}
      <TxStatus state={tx.state} />
    </form>
  );
}

/** The seller's rating and reviews, from the chain's Reviews contract. */
function SellerReviews({ seller, listing }: { seller: Address; listing: Address }) {
  const reviews = useSellerReviews(seller);
  const list = reviews.data ?? [];
  const average = list.length ? list.reduce((sum, r) => sum + r.rating, 0) / list.length : undefined;
  return (
    <section className="reviews" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Seller's reviews</h2>
      {reviews.isError ? <p className="notice">Reviews are unavailable: {reviews.error.message}</p> : null}
      {reviews.data && list.length === 0 ? <p>No reviews yet.</p> : null}
      {average !== undefined ? (
        <p data-rating>
          Rated {average.toFixed(1)} out of 5 by {list.length} buyer{list.length === 1 ? "" : "s"} of
          completed orders.
        </p>
      ) : null}
      <ul>
        {list.map((r) => (
          <li key={String(r.orderId)} data-review>
            <strong>
              {"★".repeat(r.rating)}
              {"☆".repeat(5 - r.rating)}
            </strong>
            <span className="visually-hidden">{r.rating} out of 5</span> {r.text ?? ""}
            {r.listing.toLowerCase() === listing.toLowerCase() ? (
              <small className="hint"> (this item)</small>
            ) : null}
            {r.answer ? <p className="answer">Seller's answer: {r.answer}</p> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link href={`/search?seller=${seller}`}>More from this seller</Link>
      </p>
    </section>
  );
}
