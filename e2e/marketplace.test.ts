// The scenario in a real browser against the stack `npm start` runs: a seller lists an item with an
// image; a buyer finds it by a misspelled search and buys it with escrow; the seller reads the shipping
// address and marks it shipped; the buyer confirms and reviews, the review shows on the listing page; a second buyer's unshipped order is cancelled and the
// stock comes back. Every page is saved as a screenshot under e2e/screenshots/.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { launchBrowser, type TestBrowser } from "./lib/browser.ts";
import { shot, txResult, useDevAccount } from "./lib/pages.ts";
import { gradientPng } from "./lib/png.ts";
import { increaseTime, type Stack, startStack } from "./lib/stack.ts";

const SELLER = 1;
const BUYER = 2;
const SECOND_BUYER = 3;
const TITLE = "Nikon F3 film camera";

let stack: Stack;
let browser: TestBrowser;
let page: Page;
let listingUrl = "";

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The order card of the first order in `state`, followed by its id as its state changes. */
async function orderIn(state: string) {
  const first = page.locator(`[data-order][data-state="${state}"]`).first();
  await first.waitFor();
  return page.locator(`[data-order="${await first.getAttribute("data-order")}"]`);
}

const stockOnPage = async () => Number(await page.locator("[data-stock]").textContent());

async function openOrders(tab: "Bought" | "Sold") {
  await page.getByRole("link", { name: "My orders" }).click();
  await page.getByRole("tab", { name: tab }).click();
}

test("the home page loads with a search box and the development wallet marked local-only", async () => {
  await page.goto(stack.url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.ok(await page.getByRole("searchbox", { name: "Search listings" }).isVisible());
  assert.match((await page.locator(".banner-dev").textContent()) ?? "", /local development chain/i);
  await shot(page, "01-home");
});

test("the sell form refuses bad input next to each field before any transaction", async () => {
  await useDevAccount(page, SELLER);
  await page.getByRole("link", { name: "Sell" }).click();
  await page.getByLabel("Title").fill("x".repeat(141));
  await page.getByLabel("Price (ETH)").fill("12,5");
  await page.getByLabel("Quantity").fill("0");
  await page.getByRole("button", { name: "List it" }).click();
  const errors = await page.locator(".field .error").allInnerTexts();
  assert.deepEqual(errors, [
    "A title is 141 bytes long; at most 140 bytes are allowed.",
    "Choose a category.",
    "Use digits and at most one decimal point, like 12.50.",
    "The quantity must be from 1 to 1000000.",
  ]);
  // Nothing was sent: no transaction status appeared, and the first field to fix has the focus.
  assert.equal(await page.locator('[data-tx="pending"], [data-tx="confirmed"]').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "title");
  await shot(page, "02-sell-invalid");
});

test("a seller lists an item with an image in one click", async () => {
  await page
    .getByLabel("Images")
    .setInputFiles({ name: "camera.png", mimeType: "image/png", buffer: gradientPng(320, 240) });
  await page.getByLabel("Title").fill(TITLE);
  await page
    .getByLabel("Description")
    .fill("Classic 35 mm SLR body, serviced last year, shutter accurate at all speeds.");
  await page.getByLabel("Category").selectOption("electronics/cameras");
  await page.getByLabel("Condition").selectOption("used");
  await page.getByLabel("Price (ETH)").fill("0.25");
  await page.getByLabel("Quantity").fill("3");
  await page.getByLabel(/Location/).fill("Lyon");
  await page.getByRole("button", { name: "List it" }).click();
  await page.waitForURL(/\/listing\/0x[0-9a-fA-F]{40}$/, { timeout: 60_000 });
  listingUrl = page.url();
  await page.getByRole("heading", { name: TITLE }).waitFor();
  assert.equal(await page.locator("[data-price]").textContent(), "0.25 ETH");
  assert.equal(await stockOnPage(), 3);
  const cover = page.getByRole("img", { name: TITLE });
  await cover.waitFor();
  assert.ok(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 320));
  await shot(page, "03-listing-seller");
});

