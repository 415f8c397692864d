import { z } from "zod";
import { ValidationError } from "../errors/errors.ts";
import { encodeJson, parseCid } from "./cid.ts";

const utf8 = new TextEncoder();
/** A string whose UTF-8 length fits `max` bytes: the contracts limit bytes, not characters. */
const text = (min: number, max: number) =>
  z
    .string()
    .refine((value) => utf8.encode(value).length >= min, { message: `must not be empty` })
    .refine((value) => utf8.encode(value).length <= max, {
      message: `must be at most ${max} bytes of UTF-8`,
    });

const cid = z.string().refine(
  (value) => {
    try {
      parseCid(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a CID" },
);

/** Item conditions, as schema.org's `OfferItemCondition` names them (NewCondition, UsedCondition, ...). */
export const listingConditions = ["new", "used", "refurbished", "damaged"] as const;

/**
 * The listing metadata document, stored content-addressed (json codec); its CID goes on chain with the
 * listing. Title, category and location repeat the on-chain summary and keep its byte limits.
 */
export const listingMetadataSchema = z.object({
  title: text(1, 140),
  description: text(0, 20_000),
  category: text(1, 64),
  /** CIDs of the images, first one the cover. */
  images: z.array(cid).max(24).default([]),
  condition: z.enum(listingConditions),
  location: text(0, 100).optional(),
  /** Free-form facts: brand, model, size, colour... */
  attributes: z.record(text(1, 64), z.union([text(0, 500), z.number(), z.boolean()])).default({}),
});

/** A validated listing metadata document. */
export type ListingMetadata = z.output<typeof listingMetadataSchema>;
/** What `encodeListingMetadata` accepts (defaults not yet applied). */
export type ListingMetadataInput = z.input<typeof listingMetadataSchema>;

/** Validates a listing metadata document; throws a `ValidationError` that lists every problem. */
export function parseListingMetadata(value: unknown): ListingMetadata {
  const result = listingMetadataSchema.safeParse(value);
  if (!result.success) {
    throw new ValidationError("The listing metadata is not valid.", {
      details: z.prettifyError(result.error),
    });
  }
  return result.data;
}

/** Validates listing metadata and encodes it for the content store: its bytes and its CID. */
export function encodeListingMetadata(metadata: ListingMetadataInput) {
  return encodeJson(parseListingMetadata(metadata));
}
