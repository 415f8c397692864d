import { type FormEvent, useState } from "react";
import { parseEther } from "viem";
import { Link, useLocation, useSearch as useQueryString } from "wouter";
import { ListingCard } from "../components/ListingCard.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { categories } from "../lib/categories.ts";
import { useSearch } from "../lib/search.ts";

const SORTS = [
  ["relevance", "Best match"],
  ["newest", "Newest"],
  ["price_asc", "Price: low to high"],
  ["price_desc", "Price: high to low"],
] as const;

function toWei(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || !/^\d+(\.\d{1,18})?$/.test(text)) return undefined;
  return parseEther(text).toString();
}

/** The words the API widened a query to (its tsquery: "(nikn:* | nikon)"), without prefixes or the query itself. */
function closeWords(expanded: string, query = ""): string[] {
  const typed = new Set(query.toLowerCase().split(/\s+/));
  const words = expanded.match(/[\p{L}\p{N}]+(:\*)?/gu) ?? [];
  return [...new Set(words.filter((w) => !w.endsWith(":*") && !typed.has(w)))];
}

function withParams(qs: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(qs);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  next.delete("cursor");
  return next.toString();
}

/** Search results; the URL holds the whole query (text, filters, sort, page), so results can be shared. */
export default function Search() {
  const qs = new URLSearchParams(useQueryString());
  const [, navigate] = useLocation();
  const params = Object.fromEntries(qs.entries());
  const [priceError, setPriceError] = useState<string>();
  // The URL holds prices as people type them; the API takes the smallest unit.
  const results = useSearch({
    ...params,
    minPrice: toWei(params.minPrice),
    maxPrice: toWei(params.maxPrice),
    facets: true,
  });
  // " (812)", or " (812+)" when the API stopped counting at its cap and the count is a lower bound.
  const facetCount = (category: string) => {
    const facet = results.data?.facets.categories.find((f) => f.value === category);
    return facet
      ? ` (${facet.count.toLocaleString("en-US")}${results.data?.totalExact === false ? "+" : ""})`
      : "";
  };
  const [minPrice, setMinPrice] = useState(params.minPrice ?? "");
  const [maxPrice, setMaxPrice] = useState(params.maxPrice ?? "");

  const go = (changes: Record<string, string | undefined>) => navigate(`/search?${withParams(qs, changes)}`);

  function applyPrice(event: FormEvent) {
    event.preventDefault();
    const bad = [minPrice, maxPrice].find((v) => v.trim() && toWei(v) === undefined);
    setPriceError(bad ? `“${bad}” is not an amount like 0.5.` : undefined);
    if (bad) return;
    go({ minPrice: minPrice.trim() || undefined, maxPrice: maxPrice.trim() || undefined });
  }

  return (
    <>
      <h1>{params.q ? `Results for “${params.q}”` : "Browse listings"}</h1>
      <SearchBox initial={params.q ?? ""} />
      <div className="search-layout">
        <aside aria-label="Filters" className="filters">
          <label>
            Sort
            <select value={params.sort ?? "relevance"} onChange={(e) => go({ sort: e.target.value })}>
              {SORTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Category
            <select
              value={params.category ?? ""}
              onChange={(e) => go({ category: e.target.value || undefined })}
            >
              <option value="">Any</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                  {facetCount(c.id)}
                </option>
              ))}
            </select>
          </label>
          <form onSubmit={applyPrice} className="price-range">
            <label>
              Min price
              <input inputMode="decimal" value={minPrice} onChange={(e) => setMinPrice(e.target.value)} />
            </label>
            <label>
              Max price
              <input inputMode="decimal" value={maxPrice} onChange={(e) => setMaxPrice(e.target.value)} />
            </label>
            <button type="submit" className="secondary">
              Apply
            </button>
            {priceError ? (
              <small className="error" role="alert">
                {priceError}
              </small>
            ) : null}
          </form>
          {results.data?.facets.prices.length ? (
            <ul className="facets" aria-label="Listings by price">
              {results.data.facets.prices.map((f) => (
                <li key={f.value}>
                  <Link
                    href={`/search?${withParams(qs, { minPrice: f.value.split("-")[0], maxPrice: f.value.split("-")[1] })}`}
                  >
                    {f.label}
                  </Link>{" "}
                  ({f.count})
                </li>
              ))}
            </ul>
          ) : null}
        </aside>
        <section aria-label="Results" aria-busy={results.isPending}>
          {results.isError ? <p role="alert">{results.error.message}</p> : null}
          {results.data?.expandedQuery ? (
            <p className="notice" data-expanded>
              Nothing matched “{params.q}” exactly; showing close matches
              {closeWords(results.data.expandedQuery, params.q).map((w, i) => (
                <span key={w}>
                  {i ? "," : ""} “{w}”
                </span>
              ))}
              .
            </p>
          ) : null}
          {results.data?.total !== undefined ? (
            <p className="hint">
              {results.data.total.toLocaleString("en-US")}
              {results.data.totalExact === false ? "+" : ""} listing
              {results.data.total === 1 && results.data.totalExact !== false ? "" : "s"}
            </p>
          ) : null}
          {results.data && results.data.items.length === 0 ? (
            <p>No listings match. Try fewer words or another category.</p>
          ) : null}
          <div className="grid">
            {results.data?.items.map((hit) => (
              <ListingCard key={hit.archived ? `archive-${hit.archived.legacyId}` : hit.address} hit={hit} />
            ))}
          </div>
          {results.data?.next ? (
            <p>
              <Link
                href={`/search?${new URLSearchParams({ ...params, cursor: results.data.next }).toString()}`}
              >
                Next page
              </Link>
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
}
