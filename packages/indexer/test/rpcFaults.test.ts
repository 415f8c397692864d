import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { toEventSelector } from "viem";
import { digestTables } from "../src/index.ts";
import { startChain, type TestChain, trade } from "./helpers/chain.ts";
import { pgliteDatabase } from "./helpers/databases.ts";
import { testIndexer } from "./helpers/indexer.ts";
import { type FaultKind, startRpcProxy } from "./helpers/rpcProxy.ts";

const ORDER_SHIPPED = toEventSelector("OrderShipped(uint256,bytes32,uint256)");

describe("a faulty RPC", () => {
  let chain: TestChain;
  let clean: Record<string, string>;
  before(async () => {
    chain = await startChain();
    await trade(chain, 5);
    const db = await pgliteDatabase();
    const indexer = testIndexer(chain.rpcUrl, chain.deployment, db.config);
    try {
      await indexer.backfill();
      clean = await digestTables(indexer);
    } finally {
      await indexer.stop();
      await db.drop();
    }
  });
  after(async () => {
    await chain?.stop();
  });

  test("errors, timeouts and malformed logs are retried with backoff and no block is skipped", async () => {
    const kinds: FaultKind[] = [
      "http503",
      "rpcError",
      "rangeLimit",
      "timeout",
      "truncated",
      "badLog",
      "badData",
    ];
    const proxy = await startRpcProxy(chain.rpcUrl, { rate: 0.5, kinds, seed: 7, timeoutMs: 600 });
    const db = await pgliteDatabase();
    // One block per request, mostly below the finality depth: many requests, so every kind of fault lands.
    const indexer = testIndexer(proxy.url, chain.deployment, db.config, {
      maxBlockRange: 1,
      finality: 2,
      requestTimeoutMs: 300,
    });
    try {
      await indexer.backfill();
      assert.deepEqual(await digestTables(indexer), clean, "same tables as without faults");
      const progress = indexer.progress();
      assert.ok(progress.retries > 0, "retries reported");
      assert.equal(progress.undecodableLogs, 0, "damaged reads were not taken for logs on chain");
      for (const kind of kinds) assert.ok(proxy.injected[kind] > 0, `some ${kind} faults were injected`);
    } finally {
      await indexer.stop();
      await proxy.close();
      await db.drop();
    }
  });

  test("a Lantern log that really does not decode is counted, stored in skipped_logs, and skipped", async () => {
    // The same damage on every read looks exactly like a log on chain that does not match the ABI.
    const proxy = await startRpcProxy(chain.rpcUrl, {
      rate: 0,
      kinds: [],
      rewriteLogs: (logs) =>
        logs.map((log) => ((log.topics as string[])[0] === ORDER_SHIPPED ? { ...log, data: "0x1234" } : log)),
    });
    const db = await pgliteDatabase();
    const indexer = testIndexer(proxy.url, chain.deployment, db.config);
    try {
      await indexer.backfill();
      const [row] = await indexer.query<{ n: number; reason: string }>(
        "SELECT count(*)::int AS n, min(reason) AS reason FROM skipped_logs",
      );
      assert.equal(row?.n, 5, "one OrderShipped per round");
      assert.match(row?.reason ?? "", /undecodable OrderShipped/);
      assert.equal(indexer.progress().undecodableLogs, 5);
      const [orders] = await indexer.query<{ n: number }>("SELECT count(*)::int AS n FROM orders");
      assert.equal(orders?.n, 15, "every order still indexed");
    } finally {
      await indexer.stop();
      await proxy.close();
      await db.drop();
    }
  });
});
