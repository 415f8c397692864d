import { JSON_CODEC, parseCid, RAW_CODEC, SHA2_256 } from "@lantern/sdk";
import { z } from "zod";

/** An EVM address in any case; lower-cased, as the index stores them. */
export const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address")
  .transform((value) => value.toLowerCase());

/** A non-negative integer as a decimal string (uint256 values never travel as JSON numbers). */
export const uint = z
  .string()
  .regex(/^\d{1,78}$/, { message: "must be a whole number in decimal digits (at most 78)", abort: true })
  .refine((value) => /^\d+$/.test(value) && BigInt(value) < 2n ** 256n, "must fit in a uint256")
  .transform((value) => BigInt(value).toString());

/** Text a client may send: no control characters (PostgreSQL text cannot even hold NUL). */
export const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");

export const bool = z.enum(["true", "false"], "must be true or false").transform((value) => value === "true");

/** A CID the content store can hold: CIDv1, sha2-256, json or raw codec. Canonical (base32) form out. */
export const storeCid = z.string().transform((value, ctx) => {
  try {
    const cid = parseCid(value);
    if (
      cid.version === 1 &&
      cid.multihash.code === SHA2_256 &&
      (cid.code === JSON_CODEC || cid.code === RAW_CODEC)
    ) {
      return cid.toString();
    }
  } catch {}
  ctx.addIssue({ code: "custom", message: "must be a sha2-256 CIDv1 (json or raw codec)" });
  return z.NEVER;
});

export const limit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, `must be a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `must be a whole number from 1 to ${max}`)
    .optional()
    .transform((n) => n ?? fallback);
