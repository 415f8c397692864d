-- Search: full text over each listing's title (weight A), category (B) and metadata description (C), and
-- pg_trgm for typos and prefixes; plus the listing metadata documents the indexer fetches by CID.
--
-- * listings.search is kept by a trigger, so it is right however a row is written: by a range, by a reorg's
--   rollback (which re-inserts before-images), or by the metadata stage when a description arrives. Titles
--   and categories never change on chain, so only new rows and new descriptions need a new vector.
-- * A listing is searchable by its on-chain title and category as soon as its range commits; its
--   description joins the vector when the metadata stage has fetched and verified the document.
-- * search_terms is the vocabulary (lexemes as the search vectors hold them) that the typo fallback
--   matches against with trigrams; the metadata stage, its only writer, adds the terms of every listing it
--   processes.
-- * pg_trgm lives in the public schema, and is named with it (public.gin_trgm_ops, OPERATOR(public.%)),
--   so that several Lantern schemas of one PostgreSQL database share one extension.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- The weighted document of one listing. Slashes in categories are word breaks ("electronics/cameras" is
-- otherwise one file-path token); descriptions are indexed up to 10,000 characters, enough to find a
-- listing by what it says and small enough to rank fast.
CREATE FUNCTION lantern_search_vector(title text, category text, description text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english', title), 'A')
      || setweight(to_tsvector('english', replace(category, '/', ' ')), 'B')
      || setweight(to_tsvector('english', left(coalesce(description, ''), 10000)), 'C')
$$;

-- Listing metadata documents by CID. Content-addressed: once fetched, a row never changes, and a reorg has
-- nothing to undo here.
CREATE TABLE listing_metadata (
  cid text PRIMARY KEY,
  -- pending: not fetched yet, or not found and retried at next_attempt; ok: fetched, hash verified, valid;
  -- invalid: not a CID this node can fetch, or not a listing metadata document (never retried: the same
  -- CID names the same bytes forever)
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ok', 'invalid')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt timestamptz NOT NULL DEFAULT now(),
  error text,
  description text,
  -- CIDs of the images, the cover first
  images jsonb,
  condition text,
  attributes jsonb,
  fetched_at timestamptz
);
CREATE INDEX listing_metadata_pending ON listing_metadata (next_attempt) WHERE state = 'pending';

CREATE TABLE search_terms (
  term text PRIMARY KEY
);
CREATE INDEX search_terms_trgm ON search_terms USING gin (term public.gin_trgm_ops);

ALTER TABLE listings ADD COLUMN search tsvector;
-- Whether a purchase must go through escrow. Set from the Policy contract's escrow-required categories
-- once the DAO's rules engine is indexed; false until then.
ALTER TABLE listings ADD COLUMN escrow_required boolean NOT NULL DEFAULT false;

-- A new row gets its vector (with the description, if the document is already here) and queues its
-- metadata document. The upsert of a row that exists also fires BEFORE INSERT; the existence check keeps
-- that path to one index probe, and the update then keeps the row's vector.
CREATE FUNCTION listings_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM listings WHERE address = NEW.address) THEN
    RETURN NEW;
  END IF;
  NEW.search := lantern_search_vector(
    NEW.title, NEW.category,
    (SELECT description FROM listing_metadata WHERE cid = NEW.metadata_cid));
  INSERT INTO listing_metadata (cid) VALUES (NEW.metadata_cid) ON CONFLICT (cid) DO NOTHING;
  RETURN NEW;
END
$$;
CREATE TRIGGER listings_search_insert BEFORE INSERT ON listings
  FOR EACH ROW EXECUTE FUNCTION listings_search_insert();

UPDATE listings SET search = lantern_search_vector(title, category, NULL);
INSERT INTO listing_metadata (cid) SELECT DISTINCT metadata_cid FROM listings ON CONFLICT (cid) DO NOTHING;

CREATE INDEX listings_search ON listings USING gin (search);
-- Newest first, the default order, and the candidate order of relevance ranking.
CREATE INDEX listings_newest ON listings (created_block, address);
CREATE INDEX listings_price ON listings (price, address);
CREATE INDEX listings_metadata_cid ON listings (metadata_cid);
