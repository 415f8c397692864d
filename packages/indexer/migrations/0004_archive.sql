-- The Archive: legacy marketplace records (listings, anonymized reviews) published in batches with a
-- Merkle root each, and up to ten milestones. Everything here only grows (rows keyed by block_number and
-- log_index), so a reorg deletes what the dropped blocks wrote; the current milestones are a view over
-- the milestone events, like current_keys.

-- One row per record event. A record's event carries no batch id: it belongs to the next BatchPublished
-- of its transaction, which the indexer resolves (batch_id, leaf_index: its place in the batch's tree).
CREATE TABLE archive_records (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  archive text NOT NULL,
  -- 0 listing, 1 review (Archive.KIND_LISTING, KIND_REVIEW)
  kind smallint NOT NULL,
  legacy_id numeric(78,0) NOT NULL,
  -- The old marketplace's id as text when it was encoded from one (decodeLegacyId)
  legacy_label text,
  -- sha2-256 digest of the record's JSON document (json-codec CIDv1)
  content text NOT NULL,
  summary text NOT NULL,
  batch_id numeric(78,0) NOT NULL,
  leaf_index integer NOT NULL,
  -- A listing's summary, decoded
  title text,
  category text,
  price numeric(20,0),
  currency text,
  listed_at bigint,
  -- A review's summary, decoded
  listing_legacy_id numeric(78,0),
  rating smallint,
  reviewer text,
  reviewed_at bigint,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', replace(coalesce(category, ''), '/', ' ')), 'B')
  ) STORED,
  PRIMARY KEY (block_number, log_index)
);
CREATE UNIQUE INDEX archive_records_id ON archive_records (archive, kind, legacy_id);
CREATE INDEX archive_records_batch ON archive_records (archive, batch_id, leaf_index);
CREATE INDEX archive_records_reviews ON archive_records (listing_legacy_id) WHERE kind = 1;
CREATE INDEX archive_records_search ON archive_records USING gin (search);

CREATE TABLE archive_batches (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  archive text NOT NULL,
  batch_id numeric(78,0) NOT NULL,
  publisher text NOT NULL,
  root text NOT NULL,
  records integer NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE UNIQUE INDEX archive_batches_id ON archive_batches (archive, batch_id);

-- MilestoneSet (label) and MilestoneRemoved (label NULL), in chain order.
CREATE TABLE archive_milestone_events (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  archive text NOT NULL,
  kind smallint NOT NULL,
  legacy_id numeric(78,0) NOT NULL,
  label text,
  PRIMARY KEY (block_number, log_index)
);
CREATE VIEW archive_milestones AS
  SELECT archive, kind, legacy_id, label, block_number, tx_hash FROM (
    SELECT DISTINCT ON (archive, kind, legacy_id) *
    FROM archive_milestone_events
    ORDER BY archive, kind, legacy_id, block_number DESC, log_index DESC
  ) latest
  WHERE label IS NOT NULL;
