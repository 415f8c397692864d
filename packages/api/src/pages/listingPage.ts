import { z } from "zod";
import { notFound } from "../errors.ts";
import { type RatingSummary, type ReviewItem, ratingJson, reviewsJson, withReviewTexts } from "../reviews.ts";
import { parse } from "../route.ts";
import { address } from "../validation.ts";
import { html } from "./html.ts";
import { breadcrumbs, renderDocument } from "./layout.ts";
import type { PageRoute } from "./page.ts";
import {
  aggregateRatingJsonLd,
  ratingText,
  renderRating,
  renderReviews,
  reviewJsonLd,
} from "./reviewList.ts";
import { absoluteUrl, categoryPath, formatPrice, isoDate, price } from "./site.ts";

interface ListingRow {
  address: string;
  seller: string;
  currency: string;
  price: string;
  stock: string;
  status: number;
  title: string;
  category: string;
  location: string;
  created_time: string;
  updated_time: string;
  updated_block: string;
  escrow_required: boolean;
  metadata_state: string | null;
  description: string | null;
  images: unknown;
  condition: string | null;
  sales: string;
  rating: RatingSummary;
  seller_rating: RatingSummary;
  reviews: ReviewItem[];
  reviews_block: string;
}

/** The listing's newest reviews on its page (and in its Product JSON-LD). */
const PAGE_REVIEWS = 5;

// One statement for the hottest page: the listing, its document, the seller's completed sales and rating,
// and the listing's own rating and newest reviews.
const LISTING_PAGE_SQL = `SELECT l.address, l.seller, l.currency, l.price::text AS price, l.stock::text AS stock,
    l.status::int AS status, l.title, l.category, l.location, l.created_time::text AS created_time,
    coalesce(l.updated_time, l.created_time)::text AS updated_time, l.updated_block::text AS updated_block,
    l.escrow_required, m.state AS metadata_state, m.description, m.images, m.condition,
    (SELECT count(*) FROM orders o WHERE o.seller = l.seller AND o.state = 3)::text AS sales,
    ${ratingJson("listing = l.address")} AS rating, ${ratingJson("seller = l.seller")} AS seller_rating,
    ${reviewsJson("r.listing = l.address", PAGE_REVIEWS)} AS reviews,
    (SELECT coalesce(max(updated_block), 0) FROM reviews WHERE seller = l.seller)::text AS reviews_block
  FROM listings l LEFT JOIN listing_metadata m ON m.cid = l.metadata_cid WHERE l.address = $1`;

const CONDITIONS: Record<string, string> = {
  new: "https://schema.org/NewCondition",
  used: "https://schema.org/UsedCondition",
  refurbished: "https://schema.org/RefurbishedCondition",
  damaged: "https://schema.org/DamagedCondition",
};

const params = z.strictObject({ address });

