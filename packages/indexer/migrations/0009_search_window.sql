-- The recent window of relevance search (packages/api/src/search/searchListings.ts ranks the newest
-- matches first). A word in 2% of a million listings has 20,000 entries in listings_search, and a search
-- for it used to read them all and AND them with a btree walk over the window, to keep the few hundred
-- that are recent. A partial GIN index over the window holds only the window's entries, so the same search
-- reads a twentieth of them, and needs no btree walk.
--
-- The window's first block is fixed when its index is built and moves in steps (store/searchWindow.ts):
-- when more than twice the target number of listings are past it, a new index starts at the first block
-- of the newest `target` listings, and the old one is dropped. Its index is named after its first block,
-- listings_search_recent_<block>; this row says which one is current. No row: no window yet (few
-- listings), and search uses listings_search alone.
CREATE TABLE search_window (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  first_block bigint NOT NULL,
  index_name text NOT NULL,
  moved_at timestamptz NOT NULL DEFAULT now()
);