test("a buyer finds it by a misspelled search", async () => {
  await useDevAccount(page, BUYER);
  await page.goto(stack.url);
  await page.getByRole("searchbox", { name: "Search listings" }).fill("nikn");
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/\/search\?q=nikn/);
  // The index follows the chain a moment behind: a shared search URL reloads until the listing is there.
  const hit = page.locator(`a[href="${new URL(listingUrl).pathname}"]`);
  for (let attempt = 0; !(await hit.isVisible()) && attempt < 30; attempt++) {
    await page.waitForTimeout(1000);
    await page.reload();
    await page.locator("[aria-busy=false]").first().waitFor();
  }
  assert.ok(await hit.isVisible(), "the misspelled search finds the listing");
  await shot(page, "04-search-misspelled");
  await hit.click();
  await page.getByRole("heading", { name: TITLE }).waitFor();
});

async function fillShipping(name: string) {
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Street and number").fill("12 rue de la République");
  await page.getByLabel("City").fill("Lyon");
  await page.getByLabel("Postal code").fill("69002");
  await page.getByLabel("Country").fill("France");
}

test("a buyer buys it with escrow, with the address encrypted to the seller", async () => {
  await useDevAccount(page, BUYER);
  if (page.url() !== listingUrl) await page.goto(listingUrl);
  await page.getByRole("radio", { name: /With escrow/ }).check();
  await page.getByRole("button", { name: /^Buy for/ }).click();
  // The address is required before anything is sent.
  assert.equal(await page.locator(".buy .field .error").first().textContent(), "Required.");
  await fillShipping("Camille Martin");
  await page.getByRole("button", { name: /^Buy for 0.25 ETH/ }).click();
  await page.waitForURL(/\/my-orders/, { timeout: 60_000 });
  const order = await orderIn("Paid");
  assert.equal(await order.getAttribute("data-state"), "Paid");
  await shot(page, "05-orders-buyer-paid");
  await page.goto(listingUrl);
  await page.getByRole("heading", { name: TITLE }).waitFor();
  assert.equal(await stockOnPage(), 2);
});

test("the seller reads the shipping address, decrypted in the browser, and marks it shipped", async () => {
  await useDevAccount(page, SELLER);
  await openOrders("Sold");
  const order = await orderIn("Paid");
  await order.getByRole("button", { name: "Read shipping address" }).click();
  const address = order.locator("[data-shipping]");
  await address.waitFor();
  assert.match(
    (await address.textContent()) ?? "",
    /Camille Martin[\s\S]*12 rue de la République[\s\S]*69002 Lyon[\s\S]*France/,
  );
  await order.getByLabel("Tracking (carrier and number)").fill("La Poste 6A12345678901");
  await order.getByRole("button", { name: "Mark shipped" }).click();
  assert.equal((await txResult(order, "Marking shipped")).status, "confirmed");
  await order.and(page.locator('[data-state="Shipped"]')).waitFor();
  await shot(page, "06-orders-seller-shipped");
});

test("the buyer sees the tracking and confirms receipt", async () => {
  await useDevAccount(page, BUYER);
  await openOrders("Bought");
  const order = await orderIn("Shipped");
  await order.getByText("Tracking: La Poste 6A12345678901").waitFor();
  await order.getByRole("button", { name: "Confirm receipt" }).click();
  assert.equal((await txResult(order, "Confirming receipt")).status, "confirmed");
  await order.and(page.locator('[data-state="Completed"]')).waitFor();
  await shot(page, "07-orders-buyer-completed");
});

test("the buyer reviews the order and the review shows on the listing page; the seller answers it", async () => {
  const order = await orderIn("Completed");
  await order.getByLabel("Rating").selectOption("4");
  await order.getByLabel("Your review (optional)").fill("Works perfectly, well packed.");
  await order.getByRole("button", { name: "Post review" }).click();
  assert.equal((await txResult(order, "Posting your review")).status, "confirmed");
  await order.getByText("You reviewed this order.").waitFor();
  await useDevAccount(page, SELLER);
  await openOrders("Sold");
  const sold = await orderIn("Completed");
  await sold.getByLabel("Your answer to the review").fill("Thank you, enjoy the camera!");
  await sold.getByRole("button", { name: "Answer" }).click();
  assert.equal((await txResult(sold, "Answering the review")).status, "confirmed");
  await page.goto(listingUrl);
  const review = page.locator("[data-review]").first();
  await review.waitFor();
  assert.match(
    (await review.textContent()) ?? "",
    /4 out of 5 Works perfectly, well packed\.[\s\S]*Thank you, enjoy the camera!/,
  );
  assert.match((await page.locator("[data-rating]").textContent()) ?? "", /Rated 4\.0 out of 5 by 1 buyer/);
  await shot(page, "08-listing-reviewed");
});

