import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Database, readSearchWindow, rollSearchWindow } from "../src/index.ts";
import { databaseTargets } from "./helpers/databases.ts";
import { loadedDatabase } from "./helpers/loaded.ts";

const LISTINGS = 2_000;

async function windowIndexes(db: Database): Promise<{ name: string; definition: string }[]> {
  return db.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND indexname LIKE 'listings_search_recent_%' ORDER BY indexname`,
  );
}

for (const target of databaseTargets()) {
  describe(`the search window on ${target.name}`, () => {
    let db: Database;
    let close: (() => Promise<void>) | undefined;
    before(async () => {
      // A target the load never reaches, so the tests below move the window themselves.
      ({ db, close } = await loadedDatabase(target, {
        count: LISTINGS,
        seed: 5,
        words: 300,
        searchWindow: LISTINGS,
      }));
    });
    after(async () => {
      await close?.();
    });

    test("no window while the listings are fewer than twice the target", async () => {
      assert.equal(await rollSearchWindow(db, { target: LISTINGS / 2 }), undefined);
      assert.equal(await readSearchWindow(db), undefined);
      assert.deepEqual(await windowIndexes(db), []);
    });

    test("a window starts at the first block of the newest `target` listings, with its own partial index", async () => {
      const moved = await rollSearchWindow(db, { target: 400 });
      assert.ok(moved);
      const [newest] = await db.query<{ block: string }>(
        "SELECT created_block::text AS block FROM listings ORDER BY created_block DESC, address DESC OFFSET 399 LIMIT 1",
      );
      assert.equal(moved.firstBlock.toString(), newest?.block);
      assert.deepEqual(await readSearchWindow(db), moved);
      const indexes = await windowIndexes(db);
      assert.deepEqual(
        indexes.map((i) => i.name),
        [moved.indexName],
      );
      assert.match(
        indexes[0]?.definition ?? "",
        new RegExp(`USING gin \\(search\\) WHERE \\(created_block >= ${moved.firstBlock}\\)`),
      );
      // Not full yet (400..800 listings past it): it stays.
      assert.equal(await rollSearchWindow(db, { target: 400 }), undefined);
    });

    test("it moves when more than twice the target are past it, and the old index goes", async () => {
      const before = await readSearchWindow(db);
      assert.ok(before);
      const moved = await rollSearchWindow(db, { target: 100 });
      assert.ok(moved);
      assert.ok(moved.firstBlock > before.firstBlock);
      assert.deepEqual(
        (await windowIndexes(db)).map((i) => i.name),
        [moved.indexName],
      );
      assert.deepEqual(await readSearchWindow(db), moved);
    });

    test("a bad target is refused before anything changes", async () => {
      const before = await readSearchWindow(db);
      await assert.rejects(rollSearchWindow(db, { target: 0 }), RangeError);
      await assert.rejects(rollSearchWindow(db, { target: 1.5 }), RangeError);
      assert.deepEqual(await readSearchWindow(db), before);
    });
  });
}
