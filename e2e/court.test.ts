// The court and curation in a real browser against `npm start -- --demo` (five arbiters staked by the seed):
// one more arbiter stakes; a buyer disputes an escrowed order and the seller answers; a committee of three
// seats is drawn; the drawn arbiters
// commit and reveal in the DApp (a reveal with a lost or wrong salt is refused before sending, and the vote
// file exported on commit brings it back); the ruling refunds the buyer and the buyer's balance shows it. Then
// a listing is reported, not contested, and removed from search; and on a second order's dispute, ruled for
// the buyer, the seller appeals from the DApp and a larger committee is drawn. The chain's clock is moved with
// evm_increaseTime between phases. Every page is saved under e2e/screenshots/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import {
  commitVote,
  type Deployment,
  dispute,
  drawCommittee,
  getCourtDispute,
  getOrder,
  payArbitrationFee,
  revealVote,
  type WriteContext,
} from "@lantern/sdk";
import type { Locator, Page } from "playwright-core";
import { parseEther } from "viem";
import { launchBrowser, type TestBrowser } from "./lib/browser.ts";
import { shot, txResult, useDevAccount } from "./lib/pages.ts";
import { buyWithEscrow, devAddress, giveTokens, listItem, sdkContext, stackDeployment } from "./lib/seed.ts";
import { type DemoStack, increaseTime, startStack } from "./lib/stack.ts";

// Development accounts by their part in the demo seed (DEMO_ROLES in packages/cli/src/demo/seedDemo.ts):
// 0 the operator (holds the genesis tokens), 1 to 3 sellers, 4 the buyer, 5 to 9 staked arbiters.
const GENESIS = 0;
const SELLER = 1;
const REPORTER = 2;
const NEW_ARBITER = 3;
const BUYER = 4;
const DAY = 86_400;
const PRICE = parseEther("0.2");

let stack: DemoStack;
let browser: TestBrowser;
let page: Page;
let deployment: Deployment;
let orderId: bigint;
let disputeUrl = "";
let drawn: number[] = [];
let exportedVote = "";

