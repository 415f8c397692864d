import type { RatingSummary, ReviewItem } from "../reviews.ts";
import { type Html, html } from "./html.ts";
import { isoDate } from "./site.ts";

/**
 * Who wrote a review, for people and for schema.org: never the buyer's address or anything else that
 * could identify them. The contract lets only the order's buyer review, hence "verified".
 */
export const REVIEW_AUTHOR = "Verified buyer";

/** "4.50 out of 5 from 2 reviews", or undefined without reviews. */
export function ratingText(rating: RatingSummary | null | undefined): string | undefined {
  if (!rating || rating.count === 0 || rating.average === null) return undefined;
  return `${Number(rating.average).toFixed(2)} out of 5 from ${rating.count} ${rating.count === 1 ? "review" : "reviews"}`;
}

function stars(rating: number): Html {
  return html`<span aria-hidden="true">${"★".repeat(rating)}${"☆".repeat(5 - rating)}</span> <span class="muted">${rating} out of 5</span>`;
}

/** The rating line and the count per star, five to one. */
export function renderRating(rating: RatingSummary): Html {
  const text = ratingText(rating);
  if (!text) return html`<p class="rating">No reviews yet.</p>`;
  return html`<p class="rating" data-rating="${Number(rating.average).toFixed(2)}" data-count="${rating.count}"><strong>${text}</strong></p>
<ul class="stars">${["5", "4", "3", "2", "1"].map(
    (n) =>
      html`<li>${n} ${n === "1" ? "star" : "stars"}: ${rating.stars[n as keyof RatingSummary["stars"]] ?? 0}</li>`,
  )}</ul>`;
}

/** The reviews, newest first: rating, date, the listing (when asked), the text and the seller's answer. */
export function renderReviews(reviews: readonly ReviewItem[], options: { withListing: boolean }): Html {
  return html`<ul class="items reviews">${reviews.map(
    (r) =>
      html`<li class="review" data-order="${r.orderId}">${stars(r.rating)} · ${REVIEW_AUTHOR}${
        r.createdTime
          ? html` · <time datetime="${isoDate(r.createdTime)}">${isoDate(r.createdTime).slice(0, 10)}</time>`
          : ""
      }${options.withListing ? html` · <a href="/listing/${r.listing}">${r.listingTitle ?? r.listing}</a>` : ""}
${r.text ? html`<p class="description">${r.text}</p>` : r.textCid ? html`<p class="muted">The text of this review has not reached this node yet.</p>` : ""}
${r.answer ? html`<p class="description"><strong>Seller's answer:</strong> ${r.answer.text ?? html`<span class="muted">not on this node yet</span>`}</p>` : ""}</li>`,
  )}</ul>`;
}

/**
 * schema.org Review objects for a Product: rating, date and text, author a neutral name. Only reviews of
 * this product belong here (Google's rule), so callers pass the listing's own.
 */
export function reviewJsonLd(reviews: readonly ReviewItem[]): unknown[] {
  return reviews.map((r) => ({
    "@type": "Review",
    reviewRating: { "@type": "Rating", ratingValue: r.rating, bestRating: 5, worstRating: 1 },
    author: { "@type": "Person", name: REVIEW_AUTHOR },
    ...(r.createdTime ? { datePublished: isoDate(r.createdTime).slice(0, 10) } : {}),
    ...(r.text ? { reviewBody: r.text } : {}),
  }));
}

/** A Product's aggregateRating, or nothing: Google rejects one with a count of 0. */
export function aggregateRatingJsonLd(rating: RatingSummary | null | undefined): Record<string, unknown> {
  if (!rating || rating.count === 0 || rating.average === null) return {};
  return {
    aggregateRating: {
      "@type": "AggregateRating",
      ratingValue: Number(rating.average),
      reviewCount: rating.count,
      ratingCount: rating.count,
      bestRating: 5,
      worstRating: 1,
    },
  };
}
