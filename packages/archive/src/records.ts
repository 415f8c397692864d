import {
  ArchiveKind,
  type ArchiveRecord,
  archiveContentDigest,
  encodeLegacyId,
  encodeListingSummary,
  encodeReviewSummary,
} from "@lantern/sdk";
import type { Hex } from "viem";
import type { ListingDocument } from "./documents.ts";
import type { LegacyListing, LegacyReview } from "./fields.ts";

const encoder = new TextEncoder();
/** Summary bytes besides the category and the title: version, date, price, currency, category length. */
const LISTING_SUMMARY_FIXED = 18;
const MAX_SUMMARY = 512;

/** The on-chain record of a listing whose document has CID `cid`. */
export function listingRecord(listing: LegacyListing, document: ListingDocument, cid: string): ArchiveRecord {
  const category = listing.category;
  const room = MAX_SUMMARY - LISTING_SUMMARY_FIXED - encoder.encode(category).length;
  return {
    kind: ArchiveKind.Listing,
    legacyId: encodeLegacyId(listing.id),
    content: archiveContentDigest(cid),
    summary: encodeListingSummary({
      date: listing.createdAt,
      price: listing.price.minor,
      currency: listing.price.currency,
      category,
      title: fitBytes(document.title, room),
    }),
  };
}

/** The on-chain record of a review whose document has CID `cid`. */
export function reviewRecord(review: LegacyReview, reviewer: Hex, cid: string): ArchiveRecord {
  return {
    kind: ArchiveKind.Review,
    legacyId: encodeLegacyId(review.id),
    content: archiveContentDigest(cid),
    summary: encodeReviewSummary({
      listingId: encodeLegacyId(review.listingId),
      date: review.createdAt,
      rating: review.rating,
      reviewer,
    }),
  };
}

/** `text` cut at a character boundary to at most `max` UTF-8 bytes (the full text is in the document). */
export function fitBytes(text: string, max: number): string {
  if (encoder.encode(text).length <= max) return text;
  let out = "";
  let size = 0;
  for (const char of text) {
    const length = encoder.encode(char).length;
    if (size + length > max) break;
    out += char;
    size += length;
  }
  return out;
}
