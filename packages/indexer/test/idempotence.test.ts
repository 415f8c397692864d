import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Hex } from "viem";
import { silentLogger } from "../src/common/logger.ts";
import { digestTables, NonRetryableError, openDatabase } from "../src/index.ts";
import { rollback } from "../src/reorg/rollback.ts";
import { readCheckpoint } from "../src/store/checkpoint.ts";
import { migrate } from "../src/store/migrate.ts";
import { writeRange } from "../src/store/writeRange.ts";
import { startChain, type TestChain, trade } from "./helpers/chain.ts";
import { databaseTargets } from "./helpers/databases.ts";
import { testIndexer } from "./helpers/indexer.ts";

for (const target of databaseTargets()) {
  describe(`idempotence on ${target.name}`, () => {
    let chain: TestChain;
    before(async () => {
      chain = await startChain();
      await trade(chain, 4);
    });
    after(async () => {
      await chain?.stop();
    });

    test("indexing the same blocks again, after rewinding over them, gives identical tables", async () => {
      const db = await target.create();
      try {
        // A finality depth above the chain's height keeps undo information for every block.
        const first = testIndexer(chain.rpcUrl, chain.deployment, db.config, {
          finality: 10_000,
          maxBlockRange: 5,
        });
        const { checkpoint } = await first.backfill();
        const once = await digestTables(first);
        await first.stop();

        const middle = checkpoint / 2n;
        const database = await openDatabase(db.config);
        try {
          const [row] = await database.query<{ hash: Hex }>("SELECT hash FROM blocks WHERE number = $1", [
            middle.toString(),
          ]);
          assert.ok(row, `block ${middle} is remembered`);
          // A range that straddles the middle is undone whole, so the index may rewind a little further.
          const rewound = await rollback(database, { number: middle, hash: row.hash }, async (n) => {
            const block = await chain.publicClient.getBlock({ blockNumber: n });
            return block.hash as Hex;
          });
          assert.ok(rewound.number <= middle && rewound.number < checkpoint);
          assert.equal((await readCheckpoint(database))?.number, rewound.number);
        } finally {
          await database.close();
        }

        const again = testIndexer(chain.rpcUrl, chain.deployment, db.config, { finality: 10_000 });
        const result = await again.backfill();
        assert.ok(result.events > 0, "the rewound blocks were indexed a second time");
        assert.deepEqual(await digestTables(again), once);
        await again.stop();
      } finally {
        await db.drop();
      }
    });

    test("a range that does not start right after the checkpoint is refused, never applied twice", async () => {
      const db = await target.create();
      const database = await openDatabase(db.config);
      try {
        await migrate(database, silentLogger);
        const previous = { number: 10n, hash: `0x${"11".repeat(32)}` as Hex, undoFloor: 10n };
        const header = {
          number: 10n,
          hash: `0x${"22".repeat(32)}` as Hex,
          parentHash: previous.hash,
          timestamp: 1n,
        };
        const decoded = { events: [], skipped: [], newListings: [], foreign: 0 };
        await assert.rejects(
          writeRange(
            database,
            { from: 5n, to: 10n, headers: [header], unfinalized: false, decoded },
            previous,
            20n,
            5,
          ),
          (error: unknown) =>
            error instanceof NonRetryableError && /index is at block 10/.test(error.message),
        );
        assert.equal(await readCheckpoint(database), undefined, "nothing was written");
      } finally {
        await database.close();
        await db.drop();
      }
    });
  });
}
