// The archive viewer in a real browser against `npm start -- --demo`, which imports the sample marketplace
// (packages/archive/sample): a milestone on the home page leads to its record; the record's images load from
// the content store, its reviews show, and its Merkle proof is checked in the browser against the batch root
// read from the Archive contract; the lookup box finds a record by its old id and says when there is none.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { launchBrowser, type TestBrowser } from "./lib/browser.ts";
import { shot } from "./lib/pages.ts";
import { type Stack, startStack } from "./lib/stack.ts";

// "first used car" in packages/archive/sample/milestones.json: three images and three reviews.
const LEGACY_ID = "10041";

let stack: Stack;
let browser: TestBrowser;
let page: Page;

before(async () => {
  stack = await startStack({ demo: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

test("a milestone on the home page opens its archived listing, with its images, reviews and a verified proof", async () => {
  await page.goto(stack.url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  // The index reads the imported archive a moment after the start.
  const milestone = page.getByRole("link", { name: "first used car" });
  for (let attempt = 0; !(await milestone.isVisible()) && attempt < 30; attempt++) {
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
  }
  await milestone.click();
  await page.waitForURL(new RegExp(`/archive/${LEGACY_ID}$`));
  const record = page.locator(`[data-archived="${LEGACY_ID}"]`);
  await record.waitFor({ timeout: 30_000 });
  await record.getByRole("heading", { name: "2014 Subaru Outback 2.5i" }).waitFor();
  assert.match((await record.locator(".price").textContent()) ?? "", /11,996\.00/);
  const badge = record.locator('[data-verified="true"]');
  await badge.waitFor();
  assert.match((await badge.textContent()) ?? "", /Verified on chain: batch \d+'s root 0x[0-9a-f]{8}…/);
  const images = record.locator(".gallery img");
  assert.equal(await images.count(), 3);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => (img as HTMLImageElement).complete, await image.elementHandle());
    assert.ok(await image.evaluate((img: HTMLImageElement) => img.naturalWidth > 0), "the image loaded");
  }
  const reviews = record.locator("[data-archived-review]");
  assert.equal(await reviews.count(), 3);
  // Dated in the old marketplace's years (the sample runs from 2015 to 2019).
  assert.match((await reviews.first().textContent()) ?? "", /201[5-9]/);
  await shot(page, "28-archive-record");
});

test("the lookup box finds a record by its old id, and says so when no record has it", async () => {
  await page.getByRole("link", { name: "Archive", exact: true }).click();
  await page.getByRole("heading", { name: "Archive", exact: true }).waitFor();
  await page.getByLabel("Old listing id").fill("has space");
  await page.getByRole("button", { name: "Look up" }).click();
  assert.equal(
    await page.locator(".field .error").textContent(),
    "An old id is 1 to 128 characters without spaces, like 10003.",
  );
  await page.getByLabel("Old listing id").fill("99999999");
  await page.getByRole("button", { name: "Look up" }).click();
  await page.getByText("No archived listing has the old id 99999999.").waitFor();
  await page.getByLabel("Old listing id").fill(LEGACY_ID);
  await page.getByRole("button", { name: "Look up" }).click();
  await page.locator(`[data-archived="${LEGACY_ID}"] [data-verified="true"]`).waitFor({ timeout: 30_000 });
  await shot(page, "29-archive-lookup");
});

test("the archive viewer fits a phone's width", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the archive page is ${overflow} px wider than the phone`);
  await shot(page, "phone-archive");
});
