import { z } from "zod";
import { notFound } from "../errors.ts";
import { type ReviewItem, ratingJson, reviewsJson, withReviewTexts } from "../reviews.ts";
import { defineRoute } from "../route.ts";
import { LISTING_SUMMARY_JSON, STATUS_CODES } from "../search/listingJson.ts";
import { SORTS, searchListings } from "../search/searchListings.ts";
import { address, bool, limit, text, uint } from "../validation.ts";

export const SEARCH_QUERY = z
  .strictObject({
    q: text(200).optional().describe("Words to find (web search syntax: quotes, OR, -word)"),
    category: text(64).optional().describe('A category; "electronics" also finds "electronics/cameras"'),
    minPrice: uint.optional().describe("Lowest price, in the currency's smallest unit"),
    maxPrice: uint.optional().describe("Highest price, in the currency's smallest unit"),
    currency: address.optional().describe("Payment token; 0x000...0 is the native coin"),
    location: text(100).optional(),
    seller: address.optional(),
    status: z
      .enum([...(Object.keys(STATUS_CODES) as (keyof typeof STATUS_CODES)[]), "any"], {
        message: "must be one of active, paused, closed, removed, any",
      })
      .default("active"),
    escrow: bool
      .optional()
      .describe("Only listings whose purchase must (true) or need not (false) use escrow"),
    sort: z
      .enum(SORTS, { message: `must be one of ${SORTS.join(", ")}` })
      .optional()
      .describe("relevance (default with q), newest (default without), price_asc, price_desc"),
    limit: limit(100, 20),
    cursor: z.string().max(400, "must be a nextCursor this search returned").optional(),
    facets: bool.default(false).describe("Add counts by category and by price bucket, and a total"),
  })
  .superRefine((value, ctx) => {
    if (value.minPrice && value.maxPrice && BigInt(value.minPrice) > BigInt(value.maxPrice)) {
      ctx.addIssue({ code: "custom", path: ["maxPrice"], message: "must not be below minPrice" });
    }
  });

export const searchRoute = defineRoute({
  method: "GET",
  url: "/listings",
  tag: "listings",
  summary: "Search listings",
  description:
    "Full text over title, category and description (weighted in that order), with typo and prefix fallback, filters, facets, sorts and keyset pagination (pass nextCursor back as cursor).",
  query: SEARCH_QUERY,
  responses: { 200: "A page of listings", 400: "A parameter is not valid" },
  handler: ({ query }, { db }) => searchListings(db, query),
});

/** How many of a listing's newest reviews its JSON carries. */
const LISTING_REVIEWS = 5;

const LISTING_JSON = `${LISTING_SUMMARY_JSON.slice(0, -1)},
  'template', l.template, 'basePrice', l.base_price::text, 'createdTx', l.created_tx,
  'updatedBlock', l.updated_block,
  'metadata', CASE WHEN m.state = 'ok' THEN jsonb_build_object('description', m.description,
    'images', m.images, 'condition', m.condition, 'attributes', m.attributes)
    ELSE jsonb_build_object('state', coalesce(m.state, 'pending')) END,
  'history', coalesce((SELECT jsonb_agg(jsonb_build_object('event', h.event, 'block', h.block_number,
    'tx', h.tx_hash, 'price', h.price::text, 'stock', h.stock::text, 'status', h.status) ORDER BY h.block_number DESC, h.log_index DESC)
    FROM (SELECT * FROM listing_history WHERE listing = l.address ORDER BY block_number DESC, log_index DESC LIMIT 20) h), '[]'),
  'rating', ${ratingJson("listing = l.address")},
  'sellerRating', ${ratingJson("seller = l.seller")},
  'reviews', ${reviewsJson("r.listing = l.address", LISTING_REVIEWS)})`;

export const listingRoute = defineRoute({
  method: "GET",
  url: "/listings/:address",
  tag: "listings",
  summary: "One listing",
  description:
    "The listing's on-chain state, its metadata document (once fetched and verified), its latest changes, and reviews: `rating` summarizes this listing's reviews and `sellerRating` all of its seller's (each `{ average, count, stars }` as in GET /sellers/{address}); `reviews` holds this listing's newest 5, shaped as the seller's.",
  params: z.strictObject({ address }),
  responses: { 200: "The listing", 400: "Not an address", 404: "No listing at this address" },
  handler: async ({ params, reply }, { db, content }) => {
    // The hottest route: a prepared statement, and the JSON as the database wrote it (no parse and
    // re-serialize on the way through).
    const [row] = await db.query<{ item: string; reviewed: boolean }>(
      `SELECT (${LISTING_JSON})::text AS item,
         EXISTS (SELECT 1 FROM reviews WHERE listing = l.address) AS reviewed
       FROM listings l LEFT JOIN listing_metadata m ON m.cid = l.metadata_cid WHERE l.address = $1`,
      [params.address],
      "lantern_listing",
    );
    if (!row) throw notFound(`The listing ${params.address}`);
    reply.type("application/json; charset=utf-8");
    if (!row.reviewed) return reply.send(row.item);
    // Review texts live in the content store: only a reviewed listing pays for the parse.
    const item = JSON.parse(row.item) as { reviews: ReviewItem[] };
    await withReviewTexts(content, item.reviews);
    return reply.send(JSON.stringify(item));
  },
});
