import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { archiveLeaf } from "@lantern/sdk";
import { databaseTargets } from "../../indexer/test/helpers/databases.ts";
import { testIndexer } from "../../indexer/test/helpers/indexer.ts";
import { get, JPEG, PNG, SEARCH_PARAMS, useFixture } from "./helpers/fixture.ts";

for (const target of databaseTargets()) {
  describe(`API routes on ${target.name}`, () => {
    const f = useFixture(target);

    const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

    test("GET /listings finds by title, category and description words, best match first", async () => {
      const byTitle = await get(f.app, "/listings?q=nikon");
      assert.equal(byTitle.status, 200);
      assert.deepEqual(titles(byTitle.body), ["Nikon D750 camera body"]);
      assert.equal(byTitle.body.sort, "relevance");
      const byDescription = await get(f.app, "/listings?q=linen%20cushions");
      assert.deepEqual(titles(byDescription.body), ["Vintage oak sofa"]);
      const byCategory = await get(f.app, "/listings?q=phones");
      assert.deepEqual(titles(byCategory.body), ["Apple iPhone 12 64GB"]);
    });

    test("GET /listings ranks a title match above a description match", async () => {
      // "theodolite" is only in the bike's description (closed) -> any status; "lamp" in a title and a
      // description: the lamp whose title says it comes first.
      const { body } = await get(f.app, "/listings?q=lamp&status=any");
      assert.equal(body.items[0].title, "Brass desk lamp");
    });

    test("typos and prefixes find listings through the fallback", async () => {
      const typo = await get(f.app, "/listings?q=nikn");
      assert.deepEqual(titles(typo.body), ["Nikon D750 camera body"]);
      assert.match(typo.body.expandedQuery, /nikon/);
      const prefix = await get(f.app, "/listings?q=ipho");
      assert.deepEqual(titles(prefix.body), ["Apple iPhone 12 64GB"]);
      const none = await get(f.app, "/listings?q=zzzzqqq");
      assert.deepEqual(none.body.items, []);
    });

    test("filters: category (with subcategories), price range, location, seller, currency, status, escrow", async () => {
      const electronics = await get(f.app, "/listings?category=electronics&sort=price_asc");
      assert.deepEqual(titles(electronics.body), ["Apple iPhone 12 64GB", "Nikon D750 camera body"]);
      const exact = await get(f.app, "/listings?category=electronics/cameras");
      assert.deepEqual(titles(exact.body), ["Nikon D750 camera body"]);
      const range = await get(f.app, "/listings?minPrice=100000&maxPrice=300000&sort=price_desc");
      assert.deepEqual(titles(range.body), ["Apple iPhone 12 64GB", "Vintage oak sofa"]);
      const lisbon = await get(f.app, "/listings?location=Lisbon&sort=price_asc");
      assert.deepEqual(titles(lisbon.body), ["Vintage oak sofa", "Nikon D750 camera body"]);
      const seller = f.chain.seller.walletClient.account.address;
      const bySeller = await get(f.app, `/listings?seller=${seller}&status=any&limit=100`);
      assert.equal(bySeller.body.items.length, 7);
      const nobody = await get(f.app, `/listings?seller=0x${"12".repeat(20)}`);
      assert.deepEqual(nobody.body.items, []);
      const native = await get(f.app, `/listings?currency=0x${"0".repeat(40)}&limit=100`);
      assert.equal(native.body.items.length, 5);
      const token = await get(f.app, `/listings?currency=0x${"a1".repeat(20)}`);
      assert.deepEqual(token.body.items, []);
      const paused = await get(f.app, "/listings?status=paused");
      assert.deepEqual(titles(paused.body), ["Brass desk lamp"]);
      const closed = await get(f.app, "/listings?status=closed");
      assert.deepEqual(titles(closed.body), ["Road bicycle 56cm"]);
      const active = await get(f.app, "/listings?limit=100");
      assert.equal(active.body.items.length, 5);
      assert.ok(active.body.items.every((i: { status: string }) => i.status === "active"));
      const escrowNotRequired = await get(f.app, "/listings?escrow=false&limit=100");
      assert.equal(escrowNotRequired.body.items.length, 5);
      const escrowRequired = await get(f.app, "/listings?escrow=true");
      assert.deepEqual(escrowRequired.body.items, []);
    });

    test("sorts: newest, price up and down; relevance without words is newest", async () => {
      const newest = await get(f.app, "/listings?status=any&limit=100");
      const blocks = newest.body.items.map((i: { createdBlock: number }) => i.createdBlock);
      assert.deepEqual(
        blocks,
        [...blocks].sort((a, b) => b - a),
      );
      assert.equal(newest.body.sort, "newest");
      const up = await get(f.app, "/listings?sort=price_asc&limit=100");
      const prices = up.body.items.map((i: { price: string }) => BigInt(i.price));
      assert.deepEqual(
        prices,
        [...prices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      const down = await get(f.app, "/listings?sort=price_desc&limit=100");
      assert.deepEqual(
        down.body.items.map((i: { price: string }) => BigInt(i.price)),
        [...prices].reverse(),
      );
      const relevance = await get(f.app, "/listings?sort=relevance");
      assert.equal(relevance.body.sort, "newest");
    });

    test("keyset pagination walks every listing once, for every sort", async () => {
      for (const sort of ["newest", "price_asc", "price_desc"]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `/listings?status=any&limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`;
          const { status, body } = await get(f.app, url);
          assert.equal(status, 200);
          seen.push(...body.items.map((i: { address: string }) => i.address));
          cursor = body.nextCursor;
        } while (cursor);
        assert.equal(seen.length, 7, sort);
        assert.equal(new Set(seen).size, 7, sort);
      }
      const first = await get(f.app, "/listings?q=brass%20OR%20oak%20OR%20nikon%20OR%20iphone&limit=1");
      const seen = [first.body.items[0].address];
      let cursor = first.body.nextCursor;
      while (cursor) {
        const next = await get(
          f.app,
          `/listings?q=brass%20OR%20oak%20OR%20nikon%20OR%20iphone&limit=1&cursor=${cursor}`,
        );
        seen.push(...next.body.items.map((i: { address: string }) => i.address));
        cursor = next.body.nextCursor;
      }
      assert.equal(new Set(seen).size, 3, "three active listings match, each once");
    });

    test("facets count matches by category and price bucket, with the total", async () => {
      const { body } = await get(f.app, "/listings?facets=true&status=any");
      assert.deepEqual(body.total, { count: 7, exact: true });
      const categories = Object.fromEntries(
        body.facets.categories.map((c: { category: string; count: number }) => [c.category, c.count]),
      );
      assert.equal(categories["music/vinyl"], 2);
      assert.equal(categories["electronics/cameras"], 1);
      const buckets = body.facets.prices as { min: string; max: string; count: number }[];
      assert.equal(
        buckets.reduce((n, b) => n + b.count, 0),
        7,
      );
      const sixDigits = buckets.find((b) => b.min === "100000");
      assert.deepEqual(sixDigits && [sixDigits.max, sixDigits.count], ["999999", 3]);
      const filtered = await get(f.app, "/listings?facets=true&q=lamp&status=any");
      assert.equal(filtered.body.total.count, filtered.body.items.length);
    });

    test("GET /listings/:address shows the listing, its verified document and its history", async () => {
      const nikon = f.listings.nikon;
      const { status, body } = await get(
        f.app,
        `/listings/${nikon?.address.toUpperCase().replace("0X", "0x")}`,
      );
      assert.equal(status, 200);
      assert.equal(body.title, nikon?.title);
      assert.equal(body.metadataCid, nikon?.cid);
      assert.match(body.metadata.description, /Full frame DSLR/);
      assert.deepEqual(body.metadata.images, [f.cover]);
      assert.equal(body.cover, f.cover);
      assert.ok(body.history.length >= 1);
      const missing = await get(f.app, `/listings/${f.listings.missing?.address}`);
      assert.equal(missing.body.metadata.state, "pending");
      const image = await get(f.app, `/listings/${f.listings.image?.address}`);
      assert.equal(image.body.metadata.state, "invalid");
      const unknown = await get(f.app, `/listings/0x${"99".repeat(20)}`);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, "not_found");
    });

    test("GET /sellers/:address: listings by status, sales and volume; 404 for a stranger", async () => {
      const seller = f.chain.seller.walletClient.account.address;
      const { status, body } = await get(f.app, `/sellers/${seller}`);
      assert.equal(status, 200);
      assert.deepEqual(body.listings, { total: 7, active: 5, paused: 1, closed: 1, removed: 0 });
      assert.equal(body.recentListings.length, 7);
      // The direct purchase is completed at once; the escrowed sofa is still open.
      assert.deepEqual(body.sales, { completed: 2, refunded: 0, disputed: 0, orders: 3 });
      assert.deepEqual(body.volume, [{ currency: `0x${"0".repeat(40)}`, amount: "570000" }]);
      assert.deepEqual(body.reviews, []);
      assert.deepEqual(body.rating, {
        average: null,
        count: 0,
        stars: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
      });
      const stranger = await get(f.app, `/sellers/0x${"42".repeat(20)}`);
      assert.equal(stranger.status, 404);
    });

    test("reviews: a seller's and a listing's rating and newest reviews, texts from the content store", async () => {
      const seller = f.chain.seller.walletClient.account.address;
      const nikon = f.listings.nikon?.address as string;
      const before = await get(f.app, `/listings/${nikon}`);
      assert.equal(before.status, 200);
      assert.equal(before.body.rating.count, 0);
      assert.equal(before.body.rating.average, null);
      assert.deepEqual(before.body.reviews, []);

      const { text } = await f.review();
      const { status, body } = await get(f.app, `/sellers/${seller}`);
      assert.equal(status, 200);
      assert.deepEqual(body.rating, {
        average: 4,
        count: 1,
        stars: { "1": 0, "2": 0, "3": 0, "4": 1, "5": 0 },
      });
      assert.equal(body.reviews.length, 1);
      const [review] = body.reviews;
      assert.equal(review.orderId, f.orders.completed.toString());
      assert.equal(review.listing, nikon);
      assert.equal(review.listingTitle, "Nikon D750 camera body");
      assert.equal(review.rating, 4);
      assert.equal(review.text, text);
      assert.match(review.textCid, /^bafkrei/);
      assert.equal(typeof review.createdBlock, "number");
      assert.ok(review.createdTime > 1_600_000_000);
      assert.match(review.createdTx, /^0x[0-9a-f]{64}$/);
      // The answer is indexed; its text is in no store, so it is null rather than holding anything up.
      assert.match(review.answer.cid, /^bafkrei/);
      assert.equal(review.answer.text, null);
      assert.ok(review.answer.block >= review.createdBlock);

      const listing = await get(f.app, `/listings/${nikon}`);
      assert.equal(listing.body.rating.count, 1);
      assert.equal(listing.body.rating.average, 4);
      assert.equal(listing.body.sellerRating.count, 1);
      assert.equal(listing.body.reviews[0].text, text);
      // Another of the seller's listings: the seller's rating, none of its own.
      const sofa = await get(f.app, `/listings/${f.listings.sofa?.address}`);
      assert.equal(sofa.body.rating.count, 0);
      assert.equal(sofa.body.sellerRating.average, 4);
      assert.deepEqual(sofa.body.reviews, []);
      // The buyer never sold anything: no seller record at all.
      const buyer = await get(f.app, `/sellers/${f.chain.buyer.walletClient.account.address}`);
      assert.equal(buyer.status, 404);
      assert.equal((await get(f.app, "/sellers/0x123")).body.error.field, "params.address");
    });

    test("GET /orders by buyer and by seller, newest first, paginated", async () => {
      const buyer = f.chain.buyer.walletClient.account.address;
      const seller = f.chain.seller.walletClient.account.address;
      const byBuyer = await get(f.app, `/orders?buyer=${buyer}`);
      assert.deepEqual(
        byBuyer.body.items.map((o: { orderId: string }) => o.orderId),
        [f.orders.completed, f.orders.direct, f.orders.escrowed].map(String),
      );
      const both = await get(f.app, `/orders?buyer=${buyer}&seller=${seller}&limit=2`);
      assert.equal(both.body.items.length, 2);
      const rest = await get(
        f.app,
        `/orders?buyer=${buyer}&seller=${seller}&limit=2&cursor=${both.body.nextCursor}`,
      );
      assert.deepEqual(
        rest.body.items.map((o: { orderId: string }) => o.orderId),
        [String(f.orders.escrowed)],
      );
      assert.equal(rest.body.nextCursor, null);
      const none = await get(f.app, `/orders?seller=${buyer}`);
      assert.deepEqual(none.body.items, []);
      const neither = await get(f.app, "/orders");
      assert.equal(neither.status, 400);
      assert.equal(neither.body.error.field, "query.buyer");
    });

    test("GET /orders/:id carries the settlement offers, the mediator and the events", async () => {
      const { status, body } = await get(f.app, `/orders/${f.orders.escrowed}`);
      assert.equal(status, 200);
      assert.equal(body.state, "shipped");
      assert.equal(body.offers.length, 2);
      assert.deepEqual(
        body.offers.map((o: { buyerBps: unknown }) => Number(o.buyerBps)),
        [3000, 2000],
      );
      assert.equal(body.mediator.address, f.chain.context(3).walletClient.account.address.toLowerCase());
      assert.ok(body.events.some((e: { event: string }) => e.event === "SettlementProposed"));
      const completed = await get(f.app, `/orders/${f.orders.completed}`);
      assert.equal(completed.body.state, "completed");
      assert.equal(completed.body.completedByBuyer, true);
      assert.equal((await get(f.app, "/orders/999999")).status, 404);
      assert.equal((await get(f.app, "/orders/-1")).status, 400);
    });

    test("GET /health reports chain head, indexed head and lag", async () => {
      const { status, body } = await get(f.app, "/health");
      assert.equal(status, 200);
      const head = Number(await f.chain.publicClient.getBlockNumber());
      assert.equal(body.chainHead, head);
      assert.ok(body.indexedHead <= head && body.indexedHead >= head - 1);
      assert.equal(body.lag, body.chainHead - body.indexedHead);
    });

    test("POST /content stores documents and images; GET /ipfs/:cid serves them verified and immutable", async () => {
      const doc = {
        title: "Walnut chess set",
        description: "Hand carved, weighted pieces.",
        category: "toys/misc",
        condition: "new",
      };
      const posted = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify(doc),
      });
      assert.equal(posted.statusCode, 201);
      const { cid } = posted.json();
      const served = await f.app.inject({ method: "GET", url: `/ipfs/${cid}` });
      assert.equal(served.statusCode, 200);
      assert.match(String(served.headers["content-type"]), /^application\/json/);
      assert.match(String(served.headers["cache-control"]), /immutable/);
      assert.equal(served.json().title, doc.title);
      const again = await f.app.inject({
        method: "GET",
        url: `/ipfs/${cid}`,
        headers: { "if-none-match": `"${cid}"` },
      });
      assert.equal(again.statusCode, 304);

      const image = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "image/jpeg" },
        payload: Buffer.from(JPEG),
      });
      assert.equal(image.statusCode, 201);
      const bytes = await f.app.inject({ method: "GET", url: `/ipfs/${image.json().cid}` });
      assert.equal(bytes.headers["content-type"], "image/jpeg");
      assert.deepEqual(new Uint8Array(bytes.rawPayload), JPEG);
    });

    test("uploads whose bytes are not the type they claim are refused with 415; oversize with 413", async () => {
      const lie = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "image/jpeg" },
        payload: Buffer.from(PNG),
      });
      assert.equal(lie.statusCode, 415);
      assert.equal(lie.json().error.field, "body");
      const text = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "image/png" },
        payload: "not a png",
      });
      assert.equal(text.statusCode, 415);
      const html = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "text/html" },
        payload: "<b>hi</b>",
      });
      assert.equal(html.statusCode, 415);
      const none = await f.app.inject({ method: "POST", url: "/content", payload: Buffer.from(PNG) });
      assert.equal(none.statusCode, 415);
      const big = new Uint8Array(f.store.maxImageBytes + 1);
      big.set(PNG);
      const tooBig = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "image/png" },
        payload: Buffer.from(big),
      });
      assert.equal(tooBig.statusCode, 413);
      const jsonTooBig = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ pad: "x".repeat(f.store.maxJsonBytes) }),
      });
      assert.equal(jsonTooBig.statusCode, 413);
      const invalid = await f.app.inject({
        method: "POST",
        url: "/content",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ title: "", category: "x", description: "y", condition: "new" }),
      });
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json().error.field, "body.title");
    });

    test("a stored file whose bytes no longer hash to its CID is never served", async () => {
      const { writeFileSync } = await import("node:fs");
      const stored = await f.store.putImage(new Uint8Array([...PNG, 42, 42]));
      writeFileSync(f.store.pathOf(stored.cid), new Uint8Array([...PNG, 42, 43]));
      const served = await f.app.inject({ method: "GET", url: `/ipfs/${stored.cid}` });
      assert.equal(served.statusCode, 404);
      assert.notEqual(served.headers["content-type"], "image/png");
    });

    test("bad parameters get a 400 naming the field and the rule; unknown routes a 404", async () => {
      const cases: [string, string][] = [
        ["/listings?minPrice=5&maxPrice=4", "query.maxPrice"],
        ["/listings?minPrice=-1", "query.minPrice"],
        ["/listings?sort=cheapest", "query.sort"],
        ["/listings?limit=1000", "query.limit"],
        ["/listings?limit=0", "query.limit"],
        ["/listings?seller=0x12", "query.seller"],
        ["/listings?cursor=garbage!", "query.cursor"],
        ["/listings?cursor=eyJ4IjoxfQ", "query.cursor"],
        ["/listings?status=gone", "query.status"],
        ["/listings?colour=red", "query.colour"],
        ["/listings?q=a&q=b", "query.q"],
        ["/listings?q=%00", "query.q"],
        ["/listings/0xnothex", "params.address"],
        ["/ipfs/notacid", "params.cid"],
        ["/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", "params.cid"],
        ["/orders/1.5", "params.id"],
        ["/sellers/0xnothex", "params.address"],
      ];
      for (const [url, field] of cases) {
        const { status, body } = await get(f.app, url);
        assert.equal(status, 400, url);
        assert.equal(body.error.field, field, url);
        assert.equal(typeof body.error.rule, "string", url);
      }
      assert.equal((await get(f.app, "/nothing")).status, 404);
    });

    test("GET /archive/:legacyId: the record, its document and images, reviews, batch and a proof that verifies", async () => {
      const { status, body } = await get(f.app, "/archive/1001");
      assert.equal(status, 200);
      assert.equal(body.archived, true);
      assert.equal(body.kind, "listing");
      assert.equal(body.legacyId, "1001");
      assert.equal(body.title, "Leica M3 rangefinder");
      assert.equal(body.price, "85000");
      assert.equal(body.currency, "USD");
      assert.equal(body.document.title, "Leica M3 rangefinder");
      assert.equal(body.images.length, 1);
      assert.match(body.images[0].url, /^\/ipfs\/baf/);
      assert.equal((await f.app.inject({ method: "GET", url: body.images[0].url })).statusCode, 200);
      assert.deepEqual(
        body.reviews.map((r: { legacyId: string; rating: number }) => [r.legacyId, r.rating]),
        [["r-1", 5]],
      );
      assert.equal(body.batch.records, 3);
      assert.equal(body.proof.valid, true);
      assert.equal(body.proof.root, body.batch.root);
      const { record } = body.proof;
      assert.equal(archiveLeaf({ ...record, legacyId: BigInt(record.legacyId) }), body.proof.leaf);
      assert.match(body.transaction, /^0x[0-9a-f]{64}$/);
      const text = await get(f.app, "/archive/ab-7");
      assert.equal(text.body.title, "Mountain bike, 21 gears");
      assert.equal(text.body.proof.valid, true);
      const review = await get(f.app, "/archive/r-1?kind=review");
      assert.equal(review.body.listingLegacyId, "1001");
      assert.equal((await get(f.app, "/archive/9999")).status, 404);
      assert.equal((await get(f.app, "/archive/r-1")).status, 404, "r-1 is a review, not a listing");
      assert.equal((await get(f.app, "/archive/1001?kind=shop")).status, 400);
    });

    test("an Archive the index learns of after it started is read back to its first event", async () => {
      const db = await target.create();
      // deploy() makes an Archive of its own; this test's index starts without knowing any.
      const { Archive: _deployed, ...contracts } = f.chain.deployment.contracts;
      const plain = { ...f.chain.deployment, contracts };
      const withArchive = {
        ...plain,
        contracts: { ...plain.contracts, Archive: f.archive as `0x${string}` },
      };
      try {
        const before = testIndexer(f.chain.rpcUrl, plain, db.config);
        await before.backfill();
        assert.deepEqual(
          await before.query("SELECT * FROM archive_records"),
          [],
          "an unknown Archive is foreign",
        );
        await before.stop();
        const after = testIndexer(f.chain.rpcUrl, withArchive, db.config);
        await after.backfill();
        const tables = ["archive_records", "archive_batches", "archive_milestone_events"];
        const digest = async (q: (sql: string) => Promise<unknown[]>) =>
          Promise.all(
            tables.map((t) => q(`SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS d FROM ${t} t`)),
          );
        assert.deepEqual(await digest((sql) => after.query(sql)), await digest((sql) => f.db.query(sql)));
        await after.stop();
      } finally {
        await db.drop();
      }
    });

    test("GET /archive/milestones lists the flagged records", async () => {
      const { status, body } = await get(f.app, "/archive/milestones");
      assert.equal(status, 200);
      assert.deepEqual(
        body.items.map((m: { legacyId: string; label: string }) => [m.legacyId, m.label]),
        [["1001", "first listing"]],
      );
    });

    test("search shows archived legacy listings beside live ones, marked archived", async () => {
      const { body } = await get(f.app, "/listings?q=leica");
      assert.deepEqual(body.items, []);
      assert.deepEqual(
        body.archived.map((a: { legacyId: string; archived: boolean }) => [a.legacyId, a.archived]),
        [["1001", true]],
      );
      const camera = await get(f.app, "/listings?q=camera");
      assert.deepEqual(titles(camera.body), ["Nikon D750 camera body"]);
      assert.deepEqual(
        camera.body.archived.map((a: { title: string }) => a.title),
        ["Leica M3 rangefinder"],
      );
    });

    test("GET /openapi.json documents every route as OpenAPI 3.1", async () => {
      const { status, body } = await get(f.app, "/openapi.json");
      assert.equal(status, 200);
      assert.equal(body.openapi, "3.1.0");
      for (const path of [
        "/listings",
        "/listings/{address}",
        "/sellers/{address}",
        "/orders",
        "/orders/{id}",
        "/disputes",
        "/disputes/{arbitrator}/{id}",
        "/health",
        "/content",
        "/ipfs/{cid}",
      ]) {
        assert.ok(body.paths[path], path);
      }
      const names = body.paths["/listings"].get.parameters.map((p: { name: string }) => p.name);
      for (const name of SEARCH_PARAMS) {
        assert.ok(names.includes(name), name);
      }
    });

    test("CORS, gzip and a per-client rate limit", async () => {
      const cors = await f.app.inject({
        method: "GET",
        url: "/health",
        headers: { origin: "http://dapp.example" },
      });
      assert.equal(cors.headers["access-control-allow-origin"], "http://dapp.example");
      const gz = await f.app.inject({
        method: "GET",
        url: "/openapi.json",
        headers: { "accept-encoding": "gzip" },
      });
      assert.equal(gz.headers["content-encoding"], "gzip");
      const limited = await f.makeApi({ rateLimit: { max: 3 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++)
          statuses.push(
            (await limited.inject({ method: "GET", url: "/health", remoteAddress: "10.0.0.1" })).statusCode,
          );
        assert.deepEqual(statuses, [200, 200, 200, 429]);
        const other = await limited.inject({ method: "GET", url: "/health", remoteAddress: "10.0.0.2" });
        assert.equal(other.statusCode, 200);
      } finally {
        await limited.close();
      }
    });
  });
}
