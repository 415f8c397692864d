import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, beforeEach, describe, test } from "node:test";
import { deflateSync } from "node:zlib";
import { cidOfBytes, cidOfJson } from "@lantern/sdk";
import {
  ContentIntegrityError,
  ContentStore,
  ContentTooLargeError,
  sniffImageType,
  UnsupportedContentTypeError,
} from "../src/index.ts";

/** A real 2x2 RGB PNG. */
function png(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 9, 9, 9]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
const webp = new Uint8Array([
  ...Buffer.from("RIFF"),
  26,
  0,
  0,
  0,
  ...Buffer.from("WEBPVP8L"),
  13,
  0,
  0,
  0,
  0x2f,
]);

describe("ContentStore", () => {
  const root = mkdtempSync(path.join(tmpdir(), "lantern-content-"));
  let store: ContentStore;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(root, "store-"));
    store = new ContentStore({ dir });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test("stores a JSON document under the CID the SDK computes and reads it back", async () => {
    const document = { title: "Nikon D750", price: { amount: "899.00", currency: "USD" }, tags: ["camera"] };
    const stored = await store.putJson(document);
    assert.equal(stored.cid, cidOfJson(document).toString());
    assert.equal(stored.type, "application/json");
    assert.deepEqual(await store.getJson(stored.cid), document);
    const content = await store.get(stored.cid);
    assert.equal(content?.type, "application/json");
    assert.equal(content?.size, stored.size);
  });

  test("stores JPEG, PNG and WebP images under their raw-codec CIDs, typed by their bytes", async () => {
    for (const [bytes, type] of [
      [png(), "image/png"],
      [jpeg, "image/jpeg"],
      [webp, "image/webp"],
    ] as const) {
      const stored = await store.putImage(bytes);
      assert.equal(stored.cid, cidOfBytes(bytes).toString());
      assert.equal(stored.type, type);
      const content = await store.get(stored.cid);
      assert.deepEqual(content?.bytes, new Uint8Array(bytes));
      assert.equal(content?.type, type);
    }
  });

  test("refuses images that are not JPEG, PNG or WebP, whatever they claim", async () => {
    const gif = new TextEncoder().encode("GIF89a....");
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const html = new TextEncoder().encode("<!doctype html><title>x</title>");
    for (const bytes of [gif, svg, html, new Uint8Array(0), new Uint8Array([0xff, 0xd8])]) {
      await assert.rejects(store.putImage(bytes), UnsupportedContentTypeError);
    }
    assert.equal(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47])), undefined);
  });

  test("refuses content over the size limits", async () => {
    const small = new ContentStore({ dir, maxImageBytes: 100, maxJsonBytes: 64, maxRawBytes: 8 });
    const big = new Uint8Array(101);
    big.set([0xff, 0xd8, 0xff]);
    await assert.rejects(small.putImage(big), (error: unknown) => {
      assert.ok(error instanceof ContentTooLargeError);
      assert.equal(error.size, 101);
      assert.equal(error.maxSize, 100);
      return true;
    });
    await assert.rejects(small.putJson({ text: "x".repeat(80) }), ContentTooLargeError);
    await assert.rejects(small.putRaw(new Uint8Array(9)), ContentTooLargeError);
    assert.ok(await small.putImage(big.subarray(0, 100)));
  });

  test("writing the same content twice is a no-op", async () => {
    const first = await store.putJson({ a: 1 });
    const second = await store.putJson({ a: 1 });
    assert.deepEqual(first, second);
    await Promise.all(Array.from({ length: 10 }, () => store.putImage(png())));
    const shard = path.dirname(store.pathOf(first.cid));
    assert.deepEqual(
      readdirSync(shard).filter((name) => name.endsWith(".tmp")),
      [],
    );
  });

  test("never returns bytes that do not hash to the CID, and removes the bad file", async () => {
    const stored = await store.putJson({ title: "original" });
    const file = store.pathOf(stored.cid);
    writeFileSync(file, JSON.stringify({ title: "tampered" }));
    await assert.rejects(store.get(stored.cid), (error: unknown) => {
      assert.ok(error instanceof ContentIntegrityError);
      assert.equal(error.cid, stored.cid);
      return true;
    });
    assert.equal(await store.has(stored.cid), false);
    await store.putJson({ title: "original" });
    assert.deepEqual(await store.getJson(stored.cid), { title: "original" });
  });

  test("answers undefined for content it does not hold", async () => {
    const cid = cidOfJson({ never: "stored" });
    assert.equal(await store.get(cid), undefined);
    assert.equal(await store.getJson(cid), undefined);
    assert.equal(await store.has(cid), false);
  });

  test("refuses names that are not sha2-256 CIDv1s, so no name reaches outside its directory", async () => {
    for (const name of [
      "../../etc/passwd",
      "bafy/../../x",
      "",
      "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
    ]) {
      await assert.rejects(store.get(name));
    }
    const image = await store.putImage(png());
    await assert.rejects(store.getJson(image.cid), /not a JSON document's CID/);
  });

  test("stores opaque bytes and types them on read", async () => {
    const stored = await store.putRaw(new Uint8Array([1, 2, 3]));
    assert.equal(stored.type, "application/octet-stream");
    assert.deepEqual((await store.get(stored.cid))?.bytes, new Uint8Array([1, 2, 3]));
  });

  test("keeps files under <dir>/<last two characters>/<cid>", async () => {
    const stored = await store.putJson({ layout: true });
    assert.equal(store.pathOf(stored.cid), path.join(dir, stored.cid.slice(-2), stored.cid));
  });
});
