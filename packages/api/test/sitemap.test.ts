import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "@lantern/indexer";
import type { FastifyInstance } from "fastify";
import { databaseTargets } from "../../indexer/test/helpers/databases.ts";
import { loadedDatabase } from "../../indexer/test/helpers/loaded.ts";
import { createApi } from "../src/index.ts";
import { checkSitemap } from "./helpers/sitemaps.ts";

const LISTINGS = 120_000;
/** Archived legacy listings: more than one sitemap file's worth. */
const ARCHIVED = 60_000;
const ORIGIN = "https://market.example";

for (const target of databaseTargets()) {
  describe(`sitemaps of ${LISTINGS.toLocaleString("en-US")} listings on ${target.name}`, () => {
    let db: Database;
    let close: (() => Promise<void>) | undefined;
    let app: FastifyInstance;
    before(async () => {
      // The benchmark's loader: COPY in chunks, a share of them paused, closed and removed.
      ({ db, close } = await loadedDatabase(target, { count: LISTINGS, seed: 7, words: 2000 }));
      // Archived listings (every third one known by a text label, the rest by a number), and reviews of
      // them, which have no pages of their own.
      await db.query(
        `INSERT INTO archive_records (block_number, log_index, tx_hash, archive, kind, legacy_id, legacy_label,
           content, summary, batch_id, leaf_index)
         SELECT 1000 + i / 100, i % 100, '0x' || lpad(to_hex(i), 64, '0'), '0x${"aa".repeat(20)}', 0, i,
           CASE WHEN i % 3 = 0 THEN 'old-' || i END, '0x' || lpad('', 64, '0'), '0x', i / 100, i % 100
         FROM generate_series(1, $1::int) AS i`,
        [ARCHIVED],
      );
      await db.query(
        `INSERT INTO archive_records (block_number, log_index, tx_hash, archive, kind, legacy_id, content,
           summary, batch_id, leaf_index, listing_legacy_id, rating)
         SELECT 5000, i, '0x' || lpad(to_hex(i), 64, '0'), '0x${"aa".repeat(20)}', 1, i, '0x', '0x', 9999, i, i, 5
         FROM generate_series(1, 100) AS i`,
      );
      app = await createApi({
        db: { query: (sql, params) => db.query(sql, params) },
        rateLimit: false,
        pages: { publicUrl: ORIGIN },
      });
    });
    after(async () => {
      await app?.close();
      await close?.();
    });

    test("every live listing is in exactly one file, each file within the protocol's limits", async () => {
      const index = await app.inject({ method: "GET", url: "/sitemap.xml" });
      assert.equal(index.statusCode, 200);
      const files = checkSitemap(index.body, "sitemapindex", ORIGIN);
      const listingFiles = files.filter((f) => /\/sitemaps\/listings-\d+\.xml$/.test(f.loc));
      const [live] = await db.query<{ n: number; newest: string }>(
        "SELECT count(*)::int AS n, max(coalesce(updated_time, created_time))::text AS newest FROM listings WHERE status IN (1, 2)",
      );
      const expected = Number(live?.n);
      assert.ok(expected > 100_000, `the load has ${expected} live listings`);
      assert.equal(listingFiles.length, Math.ceil(expected / 50_000));
      const seen = new Set<string>();
      for (const file of listingFiles) {
        const response = await app.inject({ method: "GET", url: new URL(file.loc).pathname });
        assert.equal(response.statusCode, 200);
        const entries = checkSitemap(response.body, "urlset", ORIGIN);
        assert.ok(entries.length > 0);
        // The index's lastmod for a file is its newest entry's.
        const newest = entries.reduce((max, e) => (e.lastmod && e.lastmod > max ? e.lastmod : max), "");
        assert.equal(file.lastmod, newest);
        for (const entry of entries) {
          assert.match(entry.loc, /^https:\/\/market\.example\/listing\/0x[0-9a-f]{40}$/);
          assert.ok(!seen.has(entry.loc), `${entry.loc} is listed once`);
          seen.add(entry.loc);
        }
      }
      assert.equal(seen.size, expected);
      const gone = await db.query<{ address: string }>(
        "SELECT address FROM listings WHERE status IN (3, 4) LIMIT 50",
      );
      assert.ok(gone.length > 0);
      for (const row of gone)
        assert.ok(!seen.has(`${ORIGIN}/listing/${row.address}`), "gone listings are left out");
    });

    test("every archived listing is in exactly one archive file, streamed in files of at most 50,000", async () => {
      const index = await app.inject({ method: "GET", url: "/sitemap.xml" });
      const files = checkSitemap(index.body, "sitemapindex", ORIGIN).filter((f) =>
        /\/sitemaps\/archive-\d+\.xml$/.test(f.loc),
      );
      assert.deepEqual(
        files.map((f) => new URL(f.loc).pathname),
        ["/sitemaps/archive-0.xml", "/sitemaps/archive-1.xml"],
      );
      const seen = new Set<string>();
      const sizes: number[] = [];
      for (const file of files) {
        const response = await app.inject({ method: "GET", url: new URL(file.loc).pathname });
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers["content-type"]), /^application\/xml/);
        const entries = checkSitemap(response.body, "urlset", ORIGIN);
        sizes.push(entries.length);
        for (const entry of entries) {
          assert.match(entry.loc, /^https:\/\/market\.example\/archive\/(old-)?\d+$/);
          assert.ok(!seen.has(entry.loc), `${entry.loc} is listed once`);
          seen.add(entry.loc);
        }
      }
      assert.deepEqual(sizes, [50_000, ARCHIVED - 50_000]);
      assert.ok(seen.has(`${ORIGIN}/archive/old-3`), "a record known by its label is under its label");
      assert.ok(seen.has(`${ORIGIN}/archive/4`), "a record known by a number is under the number");
      assert.ok(!seen.has(`${ORIGIN}/archive/old-1`));
      assert.equal((await app.inject({ method: "GET", url: "/sitemaps/archive-2.xml" })).statusCode, 404);
    });
  });
}
