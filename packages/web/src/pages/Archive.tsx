import type { ListingSummary } from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { Field } from "../components/Field.tsx";
import { Milestones } from "../components/Milestones.tsx";
import { ApiError } from "../lib/api.ts";
import { useApp } from "../lib/app.tsx";
import { type ArchivedRecord, readArchivedRecord } from "../lib/archive.ts";

/** The archive viewer: a legacy listing by its old id, proven against the chain, and the milestones. */
export default function ArchivePage({ legacyId }: { legacyId?: string }) {
  return (
    <>
      <h1>{legacyId ? `Archived listing ${legacyId}` : "Archive"}</h1>
      <p>
        Listings and reviews of the marketplace that moved onto Lantern, each recorded on chain in a batch
        with a Merkle root. Sellers and reviewers appear under pseudonyms.
      </p>
      <Lookup initial={legacyId ?? ""} />
      {legacyId ? <Record legacyId={legacyId} /> : <Milestones />}
    </>
  );
}

function Lookup({ initial }: { initial: string }) {
  const [, navigate] = useLocation();
  const [id, setId] = useState(initial);
  const [error, setError] = useState<string>();
  return (
    <form
      className="form inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const value = id.trim();
        if (!/^\S{1,128}$/.test(value)) {
          setError("An old id is 1 to 128 characters without spaces, like 10003.");
          return;
        }
        setError(undefined);
        navigate(`/archive/${encodeURIComponent(value)}`);
      }}
    >
      <Field label="Old listing id" error={error}>
        {(props) => <input {...props} name="legacyId" value={id} onChange={(e) => setId(e.target.value)} />}
      </Field>
      <button type="submit">Look up</button>
    </form>
  );
}

function Record({ legacyId }: { legacyId: string }) {
  const { read, api } = useApp();
  const record = useQuery({
    queryKey: ["archive", legacyId],
    queryFn: ({ signal }) => readArchivedRecord(read, api, legacyId, signal),
    retry: false,
  });
  if (record.isPending) return <p aria-busy="true">Looking up {legacyId} in the archive…</p>;
  if (record.isError) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <p className={missing ? "notice" : undefined} role="alert">
        {missing ? `No archived listing has the old id ${legacyId}.` : record.error.message}
      </p>
    );
  }
  return <RecordView r={record.data} />;
}

function price(summary: ListingSummary): string {
  // ISO 4217 minor units: two decimals for most currencies, none for a few.
  const digits = ["JPY", "KRW", "VND", "CLP", "ISK"].includes(summary.currency) ? 0 : 2;
  const amount = Number(summary.price) / 10 ** digits;
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: summary.currency }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${summary.currency}`;
  }
}

function RecordView({ r }: { r: ArchivedRecord }) {
  const { api } = useApp();
  const s = r.summary;
  return (
    <article className="listing archived" aria-labelledby="archived-title" data-archived={r.legacyId}>
      <div className="gallery">
        {r.images.map((cid, i) => (
          <img
            key={cid}
            src={api.ipfsUrl(cid)}
            alt={i === 0 ? s.title : `${s.title}, image ${i + 1}`}
            width={480}
            height={360}
            loading={i === 0 ? "eager" : "lazy"}
          />
        ))}
      </div>
      <div className="listing-info">
        <h2 id="archived-title">{s.title}</h2>
        <Verification r={r} />
        <p className="price">{price(s)}</p>
        <dl className="facts">
          <dt>Category</dt>
          <dd>{s.category}</dd>
          <dt>Listed</dt>
          <dd>{new Date(s.date * 1000).toLocaleDateString()}</dd>
          {r.document?.condition ? (
            <>
              <dt>Condition</dt>
              <dd>{String(r.document.condition)}</dd>
            </>
          ) : null}
          {r.document?.location ? (
            <>
              <dt>Location</dt>
              <dd>{String(r.document.location)}</dd>
            </>
          ) : null}
          {r.document?.status ? (
            <>
              <dt>Status on the old marketplace</dt>
              <dd>{String(r.document.status)}</dd>
            </>
          ) : null}
          {r.document?.seller ? (
            <>
              <dt>Seller (pseudonym)</dt>
              <dd>{String(r.document.seller).slice(0, 10)}…</dd>
            </>
          ) : null}
        </dl>
        {typeof r.document?.description === "string" ? (
          <p className="description">{r.document.description}</p>
        ) : r.documentError ? (
          <p className="notice">{r.documentError}</p>
        ) : null}
      </div>
      <section className="reviews" aria-labelledby="archived-reviews">
        <h2 id="archived-reviews">Reviews from the old marketplace</h2>
        {r.reviews.length === 0 ? <p>No archived reviews.</p> : null}
        <ul>
          {r.reviews.map((review) => (
            <li key={review.legacyId} data-archived-review>
              <strong>
                {"★".repeat(review.rating)}
                {"☆".repeat(5 - review.rating)}
              </strong>
              <span className="visually-hidden">{review.rating} out of 5</span>{" "}
              {review.reviewedAt ? (
                <small className="hint">{new Date(review.reviewedAt).toLocaleDateString()}</small>
              ) : null}{" "}
              {review.text ?? ""}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link href="/archive">All milestones</Link>
      </p>
    </article>
  );
}

function Verification({ r }: { r: ArchivedRecord }) {
  if (r.verified) {
    return (
      <p className="badge badge-verified" data-verified="true">
        ✓ Verified on chain: batch {r.batchId}'s root {r.root.slice(0, 10)}… at the Archive contract{" "}
        {r.archive.slice(0, 10)}… proves this record (leaf {r.leafIndex}).
      </p>
    );
  }
  return (
    <p className="banner banner-error" role="alert" data-verified="false">
      Not verified: {r.verifyError}
    </p>
  );
}
