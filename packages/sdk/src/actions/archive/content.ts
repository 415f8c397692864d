import { CID } from "multiformats/cid";
import * as Digest from "multiformats/hashes/digest";
import { bytesToHex, type Hex, hexToBytes, isHex } from "viem";
import { JSON_CODEC, parseCid, SHA2_256 } from "../../content/cid.ts";
import { ValidationError } from "../../errors/errors.ts";

/** The CIDv1 (json codec, sha2-256) of a record's document, from the digest that went on chain. */
export function archiveContentCid(digest: Hex): CID {
  if (!isHex(digest) || digest.length !== 66 || /^0x0+$/.test(digest)) {
    throw new ValidationError(`${digest} is not a nonzero bytes32 digest.`);
  }
  return CID.createV1(JSON_CODEC, Digest.create(SHA2_256, hexToBytes(digest)));
}

/** The digest that goes on chain for a record's document: its json-codec sha2-256 CIDv1's digest. */
export function archiveContentDigest(cid: CID | string): Hex {
  const parsed = typeof cid === "string" ? parseCid(cid) : cid;
  if (parsed.version !== 1 || parsed.code !== JSON_CODEC || parsed.multihash.code !== SHA2_256) {
    throw new ValidationError(`${parsed.toString()} is not a json-codec sha2-256 CIDv1.`);
  }
  return bytesToHex(parsed.multihash.digest);
}
