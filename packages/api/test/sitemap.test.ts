import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "@lantern/indexer";
import type { FastifyInstance } from "fastify";
import { databaseTargets } from "../../indexer/test/helpers/databases.ts";
import { loadedDatabase } from "../../indexer/test/helpers/loaded.ts";
import { createApi } from "../src/index.ts";
import { checkSitemap } from "./helpers/sitemaps.ts";

const LISTINGS = 120_000;
const ORIGIN = "https://market.example";

for (const target of databaseTargets()) {
  describe(`sitemaps of ${LISTINGS.toLocaleString("en-US")} listings on ${target.name}`, () => {
    let db: Database;
    let close: (() => Promise<void>) | undefined;
    let app: FastifyInstance;
    before(async () => {
      // The benchmark's loader: COPY in chunks, a share of them paused, closed and removed.
      ({ db, close } = await loadedDatabase(target, { count: LISTINGS, seed: 7, words: 2000 }));
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
  });
}
