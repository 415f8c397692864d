// Relevance search with the indexer's recent window (a partial GIN index over the newest listings): page
// one ranks the window's matches and says so in its cursor, later pages stay in it, a word the window
// lacks is still found among older listings, and the window's query really uses the window's index.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Database, readSearchWindow, rollSearchWindow, type SearchWindow } from "@lantern/indexer";
import { databaseTargets } from "../../indexer/test/helpers/databases.ts";
import { loadedDatabase } from "../../indexer/test/helpers/loaded.ts";
import type { ApiDatabase } from "../src/index.ts";
import { searchListings } from "../src/index.ts";

const LISTINGS = 3_000;
type Item = { address: string; createdBlock: number };

for (const target of databaseTargets()) {
  describe(`relevance over the recent window on ${target.name}`, () => {
    let db: Database;
    let close: (() => Promise<void>) | undefined;
    let api: ApiDatabase;
    let window: SearchWindow;
    const sql: string[] = [];
    before(async () => {
      ({ db, close } = await loadedDatabase(target, {
        count: LISTINGS,
        seed: 11,
        words: 5000,
        searchWindow: 600,
      }));
      const moved = await rollSearchWindow(db, { target: 600 });
      // loadListings already moved it; this call finds nothing to do.
      assert.equal(moved, undefined);
      const built = await readSearchWindow(db);
      assert.ok(built, "the load built a window");
      window = built;
      api = {
        query: (text, params) => {
          sql.push(text);
          return db.query(text, params);
        },
      };
    });
    after(async () => {
      await close?.();
    });

    /** A lexeme and how many live listings have it, at or after the window's first block and before it. */
    async function words(fewest = 40): Promise<{ word: string; recent: number; older: number }[]> {
      return db.query(
        `SELECT word, count(*) FILTER (WHERE l.created_block >= $1)::int AS recent,
                count(*) FILTER (WHERE l.created_block < $1)::int AS older
         FROM ts_stat('SELECT search FROM listings WHERE status = 1') s
         JOIN listings l ON l.status = 1 AND l.search @@ to_tsquery('simple', s.word)
         WHERE s.word ~ '^[a-z]{5,}$' AND s.ndoc BETWEEN $2 AND 400
         GROUP BY word`,
        [window.firstBlock.toString(), fewest],
      );
    }

    test("page one ranks the window's matches with the window's index, and the pages after it stay there", async () => {
      const word = (await words()).find((w) => w.recent > 45 && w.older > 0);
      assert.ok(word, "a word with more than two pages of recent matches");
      sql.length = 0;
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < 2; page++) {
        const result = await searchListings(api, {
          q: word.word,
          status: "active",
          limit: 20,
          facets: false,
          cursor,
        });
        assert.equal(result.items.length, 20);
        for (const item of result.items as Item[]) {
          assert.ok(BigInt(item.createdBlock) >= window.firstBlock, `${item.address} is in the window`);
          assert.ok(!seen.has(item.address), `${item.address} appears once`);
          seen.add(item.address);
        }
        cursor = result.nextCursor ?? undefined;
        assert.ok(cursor);
      }
      const windowed = sql.find((s) => s.includes(`created_block >= ${window.firstBlock}`));
      assert.ok(windowed, "the window's block is in the query as a literal");
      const [plan] = await db
        .query<Record<string, string>>(
          `EXPLAIN ${windowed.replaceAll(/\$(\d+)/g, (_, n) => ["", `'${word.word}'::text`, "21"][Number(n)] ?? "NULL")}`,
        )
        .then((rows) => [rows.map((r) => Object.values(r)[0]).join("\n")]);
      assert.match(plan ?? "", new RegExp(window.indexName), "the plan reads the window's partial index");
    });

    test("a word the window does not have is found among older listings", async () => {
      const word = (await words(1)).find((w) => w.recent === 0 && w.older > 0);
      assert.ok(word, "a word only older listings have");
      const result = await searchListings(api, { q: word.word, status: "active", limit: 20, facets: false });
      assert.equal(result.items.length, Math.min(20, word.older));
      for (const item of result.items as Item[]) assert.ok(BigInt(item.createdBlock) < window.firstBlock);
    });

    test("a word with fewer matches in the window than a page widens to every listing", async () => {
      const word = (await words(1)).find((w) => w.recent > 0 && w.recent < 20 && w.older > 20 - w.recent);
      assert.ok(word, "a word the window has a few of");
      const result = await searchListings(api, { q: word.word, status: "active", limit: 20, facets: false });
      assert.equal(result.items.length, 20);
      const blocks = (result.items as Item[]).map((i) => BigInt(i.createdBlock));
      assert.ok(
        blocks.some((b) => b < window.firstBlock),
        "older listings fill the page",
      );
    });
  });
}
