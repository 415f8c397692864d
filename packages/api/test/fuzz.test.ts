import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { digestTables } from "@lantern/indexer";
import fc from "fast-check";
import { databaseTargets } from "../../indexer/test/helpers/databases.ts";
import { JPEG, PNG, SEARCH_PARAMS, useFixture } from "./helpers/fixture.ts";

const RUNS = Number(process.env.API_FUZZ_RUNS ?? 3000);

/** Every file the content store holds, by name (its CID). */
function storedFiles(dir: string): Set<string> {
  const out = new Set<string>();
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, sub.name))) out.add(file);
  }
  return out;
}

// Filters of /orders and /disputes, and an unknown name, besides the search's own: parameters some
// routes do not take.
const PARAMS = [...SEARCH_PARAMS, "buyer", "party", "state", "arbitrator", "junk"];
const NASTY = [
  "",
  "0",
  "-1",
  "1e3",
  "0x",
  `0x${"f".repeat(40)}`,
  `0x${"g".repeat(40)}`,
  "9".repeat(90),
  "true",
  "relevance",
  "price_asc",
  "any",
  "%00",
  "%ff",
  "%",
  "'; DROP TABLE listings; --",
  "\\",
  "nikon",
  "a:*",
  "!(",
  "&|",
  "eyJzb3J0IjoibmV3ZXN0Iiwia2V5IjoiMSIsImFkZHJlc3MiOiIweDAwIn0",
  "😀",
  "\u0000",
  "ü".repeat(300),
];

const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.bigInt({ min: -10n, max: 2n ** 260n }).map(String),
);
const queryString = fc
  .array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${/^%/.test(v) ? v : encodeURIComponent(v)}`).join("&"));
const pathSegment = fc.oneof(
  value.map(encodeURIComponent),
  fc.constantFrom(`0x${"1".repeat(40)}`, "bagaaiera", "bafkreigh2akiscaildc"),
);
const getRequest = fc.oneof(
  queryString.map((q) => `/listings?${q}`),
  queryString.map((q) => `/orders?${q}`),
  queryString.map((q) => `/disputes?${q}`),
  fc.tuple(pathSegment, pathSegment).map(([a, b]) => `/disputes/${a}/${b}`),
  pathSegment.map((s) => `/listings/${s}`),
  pathSegment.map((s) => `/sellers/${s}`),
  pathSegment.map((s) => `/orders/${s}`),
  pathSegment.map((s) => `/ipfs/${s}`),
  fc.constantFrom("/health", "/openapi.json", "/listings?q=", "/ipfs/", "/listings/"),
);
const upload = fc.record({
  type: fc.constantFrom(
    "application/json",
    "image/png",
    "image/jpeg",
    "image/webp",
    "application/octet-stream",
    "text/plain",
    "",
    "application/json; charset=utf-8",
    "multipart/form-data",
  ),
  body: fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.json().map((j) => new TextEncoder().encode(j)),
    fc.constantFrom(
      PNG,
      JPEG,
      new TextEncoder().encode('{"title":"x","description":"","category":"c","condition":"new"}'),
    ),
    fc
      .record({
        title: fc.string(),
        description: fc.string(),
        category: fc.string(),
        condition: fc.constantFrom("new", "old"),
        images: fc.array(fc.string(), { maxLength: 2 }),
      })
      .map((o) => new TextEncoder().encode(JSON.stringify(o))),
  ),
});

for (const target of databaseTargets()) {
  describe(`API fuzz on ${target.name}`, () => {
    const f = useFixture(target);

    test(`${RUNS} random and malformed GETs and ${Math.round(RUNS / 3)} uploads: a 200 or a 4xx with a JSON error, never a 5xx, and the index unchanged`, async () => {
      const before = await digestTables(f.db);
      const filesBefore = storedFiles(f.store.dir);
      const created = new Set<string>();
      await fc.assert(
        fc.asyncProperty(getRequest, async (url) => {
          const response = await f.app.inject({ method: "GET", url });
          assert.ok(response.statusCode < 500, `${url} -> ${response.statusCode} ${response.body}`);
          if (response.statusCode >= 400) {
            const body = response.json();
            assert.equal(typeof body.error?.code, "string", url);
            if (response.statusCode === 400) assert.equal(typeof body.error.field, "string", url);
          }
        }),
        { numRuns: RUNS, seed: 7 },
      );
      await fc.assert(
        fc.asyncProperty(upload, async ({ type, body }) => {
          const response = await f.app.inject({
            method: "POST",
            url: "/content",
            headers: type ? { "content-type": type } : {},
            payload: Buffer.from(body),
          });
          assert.ok(
            [201, 400, 413, 415].includes(response.statusCode),
            `${type} -> ${response.statusCode} ${response.body}`,
          );
          if (response.statusCode === 201) created.add(response.json().cid);
        }),
        { numRuns: Math.round(RUNS / 3), seed: 11 },
      );
      assert.deepEqual(await digestTables(f.db), before, "the index did not change");
      const filesAfter = storedFiles(f.store.dir);
      for (const file of filesBefore) assert.ok(filesAfter.has(file), `kept ${file}`);
      for (const file of filesAfter)
        assert.ok(filesBefore.has(file) || created.has(file), `only accepted uploads were added: ${file}`);
    });
  });
}