test("a failed purchase leaves the form filled and says why", async () => {
  await useDevAccount(page, SECOND_BUYER);
  await page.goto(listingUrl);
  await page.getByRole("heading", { name: TITLE }).waitFor();
  await fillShipping("Noor Haddad");
  await page.getByLabel("Quantity").fill("2");
  // The seller sells one elsewhere between the page load and the purchase: only one is left.
  await page.evaluate(() => localStorage.setItem("lantern.devWallet.account", "1"));
  const stale = await browser.context.newPage();
  await stale.goto(listingUrl);
  await stale.getByRole("heading", { name: "Manage your listing" }).waitFor();
  await stale.getByLabel("Stock").fill("1");
  await stale.getByRole("button", { name: "Save" }).click();
  assert.equal((await txResult(stale.locator(".manage"), "Saving price and stock")).status, "confirmed");
  await stale.close();
  await page.evaluate(() => localStorage.setItem("lantern.devWallet.account", "3"));
  await page.getByRole("button", { name: /^Buy for/ }).click();
  const result = await txResult(page.locator("form.buy"), "Buying with escrow");
  assert.equal(result.status, "failed");
  assert.match(result.text, /stock/i);
  assert.equal(await page.getByLabel("Full name").inputValue(), "Noor Haddad");
  assert.equal(await page.getByLabel("Quantity").inputValue(), "2");
  await shot(page, "09-buy-failed");
});

test("a second buyer's unshipped order is cancelled after the ship window and the stock comes back", async () => {
  await page.reload();
  await page.getByRole("heading", { name: TITLE }).waitFor();
  assert.equal(await stockOnPage(), 1);
  await page.getByLabel("Quantity").fill("1");
  await fillShipping("Noor Haddad");
  await page.getByRole("button", { name: /^Buy for/ }).click();
  await page.waitForURL(/\/my-orders/, { timeout: 60_000 });
  await page.goto(listingUrl);
  await page.getByRole("heading", { name: TITLE }).waitFor();
  assert.equal(await stockOnPage(), 0);
  await openOrders("Bought");
  const order = await orderIn("Paid");
  // Too early: the chain refuses, and the page says why in words, not a hex blob.
  await order.getByRole("button", { name: "Cancel order" }).click();
  const early = await txResult(order, "Cancelling");
  assert.equal(early.status, "failed");
  assert.doesNotMatch(early.text, /0x[0-9a-f]{8}/i);
  await shot(page, "10-cancel-refused");
  await increaseTime(stack.rpcUrl, 3 * 86_400 + 60);
  await order.getByRole("button", { name: "Cancel order" }).click();
  assert.equal((await txResult(order, "Cancelling")).status, "confirmed");
  await order.and(page.locator('[data-state="Cancelled"]')).waitFor();
  await shot(page, "11-orders-cancelled");
  await page.goto(listingUrl);
  await page.getByRole("heading", { name: TITLE }).waitFor();
  assert.equal(await stockOnPage(), 1);
});

async function balance(account: number): Promise<bigint> {
  const response = await fetch(stack.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "eth_getBalance",
      params: [DEV_ADDRESSES[account], "latest"],
    }),
  });
  return BigInt(((await response.json()) as { result: string }).result);
}

const DEV_ADDRESSES: Record<number, string> = {
  1: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  4: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
};
const ETH = 10n ** 18n;

