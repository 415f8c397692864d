/**
 * Tables whose rows change after they are written. While a range is younger than the finality depth, the
 * store saves the before-image of each row it changes there (reorg_undo), and a rollback puts those back.
 * Every other table only grows and is rolled back by deleting rows above the common ancestor.
 */
export interface MutableTable {
  name: string;
  /** SQL giving a row's key as text from alias `t`, and matching `t` against a text key `k`. */
  keyOf: string;
  match: string;
}

export const MUTABLE_TABLES: readonly MutableTable[] = [
  { name: "listings", keyOf: "t.address", match: "t.address = k" },
  { name: "orders", keyOf: "t.order_id::text", match: "t.order_id = k::numeric" },
  {
    name: "disputes",
    keyOf: "t.arbitrator || ':' || t.dispute_id::text",
    match: "t.arbitrator = split_part(k, ':', 1) AND t.dispute_id = split_part(k, ':', 2)::numeric",
  },
  {
    name: "reviews",
    keyOf: "t.contract || ':' || t.order_id::text",
    match: "t.contract = split_part(k, ':', 1) AND t.order_id = split_part(k, ':', 2)::numeric",
  },
];

/** Tables that only grow, each with a `block_number` column. */
export const APPEND_ONLY_TABLES: readonly string[] = [
  "listing_history",
  "order_events",
  "payments",
  "keys",
  "evidence",
  "meta_evidence",
  "contract_events",
  "skipped_logs",
  "archive_records",
  "archive_batches",
  "archive_milestone_events",
];

/** Every table that holds indexed data, for digests and for wiping in tests. */
export const DATA_TABLES: readonly string[] = [...MUTABLE_TABLES.map((t) => t.name), ...APPEND_ONLY_TABLES];
