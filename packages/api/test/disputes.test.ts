// GET /disputes and GET /disputes/:arbitrator/:id over a real dispute: an escrowed order the buyer
// disputes and the seller answers by paying its fee, so the escrow sends it to the Court (ERC-792 Dispute,
// ERC-1497 Evidence from both sides), indexed from anvil, read on both engines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buy, createListing, dispute, payArbitrationFee } from "@lantern/sdk";
import type { FastifyInstance } from "fastify";
import { startChain, type TestChain } from "../../indexer/test/helpers/chain.ts";
import { databaseTargets, type TestDatabase } from "../../indexer/test/helpers/databases.ts";
import { eventually, testIndexer } from "../../indexer/test/helpers/indexer.ts";
import { createApi } from "../src/index.ts";
import { get } from "./helpers/fixture.ts";

for (const target of databaseTargets()) {
  describe(`disputes on ${target.name}`, () => {
    let chain: TestChain;
    let database: TestDatabase;
    let indexer: ReturnType<typeof testIndexer>;
    let app: FastifyInstance;
    let orderId: bigint;
    let quiet: bigint;
    const court = () => String(chain.deployment.contracts.Court).toLowerCase();
    before(async () => {
      chain = await startChain();
      const { listing } = await createListing(chain.seller, {
        price: 10_000n,
        stock: 5,
        metadataCid: "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea",
        title: "Disputed turntable",
        category: "music/turntables",
        location: "Porto",
      });
      orderId = (await buy(chain.buyer, { listing, escrowed: true })).orderId;
      await dispute(chain.buyer, { orderId, evidence: "/ipfs/buyer-evidence" });
      await payArbitrationFee(chain.seller, { orderId, evidence: "/ipfs/seller-evidence" });
      // An order nobody disputes, to check the party filter leaves it out.
      quiet = (await buy(chain.buyer, { listing, escrowed: true })).orderId;
      database = await target.create();
      indexer = testIndexer(chain.rpcUrl, chain.deployment, database.config);
      await indexer.start();
      await eventually(
        async () =>
          Number((await indexer.query<{ n: number }>("SELECT count(*)::int AS n FROM disputes"))[0]?.n) > 0,
        20_000,
        "the dispute indexed",
      );
      app = await createApi({ db: { query: (sql, params) => indexer.query(sql, params) }, rateLimit: false });
    });
    after(async () => {
      await app?.close();
      await indexer?.stop();
      await database?.drop();
      await chain?.stop();
    });

    test("the list shows the dispute, its order and its meta-evidence", async () => {
      const { status, body } = await get(app, "/disputes");
      assert.equal(status, 200);
      assert.equal(body.items.length, 1);
      const [item] = body.items;
      assert.equal(item.arbitrator, court());
      assert.equal(item.arbitrable, chain.deployment.contracts.Escrow.toLowerCase());
      assert.equal(item.state, "open");
      assert.equal(item.ruling, null);
      assert.equal(item.evidenceGroupId, orderId.toString());
      assert.equal(item.order.orderId, orderId.toString());
      assert.equal(item.order.state, "disputed");
      assert.equal(item.order.buyer, chain.buyer.walletClient.account.address.toLowerCase());
      assert.equal(typeof item.metaEvidence, "string");
      assert.equal(body.nextCursor, null);
    });

    test("filters: a party of the order, the state, the arbitrator", async () => {
      const buyer = chain.buyer.walletClient.account.address;
      const stranger = chain.context(5).walletClient.account.address;
      assert.equal((await get(app, `/disputes?party=${buyer}`)).body.items.length, 1);
      assert.equal((await get(app, `/disputes?party=${stranger}`)).body.items.length, 0);
      assert.equal((await get(app, "/disputes?state=open")).body.items.length, 1);
      assert.equal((await get(app, "/disputes?state=ruled")).body.items.length, 0);
      assert.equal((await get(app, `/disputes?arbitrator=${stranger}`)).body.items.length, 0);
      const none = await get(app, `/orders/${quiet}`);
      assert.equal(none.body.disputeId, null);
    });

    test("one dispute with both sides' evidence, oldest first", async () => {
      const { body: list } = await get(app, "/disputes");
      const { status, body } = await get(app, `/disputes/${court()}/${list.items[0].disputeId}`);
      assert.equal(status, 200);
      assert.deepEqual(
        body.evidence.map((e: { party: string; evidence: string }) => [e.party, e.evidence]),
        [
          [chain.buyer.walletClient.account.address.toLowerCase(), "/ipfs/buyer-evidence"],
          [chain.seller.walletClient.account.address.toLowerCase(), "/ipfs/seller-evidence"],
        ],
      );
    });

    test("bad input is a 400 naming the field; an unknown dispute is a 404", async () => {
      const cases: [string, string][] = [
        ["/disputes?party=0x12", "query.party"],
        ["/disputes?state=closed", "query.state"],
        ["/disputes?limit=0", "query.limit"],
        ["/disputes?cursor=nope!", "query.cursor"],
        ["/disputes?sort=new", "query"],
        [`/disputes/${court()}/abc`, "params.id"],
        ["/disputes/0xzz/1", "params.arbitrator"],
      ];
      for (const [url, field] of cases) {
        const { status, body } = await get(app, url);
        assert.equal(status, 400, url);
        assert.ok(String(body.error.field).startsWith(field), `${url}: ${body.error.field}`);
      }
      assert.equal((await get(app, `/disputes/${court()}/999`)).status, 404);
    });
  });
}
