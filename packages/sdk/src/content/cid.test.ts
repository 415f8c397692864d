import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CID } from "multiformats/cid";
import * as json from "multiformats/codecs/json";
import { sha256 } from "multiformats/hashes/sha2";
import { ValidationError } from "../errors/errors.ts";
import {
  cidFromDigest,
  cidOfBytes,
  cidOfJson,
  digestFromCid,
  encodeJson,
  JSON_CODEC,
  parseCid,
  RAW_CODEC,
  verifyContent,
} from "./cid.ts";

const hello = new TextEncoder().encode("hello world");

describe("CIDs", () => {
  test("the raw-codec CIDv1 of bytes is the one IPFS gives", () => {
    const cid = cidOfBytes(hello);
    assert.equal(cid.toString(), "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    assert.equal(cid.code, RAW_CODEC);
  });

  test("the bytes32 digest on chain and the CID convert both ways", () => {
    const cid = cidOfBytes(hello);
    const digest = digestFromCid(cid);
    assert.equal(digest, "0xb94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    assert.ok(cidFromDigest(digest).equals(cid));
    assert.equal(digestFromCid(cid.toString()), digest);
  });

  test("only raw-codec sha2-256 CIDv1s have a digest that stands alone", () => {
    assert.throws(() => digestFromCid("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"), ValidationError);
    assert.throws(() => digestFromCid(cidOfJson({ a: 1 })), /not a raw-codec sha2-256 CIDv1/);
    assert.throws(() => cidFromDigest(`0x${"0".repeat(64)}`), /zero digest/);
    assert.throws(() => cidFromDigest("0x1234"), /not a bytes32/);
  });

  test("JSON documents hash the same whatever the order of their keys", async () => {
    const a = encodeJson({ title: "Lamp", nested: { b: 2, a: 1 }, list: [{ y: 1, x: 2 }] });
    const b = encodeJson({ list: [{ x: 2, y: 1 }], nested: { a: 1, b: 2 }, title: "Lamp" });
    assert.ok(a.cid.equals(b.cid));
    assert.equal(
      new TextDecoder().decode(a.bytes),
      '{"list":[{"x":2,"y":1}],"nested":{"a":1,"b":2},"title":"Lamp"}',
    );
    assert.equal(a.cid.code, JSON_CODEC);
    const expected = CID.createV1(json.code, await sha256.digest(a.bytes));
    assert.ok(a.cid.equals(expected), "matches multiformats' own hashing");
  });

  test("JSON drops undefined properties and refuses what JSON cannot hold", () => {
    assert.ok(cidOfJson({ a: 1, b: undefined }).equals(cidOfJson({ a: 1 })));
    assert.throws(() => encodeJson({ n: Number.NaN }), /\$\.n is NaN/);
    assert.throws(() => encodeJson({ n: 1n }), /\$\.n is a bigint/);
    assert.throws(() => encodeJson({ d: new Date(0) }), /\$\.d is a object/);
  });

  test("content is verified against its CID", () => {
    const cid = cidOfBytes(hello);
    assert.equal(verifyContent(cid, hello), true);
    assert.equal(verifyContent(cid.toString(), new TextEncoder().encode("hello world!")), false);
    const { bytes, cid: docCid } = encodeJson({ a: 1 });
    assert.equal(verifyContent(docCid, bytes), true);
  });

  test("parseCid reads CIDv0 and CIDv1 and rejects anything else", () => {
    assert.equal(parseCid("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG").version, 0);
    assert.equal(parseCid("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e").version, 1);
    assert.throws(() => parseCid("not-a-cid"), {
      name: "ValidationError",
      shortMessage: '"not-a-cid" is not a CID.',
    });
  });
});
