/**
 * A listing as the API shows it, built in SQL as one JSON object per row, so both engines (whose drivers
 * disagree about numeric and bigint types) return the same thing: uint256 values as decimal strings, block
 * numbers and times as numbers. `l` is the listings row, `m` its listing_metadata row (LEFT JOIN).
 */
export const LISTING_SUMMARY_JSON = `jsonb_build_object(
  'address', l.address, 'seller', l.seller, 'title', l.title, 'category', l.category,
  'location', l.location, 'currency', l.currency, 'price', l.price::text, 'stock', l.stock::text,
  'status', CASE l.status WHEN 1 THEN 'active' WHEN 2 THEN 'paused' WHEN 3 THEN 'closed' ELSE 'removed' END,
  'escrowRequired', l.escrow_required, 'metadataCid', l.metadata_cid, 'cover', m.images->>0,
  'createdBlock', l.created_block, 'createdTime', l.created_time)`;

export const STATUS_CODES = { active: 1, paused: 2, closed: 3, removed: 4 } as const;
export type StatusName = keyof typeof STATUS_CODES;
