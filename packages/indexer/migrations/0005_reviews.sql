-- Verified reviews (the Reviews contract): one row per reviewed order, with the seller's answer once it
-- comes. The answer changes the row, so the table is registered in src/store/tables.ts and a reorg puts
-- back its before-image like listings and orders. The texts are content-addressed (raw-codec CIDv1 of the
-- UTF-8 text, sha2-256 digest on chain): only their CIDs are here; readers fetch the bytes from a content
-- store, so a text nobody has yet never holds up indexing and a reorg has nothing but the row to undo.
--
-- Numbered 0005 after 0006 and 0007 exist: the migrator applies every version a database lacks, in order,
-- so a database already at 0007 gets this one too.
CREATE TABLE reviews (
  -- The Reviews contract (its escrow scopes the order ids).
  contract text NOT NULL,
  order_id numeric(78,0) NOT NULL,
  seller text NOT NULL,
  buyer text NOT NULL,
  listing text NOT NULL,
  currency text NOT NULL,
  amount numeric(78,0) NOT NULL,
  -- 1 (worst) to 5 (best); the contract refuses anything else.
  rating smallint NOT NULL,
  -- Base32 raw-codec CIDv1 of the review's text; NULL for a rating alone (zero digest).
  text_cid text,
  answer_cid text,
  created_block bigint NOT NULL,
  created_log_index integer NOT NULL,
  created_tx text NOT NULL,
  -- Block times (unix seconds); NULL only if the node gave none.
  created_time bigint,
  answered_block bigint,
  answered_tx text,
  answered_time bigint,
  updated_block bigint NOT NULL,
  PRIMARY KEY (contract, order_id)
);
-- The seller's page and GET /sellers/:address read the newest reviews and the rating of one seller; the
-- listing's page and route those of one listing.
CREATE INDEX reviews_seller_newest ON reviews (seller, created_block DESC, created_log_index DESC);
CREATE INDEX reviews_listing_newest ON reviews (listing, created_block DESC, created_log_index DESC);
