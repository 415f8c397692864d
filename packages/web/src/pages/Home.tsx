import { Link } from "wouter";
import { ListingCard } from "../components/ListingCard.tsx";
import { Milestones } from "../components/Milestones.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { categories } from "../lib/categories.ts";
import { useSearch } from "../lib/search.ts";

export function Home() {
  const newest = useSearch({ sort: "newest", limit: 12 });
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Buy and sell anything, with any wallet</h1>
        <p>
          Listings live on the chain and anyone can search them. Pay directly, or through an escrow that holds
          the money until the item arrives.
        </p>
        <SearchBox />
      </section>
      <nav aria-labelledby="cat-title" className="categories">
        <h2 id="cat-title">Categories</h2>
        <ul>
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/search?category=${encodeURIComponent(c.id)}`}>{c.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="new-title">
        <h2 id="new-title">Newest listings</h2>
        {newest.isPending ? <p aria-busy="true">Loading…</p> : null}
        {newest.isError ? (
          <p className="notice">Listings cannot be loaded right now: {newest.error.message}</p>
        ) : null}
        {newest.data && newest.data.items.length === 0 ? (
          <p>
            Nothing is listed yet. <Link href="/sell">Be the first to sell something</Link>.
          </p>
        ) : null}
        <div className="grid">
          {newest.data?.items.map((hit, i) => (
            <ListingCard
              key={hit.archived ? `archive-${hit.archived.legacyId}` : hit.address}
              hit={hit}
              eager={i < 4}
            />
          ))}
        </div>
      </section>
      <Milestones />
    </>
  );
}
