import type { StoredContent } from "@lantern/content";
import type { Hex } from "viem";
import type { LegacyListing, LegacyReview } from "./fields.ts";
import { scrubText } from "./scrub.ts";

/** A legacy listing as its content document holds it: scrubbed, pseudonymous, with its images' CIDs. */
export interface ListingDocument {
  schema: "lantern/archive/listing@1";
  /** The name of the old marketplace, when the import was given one. */
  source?: string;
  legacyId: string;
  title: string;
  description?: string;
  price: { amount: string; currency: string };
  category: string;
  condition?: string;
  location?: string;
  status?: string;
  /** The seller's pseudonym. */
  seller: Hex;
  /** ISO 8601, UTC. */
  createdAt: string;
  images: { cid: string; type: string; size: number }[];
}

export interface ReviewDocument {
  schema: "lantern/archive/review@1";
  source?: string;
  legacyId: string;
  /** The reviewed listing's legacy id. */
  listingId: string;
  reviewer: Hex;
  seller?: Hex;
  rating: number;
  text?: string;
  createdAt: string;
}

/** How many contact details scrubbing removed from a record's free text. */
export type Scrubbed = number;

export function listingDocument(
  listing: LegacyListing,
  seller: Hex,
  images: readonly StoredContent[],
  source?: string,
): { document: ListingDocument; scrubbed: Scrubbed } {
  let scrubbed = 0;
  const clean = (text: string | undefined) => {
    if (text === undefined) return undefined;
    const result = scrubText(text);
    scrubbed += Object.values(result.removed).reduce((a, b) => a + b, 0);
    return result.text;
  };
  const description = clean(listing.description);
  const location = clean(listing.location);
  const document: ListingDocument = {
    schema: "lantern/archive/listing@1",
    ...(source ? { source } : {}),
    legacyId: listing.id,
    title: clean(listing.title) ?? "",
    ...(description === undefined ? {} : { description }),
    price: { amount: listing.price.amount, currency: listing.price.currency },
    category: listing.category,
    ...(listing.condition ? { condition: listing.condition } : {}),
    ...(location === undefined ? {} : { location }),
    ...(listing.status ? { status: listing.status } : {}),
    seller,
    createdAt: new Date(listing.createdAt * 1000).toISOString(),
    images: images.map(({ cid, type, size }) => ({ cid, type, size })),
  };
  return { document, scrubbed };
}

export function reviewDocument(
  review: LegacyReview,
  reviewer: Hex,
  seller: Hex | undefined,
  source?: string,
): { document: ReviewDocument; scrubbed: Scrubbed } {
  const result = review.text === undefined ? undefined : scrubText(review.text);
  const document: ReviewDocument = {
    schema: "lantern/archive/review@1",
    ...(source ? { source } : {}),
    legacyId: review.id,
    listingId: review.listingId,
    reviewer,
    ...(seller ? { seller } : {}),
    rating: review.rating,
    ...(result ? { text: result.text } : {}),
    createdAt: new Date(review.createdAt * 1000).toISOString(),
  };
  const scrubbed = result ? Object.values(result.removed).reduce((a, b) => a + b, 0) : 0;
  return { document, scrubbed };
}