/** `/listing/<address>`: what a buyer needs to decide, readable without a wallet or JavaScript. */
export const listingPage: PageRoute = {
  url: "/listing/:address",
  async render(request, { db, content, site }) {
    const { address: listingAddress } = parse(params, request.params, "params");
    const [row] = await db.query<ListingRow>(LISTING_PAGE_SQL, [listingAddress], "lantern_listing_page");
    if (!row) throw notFound(`The listing ${listingAddress}`);
    const path = `/listing/${row.address}`;
    const canonical = absoluteUrl(site, request, path);
    await withReviewTexts(content, row.reviews);
    // Review texts reach the content store after their reviews are indexed; the page changes when one does.
    const texts = row.reviews.reduce((n, r) => n + (r.text ? 1 : 0) + (r.answer?.text ? 1 : 0), 0);
    const version = `${row.updated_block}-${row.metadata_state ?? "pending"}-${row.sales}-${row.reviews_block}-${texts}`;

    if (row.status === 3 || row.status === 4) {
      const why = row.status === 4 ? "removed after a report, by the court's ruling" : "closed by its seller";
      return {
        status: 410,
        version,
        maxAge: 3600,
        body: renderDocument(
          site,
          { title: row.title, description: `This listing was ${why}.`, canonical, noindex: true },
          html`<h1>${row.title}</h1>
<p>This listing was ${why}; it can no longer be bought.</p>
<p><a href="${categoryPath(row.category)}">Other listings in ${row.category}</a></p>`,
        ),
      };
    }

    const images = (Array.isArray(row.images) ? row.images : [])
      .filter((cid): cid is string => typeof cid === "string" && /^[a-z0-9]{1,100}$/i.test(cid))
      .map((cid) => absoluteUrl(site, request, `/ipfs/${cid}`));
    const cost = price(site, row.price, row.currency);
    const inStock = row.status === 1 && BigInt(row.stock) > 0n;
    const availability = inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";
    const condition = row.condition ? CONDITIONS[row.condition.toLowerCase()] : undefined;
    const description = row.description ?? `${row.title}, ${row.category}, in ${row.location}.`;
    const sellerUrl = absoluteUrl(site, request, `/seller/${row.seller}`);
    const trail = breadcrumbs([
      { name: site.name, url: absoluteUrl(site, request, "/") },
      ...categoryCrumbs(row.category).map((c) => ({ name: c.name, url: absoluteUrl(site, request, c.path) })),
      { name: row.title, url: canonical },
    ]);
    const product = {
      "@context": "https://schema.org",
      "@type": "Product",
      name: row.title,
      description,
      url: canonical,
      sku: row.address,
      category: row.category,
      ...(images.length > 0 ? { image: images } : {}),
      // Only with reviews of this listing: Google rejects an AggregateRating with a count of 0.
      ...aggregateRatingJsonLd(row.rating),
      ...(row.reviews.length > 0 ? { review: reviewJsonLd(row.reviews) } : {}),
      offers: {
        "@type": "Offer",
        url: canonical,
        price: cost.amount,
        priceCurrency: cost.code,
        availability,
        ...(condition ? { itemCondition: condition } : {}),
        seller: { "@type": "Person", name: row.seller, url: sellerUrl },
        availableAtOrFrom: { "@type": "Place", name: row.location },
      },
    };
    const state =
      row.status === 2 ? "Paused by the seller: out of stock for now" : inStock ? "For sale" : "Sold out";
    const sales = Number(row.sales);
    const sellerRated = ratingText(row.seller_rating);
    const body = html`${trail.nav}
<article>
<h1>${row.title}</h1>
${
  images.length > 0
    ? html`<div class="gallery">${images.map(
        (src, i) =>
          html`<img src="${src}" alt="${i === 0 ? row.title : `${row.title}, picture ${i + 1}`}" width="480" height="360"${i > 0 ? html` loading="lazy"` : ""}>`,
      )}</div>`
    : ""
}
<p class="price">${formatPrice(site, row.price, row.currency)}</p>
<p><span class="state">${state}</span></p>
${row.description ? html`<p class="description">${row.description}</p>` : html`<p class="muted">The seller's description has not reached this node yet.</p>`}
<dl class="facts">
<dt>In stock</dt><dd>${row.stock}</dd>
<dt>Condition</dt><dd>${row.condition ?? "not stated"}</dd>
<dt>Category</dt><dd><a href="${categoryPath(row.category)}">${row.category}</a></dd>
<dt>Location</dt><dd>${row.location}</dd>
<dt>Seller</dt><dd><a href="/seller/${row.seller}">${row.seller}</a></dd>
<dt>Seller's record</dt><dd data-seller-rating="${row.seller_rating.average ?? ""}">${sales === 1 ? "1 completed sale" : `${sales} completed sales`}; ${sellerRated ? `rated ${sellerRated}` : "no reviews yet"}</dd>
<dt>Payment</dt><dd>${row.escrow_required ? "through escrow only" : "direct or through escrow"}</dd>
<dt>Listed</dt><dd><time datetime="${isoDate(row.created_time)}">${isoDate(row.created_time).slice(0, 10)}</time></dd>
<dt>Contract</dt><dd>${row.address}</dd>
</dl>
<p>To buy, open this page with a wallet: the marketplace app loads here when JavaScript is on.</p>
<section aria-labelledby="reviews">
<h2 id="reviews">Reviews of this listing</h2>
${renderRating(row.rating)}
${row.reviews.length > 0 ? renderReviews(row.reviews, { withListing: false }) : ""}
</section>
</article>`;
    return {
      version,
      body: renderDocument(
        site,
        {
          title: row.title,
          description: `${formatPrice(site, row.price, row.currency)} · ${state} · ${description}`,
          canonical,
          type: "product",
          image: images[0],
          imageAlt: row.title,
          price: { amount: cost.amount, currency: cost.code },
          jsonLd: [product, trail.jsonLd],
        },
        body,
      ),
    };
  },
};

/** `electronics/cameras` → electronics, electronics/cameras: each level is a category page. */
export function categoryCrumbs(category: string): { name: string; path: string }[] {
  const parts = category.split("/").filter(Boolean);
  return parts.map((_, i) => {
    const sub = parts.slice(0, i + 1).join("/");
    return { name: sub, path: categoryPath(sub) };
  });
}
