import { sha256 } from "@noble/hashes/sha2.js";
import { CID } from "multiformats/cid";
import * as json from "multiformats/codecs/json";
import * as raw from "multiformats/codecs/raw";
import * as Digest from "multiformats/hashes/digest";
import { bytesToHex, type Hex, hexToBytes, isHex } from "viem";
import { ValidationError } from "../errors/errors.ts";

/** Multicodec of raw bytes (0x55): encrypted shipping details, tracking details, images. */
export const RAW_CODEC = raw.code;
/** Multicodec of JSON documents (0x0200): listing metadata, evidence. */
export const JSON_CODEC = json.code;
/** Multihash code of sha2-256, the only hash Lantern's digests use. */
export const SHA2_256 = 0x12;

/** The CIDv1 (raw codec, sha2-256) of some bytes. */
export function cidOfBytes(bytes: Uint8Array): CID {
  return CID.createV1(RAW_CODEC, Digest.create(SHA2_256, sha256(bytes)));
}

/**
 * Encodes a JSON document the one way Lantern hashes it (object keys sorted, no whitespace), so anyone
 * recomputes the same CIDv1 (json codec, sha2-256) from the same content.
 */
export function encodeJson(value: unknown): { bytes: Uint8Array; cid: CID } {
  const bytes = json.encode(canonical(value, "$")) as Uint8Array;
  return { bytes, cid: CID.createV1(JSON_CODEC, Digest.create(SHA2_256, sha256(bytes))) };
}

/** The CIDv1 (json codec, sha2-256) of a JSON document, as `encodeJson` encodes it. */
export function cidOfJson(value: unknown): CID {
  return encodeJson(value).cid;
}

/** Reads a CID from its string form (CIDv0 `Qm...` or a multibase CIDv1). */
export function parseCid(value: string): CID {
  try {
    return CID.parse(value);
  } catch (cause) {
    throw new ValidationError(`"${value}" is not a CID.`, { cause });
  }
}

/**
 * The raw-codec CIDv1 whose sha2-256 digest went on chain as a bytes32 (shipping and tracking digests).
 * A zero digest means "nothing" on chain and has no CID.
 */
export function cidFromDigest(digest: Hex): CID {
  if (!isHex(digest) || digest.length !== 66) throw new ValidationError(`${digest} is not a bytes32 digest.`);
  if (/^0x0+$/.test(digest)) throw new ValidationError("A zero digest stands for no content and has no CID.");
  return CID.createV1(RAW_CODEC, Digest.create(SHA2_256, hexToBytes(digest)));
}

/** The bytes32 that goes on chain for a raw-codec, sha2-256 CIDv1 (shipping and tracking details). */
export function digestFromCid(cid: CID | string): Hex {
  const parsed = typeof cid === "string" ? parseCid(cid) : cid;
  if (parsed.version !== 1 || parsed.code !== RAW_CODEC || parsed.multihash.code !== SHA2_256) {
    throw new ValidationError(
      `${parsed.toString()} is not a raw-codec sha2-256 CIDv1, so its digest cannot go on chain alone.`,
    );
  }
  return bytesToHex(parsed.multihash.digest);
}

/** Whether `bytes` are the content `cid` names (sha2-256 CIDs only; any codec). */
export function verifyContent(cid: CID | string, bytes: Uint8Array): boolean {
  const parsed = typeof cid === "string" ? parseCid(cid) : cid;
  if (parsed.multihash.code !== SHA2_256) return false;
  const actual = sha256(bytes);
  const expected = parsed.multihash.digest;
  return actual.length === expected.length && actual.every((byte, i) => byte === expected[i]);
}

function canonical(value: unknown, path: string): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ValidationError(`${path} is ${value}, which JSON cannot hold.`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => canonical(item, `${path}[${i}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = canonical(item, `${path}.${key}`);
    }
    return sorted;
  }
  throw new ValidationError(`${path} is a ${typeof value}, which JSON cannot hold.`);
}
