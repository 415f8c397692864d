import type { ContentStore } from "@lantern/content";
import { z } from "zod";
import type { ApiDatabase } from "../database.ts";
import { notFound } from "../errors.ts";
import { type RatingSummary, type ReviewItem, ratingJson, reviewsJson, withReviewTexts } from "../reviews.ts";
import { defineRoute } from "../route.ts";
import { LISTING_SUMMARY_JSON } from "../search/listingJson.ts";
import { address } from "../validation.ts";

export const sellerRoute = defineRoute({
  method: "GET",
  url: "/sellers/:address",
  tag: "sellers",
  summary: "A seller's reputation",
  description:
    'Listings by status and the newest ones, completed sales and their volume per currency, refunds and disputes, and the verified reviews of the seller\'s escrowed orders. `rating` summarizes every review: `average` (1 to 5, two decimals; null without reviews), `count`, and `stars` (the count per star, keys "1" to "5"). `reviews` holds the newest 10, newest first: `orderId`, `listing` and `listingTitle`, `buyer` (an address), `rating`, `currency` and `amount` of the order, `textCid` and `text` (null for a rating alone, or while this node\'s content store lacks the text), `createdBlock`, `createdTime` (unix seconds) and `createdTx`, and `answer` (the seller\'s, or null): `cid`, `text`, `block`, `time`, `tx`.',
  params: z.strictObject({ address }),
  responses: { 200: "The seller", 400: "Not an address", 404: "This address never listed or sold anything" },
  handler: async ({ params }, { db, content }) => {
    const seller = await readSeller(db, content, params.address);
    if (!seller) throw notFound(`The seller ${params.address}`);
    return seller;
  },
});

/** How many of the newest reviews a seller's record carries. */
export const SELLER_REVIEWS = 10;

/**
 * A seller's record as GET /sellers/:address shows it (and its page renders it), review texts read from the
 * content store; undefined if unknown. A seller is known by a listing or an order.
 */
export async function readSeller(
  db: ApiDatabase,
  content: ContentStore,
  sellerAddress: string,
): Promise<(Record<string, unknown> & { rating: RatingSummary; reviews: ReviewItem[] }) | undefined> {
  const [row] = await db.query<{ seller: unknown }>(
    `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM listings WHERE seller = $1)
                     AND NOT EXISTS (SELECT 1 FROM orders WHERE seller = $1) THEN NULL ELSE jsonb_build_object(
         'address', $1::text,
         'listings', (SELECT jsonb_build_object(
             'total', count(*), 'active', count(*) FILTER (WHERE status = 1),
             'paused', count(*) FILTER (WHERE status = 2), 'closed', count(*) FILTER (WHERE status = 3),
             'removed', count(*) FILTER (WHERE status = 4)) FROM listings WHERE seller = $1),
         'recentListings', coalesce((SELECT jsonb_agg(x.item ORDER BY x.created_block DESC, x.address DESC) FROM (
             SELECT ${LISTING_SUMMARY_JSON} AS item, l.created_block, l.address FROM listings l
             LEFT JOIN listing_metadata m ON m.cid = l.metadata_cid
             WHERE l.seller = $1 ORDER BY l.created_block DESC, l.address DESC LIMIT 20) x), '[]'),
         'sales', (SELECT jsonb_build_object(
             'completed', count(*) FILTER (WHERE state = 3), 'refunded', count(*) FILTER (WHERE state = 4),
             'disputed', count(*) FILTER (WHERE dispute_id IS NOT NULL), 'orders', count(*))
           FROM orders WHERE seller = $1),
         'volume', coalesce((SELECT jsonb_agg(jsonb_build_object('currency', currency, 'amount', amount::text) ORDER BY currency)
           FROM (SELECT currency, sum(amount) AS amount FROM orders WHERE seller = $1 AND state = 3 GROUP BY currency) v), '[]'),
         'rating', ${ratingJson("seller = $1")},
         'reviews', ${reviewsJson("r.seller = $1", SELLER_REVIEWS)}) END AS seller`,
    [sellerAddress],
  );
  const seller = row?.seller as
    | (Record<string, unknown> & { rating: RatingSummary; reviews: ReviewItem[] })
    | null;
  if (!seller) return undefined;
  await withReviewTexts(content, seller.reviews);
  return seller;
}
