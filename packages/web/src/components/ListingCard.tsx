import { getAddress, isAddress } from "viem";
import { Link } from "wouter";
import { useApp } from "../lib/app.tsx";
import { useCurrencies } from "../lib/currencies.ts";
import { formatAmount, NATIVE } from "../lib/format.ts";
import type { ListingHit } from "../lib/search.ts";

export function ListingCard({ hit, eager = false }: { hit: ListingHit; eager?: boolean }) {
  const { api } = useApp();
  // The approved tokens are read once for all cards; a token no longer approved shows its raw amount.
  const currencies = useCurrencies().data;
  const currency = /^0x0{40}$/.test(hit.currency)
    ? NATIVE
    : currencies?.find((c) => c.address.toLowerCase() === hit.currency.toLowerCase());
  const price = currency
    ? formatAmount(BigInt(hit.price), currency)
    : currencies
      ? `${hit.price} (token units)`
      : "…";
  if (hit.archived || !isAddress(hit.address)) {
    return (
      <div className="card archived" data-archived={hit.archived?.legacyId}>
        <span className="noimage" aria-hidden="true" />
        <span className="card-title">{hit.title}</span>
        <span className="card-meta">
          From the archive of the old marketplace (id {hit.archived?.legacyId})
        </span>
      </div>
    );
  }
  return (
    <Link
      href={`/listing/${getAddress(hit.address)}`}
      className="card"
      data-listing={getAddress(hit.address)}
    >
      {hit.image ? (
        <img
          src={api.ipfsUrl(hit.image)}
          alt=""
          width={240}
          height={180}
          loading={eager ? "eager" : "lazy"}
        />
      ) : (
        <span className="noimage" aria-hidden="true" />
      )}
      <span className="card-title">{hit.title}</span>
      <span className="card-price">{price}</span>
      {hit.location ? <span className="card-meta">{hit.location}</span> : null}
    </Link>
  );
}
