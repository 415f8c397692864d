import { formatUnits, getAddress, isAddress } from "viem";
import { Link } from "wouter";
import { useApp } from "../lib/app.tsx";
import { NATIVE } from "../lib/format.ts";
import type { ListingHit } from "../lib/search.ts";

export function ListingCard({ hit, eager = false }: { hit: ListingHit; eager?: boolean }) {
  const { api } = useApp();
  const native = /^0x0{40}$/.test(hit.currency);
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
      <span className="card-price">
        {native
          ? `${formatUnits(BigInt(hit.price), NATIVE.decimals)} ${NATIVE.symbol}`
          : `${hit.price} (token)`}
      </span>
      {hit.location ? <span className="card-meta">{hit.location}</span> : null}
    </Link>
  );
}
