-- What the server-rendered pages need: when each listing last changed, as a block time, for sitemap
-- lastmod and feed dates, and an index to find the newest change of all (the validator of pages that
-- list many listings: category, search, sitemaps, feeds).
--
-- Rows written before this migration only know their creation time; a later change sets the real one.
ALTER TABLE listings ADD COLUMN updated_time bigint;
UPDATE listings SET updated_time = created_time;
CREATE INDEX listings_updated ON listings (updated_block);
-- The sitemap walks the live listings (active or paused) in creation order.
CREATE INDEX listings_live_newest ON listings (created_block, address) WHERE status IN (1, 2);
