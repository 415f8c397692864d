import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";

/** The search box: submitting goes to /search?q=..., so every search is a link that can be shared. */
export function SearchBox({ initial = "" }: { initial?: string }) {
  const [q, setQ] = useState(initial);
  const [, navigate] = useLocation();
  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  }
  return (
    <search>
      <form className="searchbox" onSubmit={submit}>
        <label htmlFor="q" className="visually-hidden">
          Search listings
        </label>
        <input
          id="q"
          name="q"
          type="search"
          placeholder="Search: camera, bike, iphone…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