test("a damaged item is settled by agreement: the buyer proposes 30 %, the seller counters 20 %, the buyer accepts, and both balances show it", async () => {
  const BUYER_3 = 4;
  await useDevAccount(page, BUYER_3);
  await page.goto(listingUrl);
  await page.getByRole("heading", { name: TITLE }).waitFor();
  await page.getByLabel("Quantity").fill("1");
  await fillShipping("Ana Souza");
  await page.getByRole("button", { name: /^Buy for 0.25 ETH/ }).click();
  await page.waitForURL(/\/my-orders/, { timeout: 60_000 });
  const orderId = await (await orderIn("Paid")).getAttribute("data-order");

  await useDevAccount(page, SELLER);
  await openOrders("Sold");
  const sold = page.locator(`[data-order="${orderId}"]`);
  await sold.getByRole("button", { name: "Mark shipped" }).click();
  assert.equal((await txResult(sold, "Marking shipped")).status, "confirmed");

  await useDevAccount(page, BUYER_3);
  await openOrders("Bought");
  const bought = page.locator(`[data-order="${orderId}"][data-state="Shipped"]`);
  await bought.getByLabel("Settle: percent refunded to the buyer").fill("30");
  assert.match(
    (await bought.getByText("That is:").textContent()) ?? "",
    /you get 0\.075 ETH back, the seller keeps 0\.175 ETH/,
  );
  await bought.getByLabel("Message (optional)").fill("The lens arrived cracked.");
  await bought.getByRole("button", { name: "Propose" }).click();
  assert.equal((await txResult(bought, "Proposing a settlement")).status, "confirmed");

  await useDevAccount(page, SELLER);
  await openOrders("Sold");
  const offer = sold.locator('[data-offer="buyer"]');
  await offer.waitFor();
  assert.match(
    (await offer.textContent()) ?? "",
    /the buyer gets 0\.075 ETH back, you keep 0\.175 ETH.*The lens arrived cracked\./,
  );
  await sold.getByLabel("Settle: percent refunded to the buyer").fill("20");
  await sold.getByRole("button", { name: "Counter-offer" }).click();
  assert.equal((await txResult(sold, "Proposing a settlement")).status, "confirmed");
  await shot(page, "12-settlement-countered");
  const sellerBefore = await balance(SELLER);

  await useDevAccount(page, BUYER_3);
  await openOrders("Bought");
  const counter = bought.locator('[data-offer="seller"]');
  await counter.waitFor();
  assert.match((await counter.textContent()) ?? "", /you get 0\.05 ETH back, the seller keeps 0\.2 ETH/);
  const buyerBefore = await balance(BUYER_3);
  await counter.getByRole("button", { name: "Accept" }).click();
  const settled = page.locator(`[data-order="${orderId}"]`);
  assert.equal((await txResult(settled, "Accepting the offer")).status, "confirmed");
  await settled.and(page.locator('[data-state="Settled"]')).waitFor();
  assert.equal(
    await settled.locator("[data-settled]").textContent(),
    "Settled by agreement: you got 0.05 ETH back, the seller kept 0.2 ETH.",
  );
  const buyerAfter = await balance(BUYER_3);
  const refund = buyerAfter - buyerBefore;
  // The buyer gets 0.05 ETH and pays the gas of accepting (well under 0.001 ETH on anvil).
  assert.ok(
    refund > (5n * ETH) / 100n - ETH / 1000n && refund < (5n * ETH) / 100n,
    `buyer's change: ${refund}`,
  );
  await page.locator(`[data-balance="${buyerAfter}"]`).waitFor();
  await shot(page, "13-settlement-buyer");

  await useDevAccount(page, SELLER);
  const sellerAfter = await balance(SELLER);
  assert.equal(sellerAfter - sellerBefore, (20n * ETH) / 100n);
  await page.locator(`[data-balance="${sellerAfter}"]`).waitFor();
  await openOrders("Sold");
  assert.equal(
    await sold.locator("[data-settled]").textContent(),
    "Settled by agreement: the buyer got 0.05 ETH back, you kept 0.2 ETH.",
  );
  await shot(page, "14-settlement-seller");
});

test("a buyer reports the listing to the court, paying the deposit it names", async () => {
  await useDevAccount(page, BUYER);
  await page.goto(listingUrl);
  await page.getByRole("heading", { name: TITLE }).waitFor();
  await page.getByText("Report this listing").click();
  const form = page.locator(".report form");
  await form.getByRole("button", { name: "Report" }).click();
  assert.equal(await form.locator(".field .error").textContent(), "A reason is required.");
  assert.match((await form.locator(".hint").first().textContent()) ?? "", /deposit of [\d.]+ ETH/);
  await form.getByLabel("What is wrong with it").fill("The photos are not of this camera.");
  await form.getByRole("button", { name: "Report" }).click();
  assert.equal((await txResult(form, "Reporting the listing")).status, "confirmed");
  await shot(page, "15-listing-reported");
});

test("the listing and order pages fit a phone's width", async () => {
  await useDevAccount(page, SELLER);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, open] of [
    ["listing", () => page.goto(listingUrl)],
    ["my-orders", () => openOrders("Sold")],
  ] as const) {
    await open();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("[data-order], [data-stock]").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the phone`);
    await shot(page, `phone-${name}`);
  }
});
