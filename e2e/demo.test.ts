// `npm start -- --demo` seeds a local marketplace the browser tests of the court, curation, rewards,
// governance and archive viewer start from. This checks the seed is really there: through the API the DApp
// reads, on the chain itself, and on the home page in Chromium.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  archiveAbi,
  courtAbi,
  DEFAULT_COURT_PARAMETERS,
  lanternGovernorAbi,
  lanternTokenAbi,
  NATIVE_CURRENCY,
  rewardsAbi,
} from "@lantern/sdk";
import { createPublicClient, http } from "viem";
import { launchBrowser, type TestBrowser } from "./lib/browser.ts";
import { shot } from "./lib/pages.ts";
import { type DemoStack, startStack } from "./lib/stack.ts";

let stack: DemoStack;
let browser: TestBrowser | undefined;

before(async () => {
  stack = await startStack({ demo: true });
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The API's answer once the indexer has caught up with the seed (`ready` says when it has). */
async function eventually<T>(path: string, ready: (body: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${stack.url}${path}`);
    const body = (await response.json()) as T;
    if (response.ok && ready(body)) return body;
    if (Date.now() > deadline)
      assert.fail(`${path} is not ready: ${response.status} ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface ListingItem {
  address: string;
  category: string;
  currency: string;
  seller: string;
  cover: string | null;
  status: string;
}

test("the seed's live listings are searchable, from three sellers, in several categories and currencies", async () => {
  const { demo } = stack;
  const { items } = await eventually<{ items: ListingItem[] }>(
    "/listings?limit=50",
    // The indexer reads each listing's document from the content store after the listing itself.
    (b) => b.items?.length >= demo.listings.length && b.items.every((i) => i.cover),
  );
  assert.ok(demo.listings.length >= 12, "a dozen listings");
  const byAddress = new Map(items.map((i) => [i.address, i]));
  for (const listing of demo.listings) {
    const found = byAddress.get(listing.address.toLowerCase());
    assert.ok(found, `${listing.title} is indexed`);
    assert.equal(found.status, "active");
    assert.equal(found.cover, listing.images[0], `${listing.title} has its cover image`);
  }
  assert.equal(new Set(items.map((i) => i.seller)).size, 3, "three sellers");
  assert.ok(new Set(items.map((i) => i.category)).size >= 8, "eight categories or more");
  assert.ok(demo.token, "the local deployment takes a test token");
  const currencies = new Set(items.map((i) => i.currency));
  assert.ok(currencies.has(NATIVE_CURRENCY) && currencies.has(demo.token.address.toLowerCase()));
  const cover = await fetch(`${stack.url}/ipfs/${demo.listings[0]?.images[0]}`);
  assert.equal(cover.status, 200);
  assert.equal(cover.headers.get("content-type"), "image/png");
});

test("the buyer's orders stand in the states the seed describes", async () => {
  const { demo } = stack;
  const { items } = await eventually<{ items: { orderId: string; state: string }[] }>(
    `/orders?buyer=${demo.accounts.buyer.address}&limit=100`,
    (b) => b.items?.length === demo.orders.length,
  );
  const states = new Map(items.map((o) => [o.orderId, o.state]));
  for (const order of demo.orders.filter((o) => o.escrowed)) {
    assert.equal(states.get(order.id), order.state.toLowerCase(), `order ${order.id}`);
  }
  const seeded = new Set(demo.orders.map((o) => o.state));
  for (const state of ["Paid", "Shipped", "Completed"]) assert.ok(seeded.has(state), state);
  assert.ok(demo.orders.filter((o) => o.review).length >= 2, "completed orders are reviewed");
});

test("a reviewed seller's rating and reviews are indexed, in the API's JSON and on the seller's page", async () => {
  const { demo } = stack;
  const reviewed = demo.orders.filter((o) => o.review);
  const seller = reviewed[0]?.seller.toLowerCase() as string;
  const theirs = reviewed.filter((o) => o.seller.toLowerCase() === seller);
  const average = theirs.reduce((sum, o) => sum + (o.review?.rating ?? 0), 0) / theirs.length;
  const body = await eventually<{
    rating: { average: number | null; count: number };
    reviews: { orderId: string; rating: number; text: string | null }[];
  }>(`/sellers/${seller}`, (b) => b.rating?.count === theirs.length);
  assert.equal(body.rating.average, Number(average.toFixed(2)));
  for (const order of theirs) {
    const review = body.reviews.find((r) => r.orderId === order.id);
    assert.equal(review?.rating, order.review?.rating, `order ${order.id}`);
    assert.equal(review?.text, order.review?.text, "the text, from the node's content store");
  }
  const page = await fetch(`${stack.url}/seller/${seller}`, { headers: { accept: "text/html" } });
  assert.equal(page.status, 200);
  const html = await page.text();
  const count = `${theirs.length} ${theirs.length === 1 ? "review" : "reviews"}`;
  assert.ok(html.includes(`${average.toFixed(2)} out of 5 from ${count}`), "the rating on the page");
  assert.ok(!html.includes(demo.accounts.buyer.address.toLowerCase()), "the buyer is not named");
});

test("the sample archive is imported: a record with its images, reviews and a proof, and the milestones", async () => {
  const { demo } = stack;
  assert.equal(demo.archive.listings, 300);
  assert.equal(demo.archive.reviews, 400);
  const record = await eventually<{
    title: string;
    images: { url: string }[];
    reviews: unknown[];
    proof: { valid: boolean };
    document: { seller: string };
  }>(`/archive/${demo.archive.listingWithImages}`, (b) => Boolean(b.title));
  assert.equal(record.images.length, 3);
  assert.equal(record.reviews.length, 3);
  assert.equal(record.proof.valid, true);
  assert.match(record.document.seller, /^0x[0-9a-f]{32}$/, "the seller is a pseudonym");
  for (const image of record.images) assert.equal((await fetch(`${stack.url}${image.url}`)).status, 200);
  const { items } = await eventually<{ items: { label: string }[] }>(
    "/archive/milestones",
    (b) => b.items?.length === demo.archive.milestones.length,
  );
  assert.deepEqual(items.map((m) => m.label).sort(), demo.archive.milestones.map((m) => m.label).sort());
});

test("the court, the DAO, the rewards and the archive give the development accounts their parts", async () => {
  const { demo } = stack;
  const chain = createPublicClient({ transport: http(stack.rpcUrl) });
  const { court, governance, rewards, archive, accounts } = demo;
  assert.ok(accounts.arbiters.length >= 5);
  const parties = new Set([accounts.buyer, ...accounts.sellers].map((a) => a.address));
  for (const arbiter of accounts.arbiters) {
    assert.ok(!parties.has(arbiter.address), "no arbiter is a party to the seeded orders");
    const [staked] = await chain.readContract({
      address: court.address,
      abi: courtAbi,
      functionName: "stakeOf",
      args: [arbiter.address],
    });
    assert.equal(staked, BigInt(arbiter.stake));
    assert.ok(staked >= DEFAULT_COURT_PARAMETERS.minStake);
  }
  const token = await chain.readContract({ address: court.address, abi: courtAbi, functionName: "token" });
  const votes = await chain.readContract({
    address: token,
    abi: lanternTokenAbi,
    functionName: "getVotes",
    args: [governance.proposer],
  });
  const block = await chain.getBlockNumber();
  const quorum = await chain.readContract({
    address: governance.governor,
    abi: lanternGovernorAbi,
    functionName: "quorum",
    args: [block - 1n],
  });
  const threshold = await chain.readContract({
    address: governance.governor,
    abi: lanternGovernorAbi,
    functionName: "proposalThreshold",
  });
  assert.ok(votes > quorum && votes >= threshold, "one account can propose and reach the quorum");
  assert.ok(rewards);
  assert.equal(
    await chain.readContract({ address: rewards.address, abi: rewardsAbi, functionName: "distributor" }),
    rewards.distributor,
  );
  assert.equal(
    await chain.readContract({
      address: archive.address,
      abi: archiveAbi,
      functionName: "isPublisher",
      args: [accounts.operator.address],
    }),
    true,
  );
});

test("the home page shows the archive's milestones", async () => {
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(stack.url);
  const section = page.getByRole("region", { name: "From the archive" });
  await section.waitFor();
  const text = (await section.textContent()) ?? "";
  for (const milestone of stack.demo.archive.milestones)
    assert.ok(text.includes(milestone.label), milestone.label);
  // Token prices read in the token's units and symbol, as native ones do, never as raw base units.
  const prices = page.locator(".card-price");
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".card-price")].some((p) => /tUSD$/.test(p.textContent ?? "")),
  );
  for (const price of await prices.allTextContents()) assert.match(price, /^\d[\d.]* (ETH|tUSD)$/, price);
  await shot(page, "demo-home");
});
