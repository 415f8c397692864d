-- The marketplace index, rebuilt from chain events alone.
--
-- Conventions:
-- * Every row carries the block it came from (block_number, or created_block/updated_block on rows that
--   change), so a reorg removes exactly what the dropped blocks wrote and a query can tell how fresh a
--   row is.
-- * Addresses and hashes are lower-case 0x hex text: readable in psql and compared as plain text.
-- * Token amounts and uint256 ids are numeric(78,0), which holds every uint256; uint64 stock is
--   numeric(20,0) because bigint is signed. Times from the chain are unix seconds (bigint).
-- * Tables that only grow (history, evidence, ...) are keyed by (block_number, log_index). Tables whose
--   rows change (listings, orders, disputes) are registered in src/store/tables.ts, which is how the reorg
--   stage keeps their before-images in reorg_undo while their blocks are younger than the finality depth.

-- Indexer bookkeeping ------------------------------------------------------------------------------------

-- What this database indexes (chain id, contract addresses), so a restart against another chain or another
-- deployment fails clearly instead of mixing two marketplaces.
CREATE TABLE meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- The last block whose events are all in the database; written in the same transaction as those events.
-- Every change above undo_floor has its before-image in reorg_undo, so a reorg whose common ancestor is at
-- or above undo_floor can be rolled back; a deeper one cannot (the finality depth was too small).
CREATE TABLE checkpoint (
  id smallint PRIMARY KEY CHECK (id = 1),
  block_number bigint NOT NULL,
  block_hash text NOT NULL,
  undo_floor bigint NOT NULL
);

-- Hashes of recent blocks (every block above head - finality, and each checkpoint), to find the common
-- ancestor after a reorg. Pruned to the finality depth.
CREATE TABLE blocks (
  number bigint PRIMARY KEY,
  hash text NOT NULL
);

-- Before-images of changed rows, per committed range, kept only while the range is within the finality
-- depth. `row` is NULL when the range created the row.
CREATE TABLE reorg_undo (
  seq bigserial PRIMARY KEY,
  range_from bigint NOT NULL,
  range_to bigint NOT NULL,
  table_name text NOT NULL,
  row_key text NOT NULL,
  row jsonb
);
CREATE INDEX reorg_undo_range_to ON reorg_undo (range_to);

