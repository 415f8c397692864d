import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createListing, encodeListingMetadata, updateListing } from "@lantern/sdk";
import { databaseTargets } from "../../indexer/test/helpers/databases.ts";
import { eventually } from "../../indexer/test/helpers/indexer.ts";
import { createWebHandler } from "../../web/server/webHandler.ts";
import { type Fixture, startFixture } from "./helpers/fixture.ts";
import { attr, parsePage, text } from "./helpers/html.ts";
import { checkSitemap, checkXml } from "./helpers/sitemaps.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON-LD documents field by field
type JsonLd = any;

const HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const XSS_TITLE = `<script>alert(1)</script> "><img src=x onerror=alert(2)> </script><!--`;
const XSS_DESCRIPTION = `</script><script>alert(3)</script>"><img src=x onerror=alert(4)>&amp; ' </p></textarea>`;

for (const target of databaseTargets()) {
  describe(`server-rendered pages on ${target.name}`, () => {
    let f: Fixture;
    let xss: string;
    before(async () => {
      f = await startFixture(target);
      const metadata = {
        title: XSS_TITLE,
        description: XSS_DESCRIPTION,
        category: "electronics/cameras",
        condition: "new" as const,
        location: "Lisbon",
        images: [f.cover],
      };
      const { cid, bytes } = encodeListingMetadata(metadata);
      await f.store.putJson(JSON.parse(new TextDecoder().decode(bytes)));
      const { listing } = await createListing(f.chain.seller, {
        price: 1_500_000_000_000_000_000n,
        stock: 2,
        metadataCid: cid.toString(),
        title: XSS_TITLE,
        category: "electronics/cameras",
        location: "Lisbon",
      });
      xss = listing.toLowerCase();
      await eventually(
        async () => {
          const [row] = await f.db.query<{ state: string }>(
            "SELECT m.state FROM listings l JOIN listing_metadata m ON m.cid = l.metadata_cid WHERE l.address = $1",
            [xss],
          );
          return row?.state === "ok";
        },
        20_000,
        "the XSS listing and its document",
      );
    });
    after(async () => {
      await f?.close();
    });

    const page = (url: string, headers: Record<string, string> = {}) =>
      f.app.inject({ method: "GET", url, headers: { accept: HTML, host: "market.test", ...headers } });

    test("a listing page has its title, price, images, stock, seller and state, without JavaScript", async () => {
      const nikon = f.listings.nikon?.address as string;
      const response = await page(`/listing/${nikon}`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers["content-type"]), /^text\/html; charset=utf-8/);
      assert.match(String(response.headers.vary), /Accept/);
      const doc = parsePage(response.body);
      assert.equal(doc.title(), "Nikon D750 camera body · Lantern");
      assert.equal(text(doc.byTag("h1")[0] as never), "Nikon D750 camera body");
      assert.equal(doc.canonical(), `http://market.test/listing/${nikon}`);
      assert.match(doc.meta("description") ?? "", /Full frame DSLR/);
      assert.equal(doc.meta("og:title"), "Nikon D750 camera body");
      assert.equal(doc.meta("og:type"), "product");
      assert.equal(doc.meta("og:image"), `http://market.test/ipfs/${f.cover}`);
      assert.equal(doc.meta("twitter:card"), "summary_large_image");
      assert.equal(doc.meta("product:price:amount"), "0.00000000000045");
      assert.equal(doc.meta("product:price:currency"), "ETH");
      const body = text(doc.byTag("main")[0] as never);
      assert.match(body, /In stock\s*2/); // 3 listed, 1 sold in the fixture
      assert.match(body, /For sale/);
      assert.match(body, /2 completed sales/); // the escrowed order confirmed, and the direct one
      const images = doc.byTag("img");
      assert.equal(attr(images[0] as never, "alt"), "Nikon D750 camera body");
      assert.equal(doc.all((e) => e.tagName === "input" && attr(e, "name") === "q").length, 1);
    });

    test("the listing's JSON-LD has what search engines require for product results", async () => {
      const nikon = f.listings.nikon?.address as string;
      const doc = parsePage((await page(`/listing/${nikon}`)).body);
      const [product, crumbs] = doc.jsonLd() as [JsonLd, JsonLd];
      assert.equal(product["@type"], "Product");
      assert.equal(product.name, "Nikon D750 camera body");
      assert.deepEqual(product.image, [`http://market.test/ipfs/${f.cover}`]);
      assert.equal(product.offers["@type"], "Offer");
      assert.equal(product.offers.price, "0.00000000000045");
      assert.equal(product.offers.priceCurrency, "ETH");
      assert.equal(product.offers.availability, "https://schema.org/InStock");
      assert.equal(product.offers.itemCondition, "https://schema.org/UsedCondition");
      assert.equal(crumbs["@type"], "BreadcrumbList");
      assert.deepEqual(
        crumbs.itemListElement.map((i: { name: string; position: number }) => [i.position, i.name]),
        [
          [1, "Lantern"],
          [2, "electronics"],
          [3, "electronics/cameras"],
          [4, "Nikon D750 camera body"],
        ],
      );
    });

    test("a paused listing stays, marked out of stock", async () => {
      const response = await page(`/listing/${f.listings.lamp?.address}`);
      assert.equal(response.statusCode, 200);
      const doc = parsePage(response.body);
      const [product] = doc.jsonLd() as [JsonLd];
      assert.equal(product.offers.availability, "https://schema.org/OutOfStock");
      assert.match(text(doc.byTag("main")[0] as never), /Paused by the seller/);
    });

    test("a listing closed by its seller answers 410 Gone in HTML, not indexable", async () => {
      const response = await page(`/listing/${f.listings.bike?.address}`);
      assert.equal(response.statusCode, 410);
      const doc = parsePage(response.body);
      assert.equal(doc.meta("robots"), "noindex");
      assert.match(text(doc.byTag("main")[0] as never), /closed by its seller/);
      assert.deepEqual(doc.jsonLd(), []);
    });

    test("an unknown address is a 404 page with a search box; a malformed one a 400 page", async () => {
      const unknown = await page(`/listing/0x${"12".repeat(20)}`);
      assert.equal(unknown.statusCode, 404);
      assert.match(String(unknown.headers["content-type"]), /^text\/html/);
      const doc = parsePage(unknown.body);
      assert.equal(doc.meta("robots"), "noindex");
      assert.equal(attr(doc.byTag("form")[0] as never, "action"), "/search");
      assert.equal(doc.all((e) => e.tagName === "input" && attr(e, "name") === "q").length, 1);
      const malformed = await page("/listing/0x1234%3Cscript%3E");
      assert.equal(malformed.statusCode, 400);
      assert.match(String(malformed.headers["content-type"]), /^text\/html/);
      assert.doesNotMatch(malformed.body, /<script>/);
      assert.match(text(parsePage(malformed.body).byTag("h1")[0] as never), /not valid/);
    });

    test("with the DApp mounted, the page carries its script and styles and the DApp's root holds the page", async () => {
      const web = createWebHandler({
        config: {
          chainId: 31337,
          rpcUrl: "http://127.0.0.1:1",
          devWallet: false,
          deployment: f.chain.deployment,
        },
      });
      const app = await f.makeApi({ web });
      try {
        const nikon = f.listings.nikon?.address as string;
        const response = await app.inject({
          method: "GET",
          url: `/listing/${nikon}`,
          headers: { accept: HTML },
        });
        assert.equal(response.statusCode, 200);
        const doc = parsePage(response.body);
        const module = doc.byTag("script").find((s) => attr(s, "type") === "module");
        assert.match(attr(module as never, "src") ?? "", /^\/assets\/index-[\w-]+\.js$/);
        assert.ok(doc.byTag("link").some((l) => attr(l, "rel") === "stylesheet"));
        const root = doc.all((e) => attr(e, "id") === "root")[0];
        assert.match(text(root as never), /Nikon D750 camera body/);
        // The script it names is served by the same app, so the DApp takes the page over.
        const script = await app.inject({ method: "GET", url: attr(module as never, "src") as string });
        assert.equal(script.statusCode, 200);
        // Paths only the DApp knows still get its index.html.
        const sell = await app.inject({ method: "GET", url: "/sell", headers: { accept: HTML } });
        assert.equal(sell.statusCode, 200);
        assert.match(sell.body, /<div id="root"><\/div>/);
      } finally {
        await app.close();
      }
    });

    test("a client that asks for JSON keeps the API's JSON 404 at a page URL", async () => {
      const response = await page(`/listing/${f.listings.nikon?.address}`, { accept: "application/json" });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().error.code, "not_found");
    });

    test("listing text with script, attribute-breaking and comment sequences renders as inert text", async () => {
      const response = await page(`/listing/${xss}`);
      assert.equal(response.statusCode, 200);
      const doc = parsePage(response.body);
      // The only scripts are JSON-LD; no element got an event handler; the only image is the gallery's.
      assert.deepEqual(
        doc.byTag("script").map((s) => attr(s, "type")),
        ["application/ld+json", "application/ld+json"],
      );
      assert.deepEqual(
        doc.all((e) => e.attrs.some((a) => a.name.startsWith("on"))),
        [],
      );
      assert.deepEqual(
        doc.byTag("img").map((i) => attr(i, "src")),
        [`http://market.test/ipfs/${f.cover}`],
      );
      assert.equal(text(doc.byTag("h1")[0] as never), XSS_TITLE);
      assert.equal(doc.title(), `${XSS_TITLE} · Lantern`);
      assert.equal(doc.meta("og:title"), XSS_TITLE);
      const description = doc.all((e) => attr(e, "class") === "description")[0];
      assert.equal(text(description as never), XSS_DESCRIPTION);
      const [product] = doc.jsonLd() as [JsonLd];
      assert.equal(product.name, XSS_TITLE);
      assert.equal(product.description, XSS_DESCRIPTION);
      assert.equal(product.offers.price, "1.5");
      assert.equal(product.offers.itemCondition, "https://schema.org/NewCondition");
    });

    test("a seller page lists the seller's live listings and trading record", async () => {
      const seller = f.chain.seller.walletClient.account.address.toLowerCase();
      const response = await page(`/seller/${seller}`);
      assert.equal(response.statusCode, 200);
      const doc = parsePage(response.body);
      assert.equal(doc.canonical(), `http://market.test/seller/${seller}`);
      assert.match(doc.title(), new RegExp(`Seller ${seller}`));
      const links = doc.byTag("a").map((a) => attr(a, "href"));
      assert.ok(links.includes(`/listing/${f.listings.nikon?.address}`));
      assert.ok(links.includes(`/listing/${f.listings.lamp?.address}`), "paused listings stay");
      assert.ok(!links.includes(`/listing/${f.listings.bike?.address}`), "closed listings are gone");
      assert.match(text(doc.byTag("main")[0] as never), /2 completed/);
      const types = doc.jsonLd().map((d) => d["@type"]);
      assert.deepEqual(types, ["ProfilePage", "ItemList", "BreadcrumbList"]);
      assert.equal((await page(`/seller/0x${"12".repeat(20)}`)).statusCode, 404);
      assert.equal((await page("/seller/nobody")).statusCode, 400);
    });

    test("ratings: seller and listing pages show them, and AggregateRating is in the JSON-LD only with reviews", async () => {
      const seller = f.chain.seller.walletClient.account.address.toLowerCase();
      const buyer = f.chain.buyer.walletClient.account.address.toLowerCase();
      const nikon = f.listings.nikon?.address as string;
      const sofa = f.listings.sofa?.address as string;
      const products = async (url: string) =>
        parsePage((await page(url)).body)
          .jsonLd()
          .filter((d) => d["@type"] === "Product") as JsonLd[];

      // Without reviews: no rating anywhere, and no AggregateRating (Google rejects one counting 0).
      const [bare] = await products(`/listing/${nikon}`);
      assert.equal(bare.aggregateRating, undefined);
      assert.equal(bare.review, undefined);
      const unrated = parsePage((await page(`/seller/${seller}`)).body);
      assert.match(text(unrated.byTag("main")[0] as never), /Rating\s*no reviews yet/);
      assert.equal(unrated.all((e) => e.attrs.some((a) => a.name === "data-rating")).length, 0);

      const review = await f.review();
      const sellerPage = await page(`/seller/${seller}`);
      assert.equal(sellerPage.statusCode, 200);
      const doc = parsePage(sellerPage.body);
      const main = text(doc.byTag("main")[0] as never);
      assert.match(main, /4\.00 out of 5 from 1 review/);
      assert.match(main, /4 stars: 1/);
      const [rating] = doc.all((e) => attr(e, "data-rating") !== undefined);
      assert.equal(attr(rating as never, "data-rating"), "4.00");
      // The text as text: its markup is escaped, not elements.
      const [item] = doc.all(
        (e) => e.tagName === "li" && attr(e, "data-order") === f.orders.completed.toString(),
      );
      assert.ok(item, "the review is listed");
      assert.ok(text(item as never).includes(review.text));
      assert.equal(doc.all((e) => e.tagName === "b").length, 0);
      assert.match(text(item as never), /Seller's answer:\s*not on this node yet/);
      assert.match(text(item as never), /Verified buyer/);
      assert.ok(!sellerPage.body.toLowerCase().includes(buyer), "the buyer's address is not on the page");
      const reviewLinks = doc.byTag("a").map((a) => attr(a, "href"));
      assert.ok(reviewLinks.includes(`/listing/${nikon}`));

      const listingPage = await page(`/listing/${nikon}`);
      const [product] = (parsePage(listingPage.body).jsonLd() as JsonLd[]).filter(
        (d) => d["@type"] === "Product",
      );
      assert.deepEqual(product.aggregateRating, {
        "@type": "AggregateRating",
        ratingValue: 4,
        reviewCount: 1,
        ratingCount: 1,
        bestRating: 5,
        worstRating: 1,
      });
      assert.equal(product.review.length, 1);
      assert.equal(product.review[0]["@type"], "Review");
      assert.equal(product.review[0].reviewRating.ratingValue, 4);
      assert.deepEqual(product.review[0].author, { "@type": "Person", name: "Verified buyer" });
      assert.equal(product.review[0].reviewBody, review.text);
      assert.ok(!listingPage.body.toLowerCase().includes(buyer), "the buyer's address is not on the page");
      const listingMain = text(parsePage(listingPage.body).byTag("main")[0] as never);
      assert.match(listingMain, /rated 4\.00 out of 5 from 1 review/);

      // Another listing of the same seller: the seller's rating in words, no AggregateRating of its own.
      const [other] = await products(`/listing/${sofa}`);
      assert.equal(other.aggregateRating, undefined);
      assert.match(
        text(parsePage((await page(`/listing/${sofa}`)).body).byTag("main")[0] as never),
        /rated 4\.00 out of 5/,
      );
    });

    test("a category page lists its and its subcategories' listings, newest first, with pagination", async () => {
      const response = await page("/category/electronics");
      assert.equal(response.statusCode, 200);
      const doc = parsePage(response.body);
      assert.equal(doc.canonical(), "http://market.test/category/electronics");
      assert.equal(text(doc.byTag("h1")[0] as never), "electronics");
      const titles = doc
        .all((e) => e.tagName === "a" && /^\/listing\//.test(attr(e, "href") ?? ""))
        .map((a) => text(a));
      assert.deepEqual(titles, [XSS_TITLE, "Apple iPhone 12 64GB", "Nikon D750 camera body"]);
      const [, list, crumbs] = doc.jsonLd() as [unknown, JsonLd, JsonLd];
      assert.equal(list.itemListElement.length, 3);
      assert.equal(crumbs["@type"], "BreadcrumbList");
      const sub = parsePage((await page("/category/electronics/cameras")).body);
      assert.equal(text(sub.byTag("h1")[0] as never), "electronics/cameras");
      assert.equal((await page("/category/nothing-here")).statusCode, 404);
      assert.equal((await page("/category/electronics?cursor=not-a-cursor")).statusCode, 400);
    });

    test("a category's next page starts after the cursor and links back to the first", async () => {
      // Pages hold 24 listings; a cursor after the first listing (from the API's search, which pages the
      // same way) stands in for the link a 25th listing would make.
      const api = await f.app.inject({
        method: "GET",
        url: "/listings?category=electronics&sort=newest&limit=1",
      });
      const cursor = api.json().nextCursor as string;
      const second = await page(`/category/electronics?cursor=${encodeURIComponent(cursor)}`);
      assert.equal(second.statusCode, 200);
      const doc = parsePage(second.body);
      const titles = doc
        .all((e) => e.tagName === "a" && /^\/listing\//.test(attr(e, "href") ?? ""))
        .map((a) => text(a));
      assert.deepEqual(titles, ["Apple iPhone 12 64GB", "Nikon D750 camera body"]);
      assert.equal(
        doc.canonical(),
        `http://market.test/category/electronics?cursor=${encodeURIComponent(cursor)}`,
      );
      assert.ok(
        doc.byTag("a").some((a) => attr(a, "href") === "/category/electronics" && text(a) === "First page"),
      );
      assert.deepEqual(
        doc.all((e) => attr(e, "rel") === "next"),
        [],
      );
    });

    test("a search page shows results for the words, escapes whatever the query holds, and is not indexed", async () => {
      const response = await page("/search?q=nikon&utm_source=x");
      assert.equal(response.statusCode, 200);
      const doc = parsePage(response.body);
      assert.equal(doc.meta("robots"), "noindex");
      assert.equal(attr(doc.byTag("input")[0] as never, "value"), "nikon");
      const titles = doc
        .all((e) => e.tagName === "a" && /^\/listing\//.test(attr(e, "href") ?? ""))
        .map((a) => text(a));
      assert.deepEqual(titles, ["Nikon D750 camera body"]);
      const hostile = await page("/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%E2%80%A8'");
      assert.equal(hostile.statusCode, 200);
      assert.ok(!hostile.body.includes("<script>alert(1)"), "never reflected raw");
      const parsed = parsePage(hostile.body);
      assert.equal(attr(parsed.byTag("input")[0] as never, "value"), `"><script>alert(1)</script>\u2028'`);
      assert.equal(text(parsed.byTag("h1")[0] as never), `Search: "><script>alert(1)</script>\u2028'`);
      // Bytes that are not UTF-8 (and an encoded lone surrogate) are shown as the text they arrived as.
      const bytes = await page("/search?q=%3Cb%3E%FF%ED%A0%80");
      assert.equal(bytes.statusCode, 200);
      assert.ok(!bytes.body.includes("<b>"));
      assert.deepEqual(parsePage(bytes.body).byTag("b"), []);
      assert.deepEqual(
        parsed.byTag("script").map((s) => attr(s, "type")),
        ["application/ld+json", "application/ld+json"],
      );
      const control = await page("/search?q=%01abc");
      assert.equal(control.statusCode, 400);
      assert.match(String(control.headers["content-type"]), /^text\/html/);
    });

    test("an archived legacy listing has its milestone label, reviews and rating; JSON clients keep JSON", async () => {
      const response = await page("/archive/1001");
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers.vary), /Accept/);
      const doc = parsePage(response.body);
      assert.equal(text(doc.byTag("h1")[0] as never), "Leica M3 rangefinder");
      assert.match(text(doc.byTag("main")[0] as never), /Milestone: first listing/);
      assert.equal(doc.canonical(), "http://market.test/archive/1001");
      const [product] = doc.jsonLd() as [JsonLd];
      assert.equal(product.offers.price, "850.00");
      assert.equal(product.offers.priceCurrency, "USD");
      assert.equal(product.aggregateRating.ratingValue, 5);
      assert.equal(product.aggregateRating.reviewCount, 1);
      assert.equal(product.review[0].reviewRating.ratingValue, 5);
      assert.ok(Array.isArray(product.image) && product.image.length === 1);
      const json = await f.app.inject({ method: "GET", url: "/archive/1001" });
      assert.equal(json.statusCode, 200);
      assert.equal(json.json().title, "Leica M3 rangefinder");
      assert.match(String(json.headers.vary), /Accept/);
      const missing = await page("/archive/no-such-id");
      assert.equal(missing.statusCode, 404);
      assert.match(String(missing.headers["content-type"]), /^text\/html/);
      assert.equal(
        (await f.app.inject({ method: "GET", url: "/archive/no-such-id" })).json().error.code,
        "not_found",
      );
      assert.equal((await page("/archive/%01")).statusCode, 400);
    });

    test("robots.txt allows the pages, keeps crawlers off the JSON API, and names the sitemap", async () => {
      const response = await page("/robots.txt", { accept: "text/plain" });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers["content-type"]), /^text\/plain/);
      assert.match(response.body, /^User-agent: \*$/m);
      assert.match(response.body, /^Disallow: \/listings$/m);
      assert.match(response.body, /^Sitemap: http:\/\/market\.test\/sitemap\.xml$/m);
    });

    test("the sitemap index names valid files: live listings with block-time lastmod, and the categories", async () => {
      const index = await page("/sitemap.xml", { accept: "application/xml" });
      assert.equal(index.statusCode, 200);
      assert.match(String(index.headers["content-type"]), /^application\/xml/);
      const files = checkSitemap(index.body, "sitemapindex", "http://market.test");
      assert.deepEqual(
        files.map((e) => e.loc),
        [
          "http://market.test/sitemaps/categories.xml",
          "http://market.test/sitemaps/listings-0.xml",
          "http://market.test/sitemaps/archive-0.xml",
        ],
      );
      // The archive's legacy listings have pages; its reviews are shown on them, not listed.
      const archived = checkSitemap(
        (await page("/sitemaps/archive-0.xml", { accept: "*/*" })).body,
        "urlset",
        "http://market.test",
      ).map((e) => e.loc);
      assert.deepEqual(archived, ["http://market.test/archive/1001", "http://market.test/archive/ab-7"]);
      for (const loc of archived) assert.equal((await page(new URL(loc).pathname)).statusCode, 200, loc);
      assert.equal((await page("/sitemaps/archive-1.xml")).statusCode, 404);
      const listings = checkSitemap(
        (await page("/sitemaps/listings-0.xml", { accept: "*/*" })).body,
        "urlset",
        "http://market.test",
      );
      const locs = listings.map((e) => e.loc);
      const url = (key: string) => `http://market.test/listing/${f.listings[key]?.address}`;
      assert.ok(locs.includes(url("nikon")));
      assert.ok(locs.includes(url("lamp")), "a paused listing stays");
      assert.ok(!locs.includes(url("bike")), "a closed listing leaves the sitemap");
      assert.ok(locs.includes(`http://market.test/listing/${xss}`));
      // lastmod is the block time of the listing's last change, as indexed.
      const [row] = await f.db.query<{ t: string }>(
        "SELECT coalesce(updated_time, created_time)::text AS t FROM listings WHERE address = $1",
        [f.listings.lamp?.address],
      );
      const lamp = listings.find((e) => e.loc === url("lamp"));
      assert.equal(lamp?.lastmod, new Date(Number(row?.t) * 1000).toISOString());
      const categories = checkSitemap(
        (await page("/sitemaps/categories.xml")).body,
        "urlset",
        "http://market.test",
      ).map((e) => e.loc);
      assert.ok(categories.includes("http://market.test/category/electronics"));
      assert.ok(categories.includes("http://market.test/category/electronics/cameras"));
      assert.equal((await page("/sitemaps/listings-1.xml")).statusCode, 404);
      assert.equal((await page("/sitemaps/other.xml")).statusCode, 404);
    });

    test("Atom feeds of new listings, overall and per category, are valid and escape listing text", async () => {
      const response = await page("/feeds/listings.xml", { accept: "application/atom+xml" });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers["content-type"]), /^application\/atom\+xml/);
      const feed = checkXml(response.body).feed as {
        entry: { title: string; id: string; updated: string }[];
      } & Record<string, unknown>;
      assert.equal(feed["@_xmlns"], "http://www.w3.org/2005/Atom");
      assert.equal(feed.entry[0]?.title, XSS_TITLE, "the newest first, its title as text");
      assert.ok(feed.entry.every((e) => e.id.startsWith("http://market.test/listing/") && e.updated));
      assert.ok(
        !feed.entry.some((e) => e.title === "Road bicycle 56cm"),
        "closed listings are not new listings",
      );
      const cameras = checkXml((await page("/feeds/category/electronics/cameras")).body).feed as {
        entry: { title: string }[];
      };
      assert.deepEqual(
        cameras.entry.map((e) => e.title),
        [XSS_TITLE, "Nikon D750 camera body"],
      );
    });

    test("the OpenSearch description lets a browser add this node as a search engine", async () => {
      const response = await page("/opensearch.xml");
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers["content-type"]), /^application\/opensearchdescription\+xml/);
      const doc = checkXml(response.body).OpenSearchDescription as {
        ShortName: string;
        Url: Record<string, string>[];
      };
      assert.equal(doc.ShortName, "Lantern");
      assert.ok(
        doc.Url.some(
          (u) =>
            u["@_type"] === "text/html" && u["@_template"] === "http://market.test/search?q={searchTerms}",
        ),
      );
      const home = parsePage((await page(`/listing/${f.listings.nikon?.address}`)).body);
      assert.ok(
        home.byTag("link").some((l) => attr(l, "rel") === "search" && attr(l, "href") === "/opensearch.xml"),
      );
    });

    test("pages carry an ETag from the last block that touched them and answer 304 until it changes", async () => {
      const sofa = f.listings.sofa?.address as `0x${string}`;
      const first = await page(`/listing/${sofa}`);
      const etag = String(first.headers.etag);
      assert.match(etag, /^W\/"/);
      assert.match(String(first.headers["cache-control"]), /public, max-age=\d+/);
      const again = await page(`/listing/${sofa}`, { "if-none-match": etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, "");
      await updateListing(f.chain.seller, { listing: sofa, type: "setPrice", price: 130_000n });
      await eventually(
        async () => (await page(`/listing/${sofa}`, { "if-none-match": etag })).statusCode === 200,
        20_000,
        "the price change",
      );
      const changed = await page(`/listing/${sofa}`);
      assert.notEqual(changed.headers.etag, etag);
      assert.match(changed.body, /0\.00000000000013 ETH/);
    });
  });
}
