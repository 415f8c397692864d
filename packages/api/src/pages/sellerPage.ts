import { z } from "zod";
import { notFound } from "../errors.ts";
import type { RatingSummary, ReviewItem } from "../reviews.ts";
import { parse } from "../route.ts";
import { readSeller } from "../routes/sellers.ts";
import { address } from "../validation.ts";
import { html } from "./html.ts";
import { breadcrumbs, renderDocument } from "./layout.ts";
import { type ListedItem, renderItems } from "./listingList.ts";
import type { PageRoute } from "./page.ts";
import { ratingText, renderRating, renderReviews } from "./reviewList.ts";
import { absoluteUrl, formatPrice } from "./site.ts";

const params = z.strictObject({ address });

interface SellerRecord {
  address: string;
  listings: { total: number; active: number; paused: number; closed: number; removed: number };
  recentListings: (ListedItem & { status: string })[];
  sales: { completed: number; refunded: number; disputed: number; orders: number };
  volume: { currency: string; amount: string }[];
  rating: RatingSummary;
  reviews: ReviewItem[];
}

/** `/seller/<address>`: a seller's live listings, trading record, rating and newest reviews. */
export const sellerPage: PageRoute = {
  url: "/seller/:address",
  async render(request, { db, content, site }) {
    const { address: seller } = parse(params, request.params, "params");
    const record = (await readSeller(db, content, seller)) as SellerRecord | undefined;
    if (!record) throw notFound(`The seller ${seller}`);
    const [touched] = await db.query<{ block: string }>(
      `SELECT greatest((SELECT max(updated_block) FROM listings WHERE seller = $1),
                       (SELECT max(updated_block) FROM orders WHERE seller = $1),
                       (SELECT max(updated_block) FROM reviews WHERE seller = $1), 0)::text AS block`,
      [seller],
    );
    // Texts arrive in the content store after their reviews are indexed: the page changes when one does.
    const texts = record.reviews.reduce((n, r) => n + (r.text ? 1 : 0) + (r.answer?.text ? 1 : 0), 0);
    const path = `/seller/${seller}`;
    const canonical = absoluteUrl(site, request, path);
    const live = record.recentListings.filter((l) => l.status === "active" || l.status === "paused");
    const items = renderItems(site, request, live);
    const trail = breadcrumbs([
      { name: site.name, url: absoluteUrl(site, request, "/") },
      { name: `Seller ${seller}`, url: canonical },
    ]);
    const { listings, sales } = record;
    const rated = ratingText(record.rating);
    const summary = `${listings.active} active listings, ${sales.completed} completed sales, ${sales.refunded} refunded, ${sales.disputed} disputed${rated ? `; rated ${rated}` : ""}.`;
    const volume = record.volume.map((v) => formatPrice(site, v.amount, v.currency)).join(", ");
    return {
      version: `${touched?.block ?? "0"}-${texts}`,
      body: renderDocument(
        site,
        {
          title: `Seller ${seller}`,
          description: `Listings and trading record of ${seller} on ${site.name}: ${summary}`,
          canonical,
          type: "profile",
          jsonLd: [
            {
              "@context": "https://schema.org",
              "@type": "ProfilePage",
              url: canonical,
              mainEntity: { "@type": "Person", name: seller, identifier: seller, url: canonical },
            },
            items.jsonLd,
            trail.jsonLd,
          ],
        },
        html`${trail.nav}
<h1>Seller <span class="muted">${seller}</span></h1>
<dl class="facts">
<dt>Listings</dt><dd>${listings.total} (${listings.active} active, ${listings.paused} paused, ${listings.closed} closed, ${listings.removed} removed)</dd>
<dt>Orders</dt><dd>${sales.orders}: ${sales.completed} completed, ${sales.refunded} refunded, ${sales.disputed} disputed</dd>
<dt>Sold</dt><dd>${volume || "nothing yet"}</dd>
<dt>Rating</dt><dd>${rated ?? "no reviews yet"}</dd>
</dl>
<h2>Listings</h2>
${live.length > 0 ? items.list : html`<p>No listing for sale right now.</p>`}
<section aria-labelledby="reviews">
<h2 id="reviews">Reviews</h2>
${renderRating(record.rating)}
${record.reviews.length > 0 ? html`${record.reviews.length < record.rating.count ? html`<p class="muted">The newest ${record.reviews.length}:</p>` : ""}${renderReviews(record.reviews, { withListing: true })}` : ""}
</section>`,
      ),
    };
  },
};