before(async () => {
  stack = await startStack({ demo: true });
  const { accounts } = stack.demo;
  assert.deepEqual(
    [accounts.operator.index, accounts.sellers[0]?.index, accounts.buyer.index],
    [GENESIS, SELLER, BUYER],
    "the demo's roles are the accounts this test plays",
  );
  assert.ok(accounts.arbiters.length >= 3, "the demo staked arbiters");
  deployment = await stackDeployment(stack);
  await giveTokens(sdkContext(stack, deployment, GENESIS), devAddress(NEW_ARBITER), parseEther("500"));
  const listing = await listItem(stack, sdkContext(stack, deployment, SELLER), {
    title: "Hasselblad 500C/M body",
    description: "Medium format body, light seals replaced.",
    category: "electronics/cameras",
    price: PRICE,
  });
  orderId = await buyWithEscrow(sdkContext(stack, deployment, BUYER), listing);
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function balance(account: number): Promise<bigint> {
  return sdkContext(stack, deployment, account).publicClient.getBalance({ address: devAddress(account) });
}

async function openOrders(tab: "Bought" | "Sold") {
  await page.getByRole("link", { name: "My orders" }).click();
  await page.getByRole("tab", { name: tab }).click();
}

const order = () => page.locator(`[data-order="${orderId}"]`);
const vote = () => page.locator("section.vote");

/** Nothing was sent from `scope`: no transaction status shows pending or confirmed. */
async function nothingSent(scope: Locator) {
  assert.equal(await scope.locator('[data-tx="pending"], [data-tx="confirmed"]').count(), 0);
}

async function waitForPhase(name: string) {
  await page.locator(`[data-phase="${name}"]`).waitFor({ timeout: 30_000 });
}

test("an arbiter stakes on the court page; a stake under the minimum is refused before sending", async () => {
  await page.goto(stack.url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await useDevAccount(page, NEW_ARBITER);
  await page.getByRole("link", { name: "Court", exact: true }).click();
  await page.getByRole("heading", { name: "Your stake" }).waitFor();
  const stake = page.locator("section.stake");
  await stake.locator("[data-token-balance]", { hasText: "500 LANTERN" }).waitFor();
  await stake.getByLabel("New stake (LANTERN)").fill("50");
  await stake.getByRole("button", { name: "Set stake" }).click();
  assert.match(
    (await stake.locator(".field .error").textContent()) ?? "",
    /The least stake is 100 LANTERN \(or 0 to leave the court\)\./,
  );
  await nothingSent(stake);
  await shot(page, "16-court-stake-refused");
  await stake.getByLabel("New stake (LANTERN)").fill("100");
  await stake.getByRole("button", { name: "Set stake" }).click();
  assert.equal((await txResult(stake, "Setting your stake")).status, "confirmed");
  await stake.locator("[data-stake]", { hasText: /^100 LANTERN$/ }).waitFor();
  assert.equal(await stake.locator("[data-token-balance]").textContent(), "400 LANTERN");
  assert.equal(await stake.locator("[data-locked]").textContent(), "0 LANTERN");
  await shot(page, "17-court-staked");
});

test("the buyer disputes the order with evidence; the seller pays the fee with its side and follows the case", async () => {
  await useDevAccount(page, BUYER);
  await openOrders("Bought");
  await order().getByLabel("What went wrong").fill("The body arrived with a jammed shutter.");
  await order().getByRole("button", { name: "Open a dispute" }).click();
  assert.equal((await txResult(order(), "Opening a dispute")).status, "confirmed");
  await order().and(page.locator('[data-state="Disputed"]')).waitFor();

  await useDevAccount(page, SELLER);
  await openOrders("Sold");
  await order().getByLabel("Your side, for the arbiters (optional)").fill("It was tested before shipping.");
  await order().getByRole("button", { name: "Pay the arbitration fee" }).click();
  assert.equal((await txResult(order(), "Paying the arbitration fee")).status, "confirmed");
  const link = order().locator("[data-court-link]");
  await link.waitFor();
  await shot(page, "18-orders-seller-in-court");
  await link.click();
  await page.getByRole("heading", { name: /^Dispute \d+$/ }).waitFor();
  disputeUrl = page.url();
});

test("anyone draws the committee; its three seats and both sides' evidence show", async () => {
  await waitForPhase("Drawing the committee");
  await page.getByRole("button", { name: "Draw the committee" }).click();
  assert.equal((await txResult(page.locator(".actions"), "Drawing the committee")).status, "confirmed");
  await waitForPhase("Commit votes");
  const seats = page.locator("[data-seat]");
  assert.equal(await seats.count(), 3);
  const addresses = await seats.evaluateAll((items) =>
    items.map((i) => i.getAttribute("data-arbiter") ?? ""),
  );
  drawn = [...Array(10).keys()].filter((a) =>
    addresses.some((x) => x.toLowerCase() === devAddress(a).toLowerCase()),
  );
  assert.ok(drawn.length >= 1, `seats went to staked arbiters: ${addresses.join(", ")}`);
  assert.match(
    (await page.locator('[data-evidence="Buyer"]').textContent()) ?? "",
    /The body arrived with a jammed shutter\./,
  );
  assert.match(
    (await page.locator('[data-evidence="Seller"]').textContent()) ?? "",
    /It was tested before shipping\./,
  );
  assert.match((await page.locator('[data-deadline="commit"]').textContent()) ?? "", /in (1 d|2\d h)/);
});

test("an account that was not drawn is told so and offered no vote", async () => {
  await useDevAccount(page, [GENESIS, REPORTER, NEW_ARBITER].find((a) => !drawn.includes(a)) as number);
  await page.locator("[data-not-drawn]").waitFor();
  assert.equal(await page.getByRole("button", { name: "Commit vote" }).count(), 0);
});

test("each drawn arbiter commits a hidden vote; the salt stays in the browser and exports as a file", async () => {
  // A drawn arbiter finds the dispute on the court page, under the disputes it is drawn for.
  await useDevAccount(page, drawn[0] as number);
  await page.getByRole("link", { name: "Court", exact: true }).click();
  const listed = page.locator(`a[href="${new URL(disputeUrl).pathname}"][data-drawn-dispute]`);
  await listed.filter({ hasText: `(order ${orderId}) — Commit votes` }).waitFor();
  await shot(page, "19-court-drawn");
  await listed.click();
  for (const [i, arbiter] of drawn.entries()) {
    await useDevAccount(page, arbiter);
    await vote().getByRole("radio", { name: "Refund the buyer" }).check();
    await vote().getByRole("button", { name: "Commit vote" }).click();
    assert.equal((await txResult(vote(), "Committing your vote")).status, "confirmed");
    await vote().locator("[data-my-vote]").waitFor();
    if (i === 0) {
      await shot(page, "19-court-committed");
      const download = page.waitForEvent("download");
      await vote().getByRole("button", { name: "Export vote file" }).click();
      exportedVote = readFileSync((await (await download).path()) as string, "utf8");
      assert.equal(JSON.parse(exportedVote).ruling, "1");
    }
  }
  // Only commitments are on chain: no seat shows a ruling before the reveal.
  assert.equal(await page.locator("[data-seat]", { hasText: "voted" }).count(), 0);
});

test("a reveal with a lost salt, then with a wrong one, is refused before sending and explained", async () => {
  await increaseTime(stack.rpcUrl, DAY + 60);
  const first = drawn[0] as number;
  await useDevAccount(page, first);
  await waitForPhase("Reveal votes");
  // This arbiter's salt is gone from the device (the other arbiters share the browser and keep theirs).
  await page.evaluate((account) => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith("lantern.vote.") && key.endsWith(`.${account}`)) localStorage.removeItem(key);
  }, devAddress(first).toLowerCase());
  await vote().getByRole("button", { name: "Reveal vote" }).click();
  assert.match(
    (await vote().locator("[data-vote-problem]").textContent()) ?? "",
    /This browser has no salt for your vote in this round.*Import the vote file/,
  );
  await nothingSent(vote());
  await shot(page, "20-court-reveal-lost-salt");

  const wrong = { ...JSON.parse(exportedVote), salt: `0x${"ab".repeat(32)}` };
  await vote()
    .getByLabel("Import vote file")
    .setInputFiles({
      name: "vote.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(wrong)),
    });
  await vote().getByText("Imported your vote").waitFor();
  await vote().getByRole("button", { name: "Reveal vote" }).click();
  assert.match(
    (await vote().locator("[data-vote-problem]").textContent()) ?? "",
    /do not match what seat .* committed.*Nothing was sent/,
  );
  await nothingSent(vote());
});

test("the exported vote file, imported, reveals the vote; every drawn arbiter reveals", async () => {
  await vote()
    .getByLabel("Import vote file")
    .setInputFiles({ name: "vote.json", mimeType: "application/json", buffer: Buffer.from(exportedVote) });
  // An import clears the last refusal, so its absence tells that this import was read.
  await vote().locator("[data-vote-problem]").waitFor({ state: "detached" });
  await vote().getByText("Imported your vote (the buyer is refunded).").waitFor();
  for (const arbiter of drawn) {
    await useDevAccount(page, arbiter);
    await vote().getByRole("button", { name: "Reveal vote" }).click();
    assert.equal((await txResult(vote(), "Revealing your vote")).status, "confirmed");
  }
  await page.locator("[data-seat]", { hasText: "voted that the buyer is refunded" }).nth(2).waitFor();
  await shot(page, "21-court-revealed");
});

test("after the appeal period anyone carries out the ruling; the buyer is refunded and its balance shows it", async () => {
  await increaseTime(stack.rpcUrl, DAY + 60);
  await waitForPhase("Appeal period");
  assert.match(
    (await page.locator("[data-outcome]").textContent()) ?? "",
    /Current ruling, unless appealed: the buyer is refunded\./,
  );
  await page.getByRole("button", { name: /^Appeal \([\d.]+ ETH\)$/ }).waitFor();
  await shot(page, "22-court-appeal-period");
  await increaseTime(stack.rpcUrl, 2 * DAY + 60);
  await waitForPhase("Final");
  const before = await balance(BUYER);
  await useDevAccount(page, REPORTER);
  await page.getByRole("button", { name: "Carry out the ruling" }).click();
  assert.equal((await txResult(page.locator(".actions"), "Carrying out the ruling")).status, "confirmed");
  await page.locator("[data-outcome]", { hasText: "The ruling was carried out" }).waitFor();
  assert.match(
    (await page.locator("[data-outcome]").textContent()) ?? "",
    /the buyer got 0\.2 ETH back and the seller 0 ETH/,
  );
  await shot(page, "23-court-ruling-executed");

  const after = await balance(BUYER);
  const record = await getOrder(sdkContext(stack, deployment, BUYER), { orderId });
  const refundedFee = record.dispute?.feesRefunded?.toBuyer ?? 0n;
  assert.equal(record.resolution?.buyerAmount, PRICE);
  assert.equal(
    after - before,
    PRICE + refundedFee,
    "the buyer gets the price back (and its fee if returned)",
  );
  await useDevAccount(page, BUYER);
  await page.locator(`[data-balance="${after}"]`).waitFor();
  await openOrders("Bought");
  assert.match(
    (await order().locator("[data-resolution]").textContent()) ?? "",
    /The court ruled: you got 0\.2 ETH back, the seller received 0 ETH\./,
  );
  await shot(page, "24-orders-buyer-refunded");
});

test("a listing reported and not contested is removed by the court and disappears from search", async () => {
  const seller: WriteContext = sdkContext(stack, deployment, SELLER);
  const title = "Genuine Rolex Submariner replica";
  const listing = await listItem(stack, seller, {
    title,
    description: "Looks just like the real one.",
    category: "fashion",
    price: parseEther("0.1"),
  });
  const searchHit = page.locator(`a[href="/listing/${listing}"]`);
  const search = async (present: boolean) => {
    await page.goto(`${stack.url}/search?q=submariner`);
    for (let attempt = 0; (await searchHit.isVisible()) !== present && attempt < 30; attempt++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.locator("[aria-busy=false]").first().waitFor();
    }
    assert.equal(await searchHit.isVisible(), present);
  };
  await search(true);

  await useDevAccount(page, REPORTER);
  await searchHit.click();
  await page.getByRole("heading", { name: title }).waitFor();
  await page.getByText("Report this listing").click();
  const form = page.locator(".report form");
  await form.getByLabel("What is wrong with it").fill("A counterfeit sold as genuine.");
  await form.getByRole("button", { name: "Report" }).click();
  assert.equal((await txResult(form, "Reporting the listing")).status, "confirmed");
  const status = page.locator("[data-report-state]");
  await page.locator('[data-report-state="reported"]').waitFor();
  assert.match((await status.textContent()) ?? "", /A counterfeit sold as genuine\..*may contest it until/);

  await useDevAccount(page, SELLER);
  await status.getByRole("button", { name: /^Contest \(deposit [\d.]+ ETH\)$/ }).waitFor();
  await shot(page, "25-listing-reported-seller");

  await increaseTime(stack.rpcUrl, 3 * DAY + 60);
  await useDevAccount(page, REPORTER);
  await page.reload();
  await status.getByRole("button", { name: "Remove the listing (uncontested)" }).click();
  assert.equal((await txResult(status, "Removing the listing")).status, "confirmed");
  await page.locator('[data-report-state="removed"]').waitFor();
  assert.equal(
    await page.locator("[data-removed]").textContent(),
    "Removed by the court: the report was not contested.",
  );
  await page.locator("[data-removed-banner]").waitFor();
  assert.equal(await page.getByRole("button", { name: /^Buy for/ }).count(), 0);
  await shot(page, "26-listing-removed");
  await search(false);
});

test("a seller contests a report by matching the deposit; the listing shows it in court with both sides' evidence", async () => {
  const title = "Vintage Omega Seamaster";
  const listing = await listItem(stack, sdkContext(stack, deployment, SELLER), {
    title,
    description: "Serviced in 2024, papers included.",
    category: "fashion",
    price: parseEther("0.3"),
  });
  await useDevAccount(page, REPORTER);
  await page.goto(`${stack.url}/listing/${listing}`);
  await page.getByRole("heading", { name: title }).waitFor();
  await page.getByText("Report this listing").click();
  const form = page.locator(".report form");
  await form.getByLabel("What is wrong with it").fill("The papers belong to another watch.");
  await form.getByRole("button", { name: "Report" }).click();
  assert.equal((await txResult(form, "Reporting the listing")).status, "confirmed");
  const status = page.locator("[data-report-state]");
  await page.locator('[data-report-state="reported"]').waitFor();

  await useDevAccount(page, SELLER);
  await status.getByRole("button", { name: /^Contest/ }).click();
  // The answer is required before the deposit is sent.
  assert.equal(await status.locator(".field .error").textContent(), "Your answer is required.");
  await nothingSent(status);
  await status.getByLabel("Your answer to the report").fill("The serial numbers match; photos attached.");
  await status.getByRole("button", { name: /^Contest/ }).click();
  assert.equal((await txResult(status, "Contesting the report")).status, "confirmed");
  await page.locator('[data-report-state="in court"]').waitFor();
  await shot(page, "27-listing-in-court");
  await status.getByRole("link", { name: /^dispute \d+$/ }).click();
  await page.getByText(/^Report \d+ of the listing/).waitFor();
  assert.match(
    (await page.locator('[data-evidence="Reporter"]').textContent()) ?? "",
    /The papers belong to another watch\./,
  );
  assert.match(
    (await page.locator('[data-evidence="Seller"]').textContent()) ?? "",
    /The serial numbers match; photos attached\./,
  );
  await page.locator('[data-phase="Drawing the committee"]').waitFor();
});

test("the losing seller appeals a ruling from the DApp, paying the fee; a second round of 2N + 1 seats is drawn", async () => {
  // The first round goes through the SDK (the tests above play it in the browser): disputed, answered,
  // drawn, voted for the buyer and revealed. The appeal is what this test is about.
  const listing = await listItem(stack, sdkContext(stack, deployment, SELLER), {
    title: "Rolleiflex 2.8F",
    description: "Twin-lens reflex, meter working.",
    category: "electronics/cameras",
    price: PRICE,
  });
  const appealed = await buyWithEscrow(sdkContext(stack, deployment, BUYER), listing);
  await dispute(sdkContext(stack, deployment, BUYER), { orderId: appealed });
  await payArbitrationFee(sdkContext(stack, deployment, SELLER), { orderId: appealed });
  const disputeId =
    (await getOrder(sdkContext(stack, deployment, BUYER), { orderId: appealed })).dispute?.disputeId ??
    assert.fail("the order went to court");
  const anyone = sdkContext(stack, deployment, REPORTER);
  await drawCommittee(anyone, { disputeId, pollInterval: 250 });
  const [first] = (await getCourtDispute(anyone, { disputeId })).rounds;
  assert.equal(first?.seats.length, 3);
  const arbiterOf = (address: string) =>
    [...Array(10).keys()].find((a) => devAddress(a).toLowerCase() === address.toLowerCase()) as number;
  const salts = [];
  for (const s of first?.seats ?? []) {
    const context = sdkContext(stack, deployment, arbiterOf(s.arbiter));
    salts.push((await commitVote(context, { disputeId, round: 0, seat: s.seat, ruling: 1n })).salt);
  }
  await increaseTime(stack.rpcUrl, DAY + 60);
  for (const [i, s] of (first?.seats ?? []).entries()) {
    const context = sdkContext(stack, deployment, arbiterOf(s.arbiter));
    await revealVote(context, {
      disputeId,
      round: 0,
      seat: s.seat,
      ruling: 1n,
      salt: salts[i] as `0x${string}`,
    });
  }
  await increaseTime(stack.rpcUrl, DAY + 60);

  await useDevAccount(page, SELLER);
  await page.goto(`${stack.url}/court/dispute/${disputeId}`);
  await waitForPhase("Appeal period");
  assert.match(
    (await page.locator("[data-outcome]").textContent()) ?? "",
    /Current ruling, unless appealed: the buyer is refunded\./,
  );
  const button = page.getByRole("button", { name: /^Appeal \([\d.]+ ETH\)$/ });
  const shown = /\(([\d.]+) ETH\)/.exec((await button.textContent()) ?? "")?.[1] ?? "";
  assert.match((await page.locator(".actions .hint").textContent()) ?? "", /A new committee of 7 arbiters/);
  const before = await balance(SELLER);
  await button.click();
  assert.equal((await txResult(page.locator(".actions"), "Appealing")).status, "confirmed");
  const paid = before - (await balance(SELLER));
  assert.ok(
    paid >= parseEther(shown),
    `the seller paid the ${shown} ETH the button named (and gas): ${paid}`,
  );

  // The appeal opens a second round, to be drawn; the first round's votes stay on the page.
  await waitForPhase("Drawing the committee");
  await page.getByRole("heading", { name: "Round 2: 0 of 7 seats drawn" }).waitFor();
  await page.getByRole("heading", { name: "Round 1: 3 of 3 seats drawn" }).waitFor();
  assert.equal(await page.locator("[data-outcome]").count(), 0, "no ruling stands while the appeal is heard");
  await shot(page, "28-court-appealed");
  const round = (await getCourtDispute(anyone, { disputeId })).rounds[1];
  assert.equal(round?.committee, 7);
  assert.equal(round?.appellant.toLowerCase(), devAddress(SELLER).toLowerCase());

  await page.getByRole("button", { name: "Draw the committee" }).click();
  assert.equal((await txResult(page.locator(".actions"), "Drawing the committee")).status, "confirmed");
  await waitForPhase("Commit votes");
  await page.getByRole("heading", { name: "Round 2: 7 of 7 seats drawn" }).waitFor();
  await shot(page, "29-court-appeal-drawn");
});

test("the court and dispute pages fit a phone's width", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, url] of [
    ["court", `${stack.url}/court`],
    ["dispute", disputeUrl],
  ] as const) {
    await page.goto(url);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("section h2").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the phone`);
    await shot(page, `phone-${name}`);
  }
});