-- Logs from Lantern contracts that could not be decoded or applied: kept for people to look at, never
-- silently dropped.
CREATE TABLE skipped_logs (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  address text NOT NULL,
  topic0 text,
  reason text NOT NULL,
  -- space-separated
  topics text NOT NULL,
  data text NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

-- Listings ------------------------------------------------------------------------------------------------

CREATE TABLE listings (
  address text PRIMARY KEY,
  seller text NOT NULL,
  template text NOT NULL,
  currency text NOT NULL,
  base_price numeric(78,0) NOT NULL,
  price numeric(78,0) NOT NULL,
  stock numeric(20,0) NOT NULL,
  -- ListingStatus: 1 Active, 2 Paused, 3 Closed, 4 Removed
  status smallint NOT NULL,
  metadata_cid text NOT NULL,
  title text NOT NULL,
  category text NOT NULL,
  location text NOT NULL,
  created_block bigint NOT NULL,
  created_time bigint NOT NULL,
  created_tx text NOT NULL,
  updated_block bigint NOT NULL
);
CREATE INDEX listings_seller ON listings (seller);
CREATE INDEX listings_category ON listings (category);

-- Every change a listing's own events (and the factory's ListingCreated/ListingRemoved) made, with the
-- price, stock and status right after it. Purchases lower stock too; those are in order_events.
CREATE TABLE listing_history (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  listing text NOT NULL,
  event text NOT NULL,
  price numeric(78,0) NOT NULL,
  stock numeric(20,0) NOT NULL,
  status smallint NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX listing_history_listing ON listing_history (listing, block_number);

-- Orders --------------------------------------------------------------------------------------------------

-- The escrow keeps only a hash per order; this is where an order's fields and state live off chain.
CREATE TABLE orders (
  order_id numeric(78,0) PRIMARY KEY,
  listing text NOT NULL,
  buyer text NOT NULL,
  seller text NOT NULL,
  currency text NOT NULL,
  amount numeric(78,0) NOT NULL,
  quantity bigint NOT NULL,
  escrowed boolean NOT NULL,
  -- OrderState: 1 Paid, 2 Shipped, 3 Completed, 4 Refunded, 5 Cancelled, 6 Disputed, 7 Resolved
  state smallint NOT NULL,
  ship_window bigint NOT NULL,
  delivery_window bigint NOT NULL,
  paid_at bigint NOT NULL,
  shipped_at bigint NOT NULL,
  shipping_digest text NOT NULL,
  tracking_digest text NOT NULL,
  completed_by_buyer boolean,
  arbitrator text,
  dispute_id numeric(78,0),
  ruling numeric(78,0),
  buyer_amount numeric(78,0),
  seller_amount numeric(78,0),
  created_block bigint NOT NULL,
  created_tx text NOT NULL,
  updated_block bigint NOT NULL
);
CREATE INDEX orders_buyer ON orders (buyer);
CREATE INDEX orders_seller ON orders (seller);
CREATE INDEX orders_listing ON orders (listing);

-- Every escrow event about an order, with its arguments (uint256 as decimal strings).
CREATE TABLE order_events (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  order_id numeric(78,0) NOT NULL,
  event text NOT NULL,
  args jsonb NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX order_events_order ON order_events (order_id, block_number);

-- Payments the escrow could not push and credited for withdrawal, and the withdrawals.
CREATE TABLE payments (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  event text NOT NULL,
  account text NOT NULL,
  currency text NOT NULL,
  amount numeric(78,0) NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX payments_account ON payments (account);

-- Keys ----------------------------------------------------------------------------------------------------

-- Every key an account published; the latest one per account is in current_keys.
CREATE TABLE keys (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  account text NOT NULL,
  key text NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX keys_account ON keys (account, block_number DESC, log_index DESC);
CREATE VIEW current_keys AS
  SELECT DISTINCT ON (account) account, key, block_number, log_index, tx_hash
  FROM keys
  ORDER BY account, block_number DESC, log_index DESC;

-- Disputes and evidence (ERC-792 / ERC-1497) ---------------------------------------------------------------

CREATE TABLE disputes (
  arbitrator text NOT NULL,
  dispute_id numeric(78,0) NOT NULL,
  -- The contract whose dispute it is (the escrow for trade disputes).
  arbitrable text NOT NULL,
  meta_evidence_id numeric(78,0) NOT NULL,
  -- For the escrow, the evidence group is the order id.
  evidence_group_id numeric(78,0) NOT NULL,
  ruling numeric(78,0),
  created_block bigint NOT NULL,
  ruled_block bigint,
  updated_block bigint NOT NULL,
  PRIMARY KEY (arbitrator, dispute_id)
);
CREATE INDEX disputes_group ON disputes (arbitrable, evidence_group_id);

CREATE TABLE evidence (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  arbitrable text NOT NULL,
  arbitrator text NOT NULL,
  evidence_group_id numeric(78,0) NOT NULL,
  party text NOT NULL,
  evidence text NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX evidence_group ON evidence (arbitrable, evidence_group_id);

CREATE TABLE meta_evidence (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  arbitrable text NOT NULL,
  meta_evidence_id numeric(78,0) NOT NULL,
  evidence text NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

-- Settings ------------------------------------------------------------------------------------------------

-- Parameter changes (templates, currencies, curator, windows, arbitrator, ownership), with their arguments.
CREATE TABLE contract_events (
  block_number bigint NOT NULL,
  log_index integer NOT NULL,
  tx_hash text NOT NULL,
  contract text NOT NULL,
  event text NOT NULL,
  args jsonb NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

-- Room for the other open issues -------------------------------------------------------------------------
-- Each lands as its own migration (0002_court.sql, ...) when its contracts do, following the conventions
-- above, and registers any table whose rows change in src/store/tables.ts:
-- * court: arbiters and stakes, disputes' committees (draws), commits and reveals, appeals, rulings
-- * dao: proposals, votes, delegations, queued and executed parameter changes, policy rules
-- * reviews: one per completed order, the seller's answer
-- * rewards: epochs, actions earned, Merkle roots, claims
-- * archive: publishers, batches with their Merkle roots, legacy records (listings, reviews), milestones
