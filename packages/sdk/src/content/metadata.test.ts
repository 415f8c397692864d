import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ValidationError } from "../errors/errors.ts";
import { cidOfBytes } from "./cid.ts";
import { encodeListingMetadata, parseListingMetadata } from "./metadata.ts";

const image = cidOfBytes(new Uint8Array([1, 2, 3])).toString();

describe("listing metadata", () => {
  test("a valid document gets its defaults", () => {
    const metadata = parseListingMetadata({
      title: "Nikon D750 body",
      description: "24MP, low shutter count.",
      category: "electronics/cameras",
      condition: "used",
    });
    assert.deepEqual(metadata.images, []);
    assert.deepEqual(metadata.attributes, {});
    assert.equal(metadata.location, undefined);
  });

  test("encodes to bytes and a json-codec CID that depend only on content", () => {
    const document = {
      title: "Lamp",
      description: "Brass desk lamp",
      category: "home/lighting",
      images: [image, "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"],
      condition: "refurbished" as const,
      location: "Lisbon",
      attributes: { brand: "Anglepoise", height: 45, working: true },
    };
    const a = encodeListingMetadata(document);
    const b = encodeListingMetadata({
      ...document,
      attributes: { working: true, height: 45, brand: "Anglepoise" },
    });
    assert.ok(a.cid.equals(b.cid));
    assert.deepEqual(parseListingMetadata(JSON.parse(new TextDecoder().decode(a.bytes))), document);
  });

  test("lists every problem of an invalid document", () => {
    assert.throws(
      () =>
        parseListingMetadata({
          title: "é".repeat(71),
          description: "",
          category: "",
          images: ["not-a-cid"],
          condition: "mint",
        }),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.shortMessage, "The listing metadata is not valid.");
        for (const path of ["title", "category", "images", "condition"])
          assert.match(error.details, new RegExp(path));
        assert.match(error.details, /at most 140 bytes/);
        assert.match(error.details, /must be a CID/);
        return true;
      },
    );
  });
});
