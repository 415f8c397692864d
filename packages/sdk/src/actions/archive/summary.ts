import { bytesToHex, concat, type Hex, hexToBytes, numberToHex, padHex, size, stringToBytes } from "viem";
import { ValidationError } from "../../errors/errors.ts";

/** A record's kind, with the values of `Archive.KIND_LISTING` and `KIND_REVIEW`. */
export const ArchiveKind = { Listing: 0, Review: 1 } as const;
export type ArchiveKind = (typeof ArchiveKind)[keyof typeof ArchiveKind];

/** The summary formats this SDK writes and reads (the first byte of the packed part). */
const VERSION = 1;
/** `Archive.MAX_SUMMARY`. */
export const MAX_LISTING_SUMMARY = 512;

/** What a listing's on-chain summary holds: enough to show and search it without its document. */
export interface ListingSummary {
  /** When the listing was first posted, unix seconds. */
  date: number;
  /** Price in the currency's minor units (cents for USD). */
  price: bigint;
  /** ISO 4217 code, three upper-case letters. */
  currency: string;
  category: string;
  title: string;
}

/** What a review's on-chain summary holds. */
export interface ReviewSummary {
  /** The reviewed listing's encoded legacy id (`encodeLegacyId`). */
  listingId: bigint;
  /** When the review was written, unix seconds. */
  date: number;
  /** 1 to 5. */
  rating: number;
  /** The reviewer's pseudonym: 16 bytes of HMAC-SHA256 under the publisher's secret. */
  reviewer: Hex;
}

/**
 * Packs a listing summary as IArchive documents it: version 1 | date (5) | price (8) | currency (3) |
 * category length (1) | category | title.
 */
export function encodeListingSummary(summary: ListingSummary): Hex {
  const { date, price, currency, category, title } = summary;
  checkDate(date);
  if (price < 0n || price >= 1n << 64n) throw new ValidationError(`Price ${price} does not fit 8 bytes.`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new ValidationError(`"${currency}" is not an ISO 4217 code.`);
  const categoryBytes = stringToBytes(category);
  if (categoryBytes.length > 255) throw new ValidationError("A category has at most 255 bytes.");
  const titleBytes = stringToBytes(title);
  if (titleBytes.length === 0) throw new ValidationError("A listing needs a title.");
  const packed = concat([
    numberToHex(VERSION, { size: 1 }),
    numberToHex(date, { size: 5 }),
    numberToHex(price, { size: 8 }),
    bytesToHex(stringToBytes(currency)),
    numberToHex(categoryBytes.length, { size: 1 }),
    bytesToHex(categoryBytes),
    bytesToHex(titleBytes),
  ]);
  if (size(packed) > MAX_LISTING_SUMMARY) {
    throw new ValidationError(
      `The listing summary has ${size(packed)} bytes; at most ${MAX_LISTING_SUMMARY}.`,
    );
  }
  return packed;
}

export function decodeListingSummary(summary: Hex): ListingSummary {
  const bytes = hexToBytes(summary);
  if (bytes.length < 19 || bytes[0] !== VERSION)
    throw new ValidationError("Not a version 1 listing summary.");
  const categoryLength = bytes[17] ?? 0;
  if (18 + categoryLength >= bytes.length) throw new ValidationError("The listing summary is truncated.");
  const text = new TextDecoder();
  return {
    date: Number(readUint(bytes, 1, 5)),
    price: readUint(bytes, 6, 8),
    currency: text.decode(bytes.subarray(14, 17)),
    category: text.decode(bytes.subarray(18, 18 + categoryLength)),
    title: text.decode(bytes.subarray(18 + categoryLength)),
  };
}

/**
 * Packs a review summary, exactly 64 bytes: listing id (32) | version 1 | date (5) | rating (1) |
 * reviewer (16) | zero (9). Its second word is `ReviewArchived`'s `review`.
 */
export function encodeReviewSummary(summary: ReviewSummary): Hex {
  const { listingId, date, rating, reviewer } = summary;
  checkDate(date);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new ValidationError(`Rating ${rating} is not a whole number from 1 to 5.`);
  }
  if (size(reviewer) !== 16) throw new ValidationError("A reviewer pseudonym has 16 bytes.");
  if (listingId <= 0n || listingId >> 256n !== 0n)
    throw new ValidationError("The listing id is out of range.");
  return concat([
    numberToHex(listingId, { size: 32 }),
    numberToHex(VERSION, { size: 1 }),
    numberToHex(date, { size: 5 }),
    numberToHex(rating, { size: 1 }),
    reviewer,
    padHex("0x", { size: 9 }),
  ]);
}

export function decodeReviewSummary(summary: Hex): ReviewSummary {
  const bytes = hexToBytes(summary);
  if (bytes.length !== 64 || bytes[32] !== VERSION)
    throw new ValidationError("Not a version 1 review summary.");
  return {
    listingId: readUint(bytes, 0, 32),
    date: Number(readUint(bytes, 33, 5)),
    rating: bytes[38] ?? 0,
    reviewer: bytesToHex(bytes.subarray(39, 55)),
  };
}

function readUint(bytes: Uint8Array, offset: number, length: number): bigint {
  let value = 0n;
  for (let i = offset; i < offset + length; i++) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

function checkDate(date: number) {
  if (!Number.isInteger(date) || date < 0 || date >= 2 ** 40) {
    throw new ValidationError(`Date ${date} is not unix seconds that fit 5 bytes.`);
  }
}
