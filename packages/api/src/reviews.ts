import type { ContentStore } from "@lantern/content";

/**
 * A rating summary over the reviews rows `where` selects (SQL on table `reviews`): the average to two
 * decimals (null without reviews), the count, and the count per star. Built in SQL so both engines answer
 * the same JSON.
 */
export function ratingJson(where: string): string {
  return `(SELECT jsonb_build_object(
    'average', round(avg(rating), 2), 'count', count(*),
    'stars', jsonb_build_object('1', count(*) FILTER (WHERE rating = 1), '2', count(*) FILTER (WHERE rating = 2),
      '3', count(*) FILTER (WHERE rating = 3), '4', count(*) FILTER (WHERE rating = 4),
      '5', count(*) FILTER (WHERE rating = 5)))
    FROM reviews WHERE ${where})`;
}

/**
 * The newest `limit` reviews `where` selects (SQL on alias `r`; `rl` is taken), newest first, as a JSON array; texts are
 * filled in afterwards by `withReviewTexts` (they live in the content store, not the index).
 */
export function reviewsJson(where: string, limit: number): string {
  return `coalesce((SELECT jsonb_agg(x.item ORDER BY x.created_block DESC, x.created_log_index DESC) FROM (
    SELECT jsonb_build_object(
      'orderId', r.order_id::text, 'listing', r.listing, 'listingTitle', rl.title, 'buyer', r.buyer,
      'rating', r.rating, 'currency', r.currency, 'amount', r.amount::text, 'textCid', r.text_cid,
      'createdBlock', r.created_block, 'createdTime', r.created_time, 'createdTx', r.created_tx,
      'answer', CASE WHEN r.answer_cid IS NULL THEN NULL ELSE jsonb_build_object('cid', r.answer_cid,
        'block', r.answered_block, 'time', r.answered_time, 'tx', r.answered_tx) END) AS item,
      r.created_block, r.created_log_index
    FROM reviews r LEFT JOIN listings rl ON rl.address = r.listing
    WHERE ${where} ORDER BY r.created_block DESC, r.created_log_index DESC LIMIT ${limit}) x), '[]'::jsonb)`;
}

export interface RatingSummary {
  average: number | null;
  count: number;
  stars: Record<"1" | "2" | "3" | "4" | "5", number>;
}

export interface ReviewItem {
  orderId: string;
  listing: string;
  listingTitle: string | null;
  buyer: string;
  rating: number;
  currency: string;
  amount: string;
  textCid: string | null;
  /** The text, when this node's content store holds it; null for a rating alone or a text not here. */
  text?: string | null;
  createdBlock: number;
  createdTime: number | null;
  createdTx: string;
  answer: { cid: string; text?: string | null; block: number; time: number | null; tx: string } | null;
}

/** Longer texts are cut here: the DApp writes at most 2,000 characters, the store takes 64 KiB. */
const MAX_TEXT = 5_000;

/**
 * Puts each review's and answer's text in place from the content store. A text the store does not hold,
 * or whose bytes are not UTF-8, is null: the rating still counts, and the text appears once it arrives.
 */
export async function withReviewTexts(content: ContentStore, reviews: ReviewItem[]): Promise<ReviewItem[]> {
  await Promise.all(
    reviews.map(async (review) => {
      review.text = await readText(content, review.textCid);
      if (review.answer) review.answer.text = await readText(content, review.answer.cid);
    }),
  );
  return reviews;
}

async function readText(content: ContentStore, cid: string | null): Promise<string | null> {
  if (!cid) return null;
  try {
    // The store checks the bytes against the CID on every read.
    const found = await content.get(cid);
    if (!found) return null;
    const text = new TextDecoder("utf-8", { fatal: true }).decode(found.bytes).trim();
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
  } catch {
    return null;
  }
}
