// Rewards and governance in a real browser against `npm start -- --demo`. An account likes and views a
// listing (signed with the wallet, sent to the API), the epoch ends, the node (whose distributor is a
// development account) posts the root, the challenge window passes and the account claims in one click; then
// the genesis holder delegates, proposes a shorter delivery window, votes, queues and executes it through
// the DApp, and the listing page shows the new window; a proposal that would fail is refused before sending.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  anvilAccounts,
  createListing,
  type Deployment,
  encodeListingMetadata,
  lanternTokenAbi,
  type WriteContext,
} from "@lantern/sdk";
import type { Page } from "playwright-core";
import { createPublicClient, createWalletClient, formatEther, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { launchBrowser, type TestBrowser } from "./lib/browser.ts";
import { shot, txResult, useDevAccount } from "./lib/pages.ts";
import { type DemoStack, increaseTime, startStack } from "./lib/stack.ts";

const DAY = 86_400;
// The demo's roles (docs/archive.md): 0 holds the genesis votes, 1-3 sell, 4 buys, 5-9 are arbiters. The
// earner is an arbiter, so its points come from this test's like and view alone.
const HOLDER = 0;
const SELLER = 1;
const EARNER = 9;

let stack: DemoStack;
let browser: TestBrowser;
let page: Page;
let listingPath = "";

/** The deployment as the node tells the DApp (`/config.json`). */
async function deploymentOf(url: string): Promise<Deployment> {
  const config = (await (await fetch(`${url}/config.json`)).json()) as { deployment: Deployment };
  return { ...config.deployment, deploymentBlock: BigInt(config.deployment.deploymentBlock) };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

before(async () => {
  stack = await startStack({ demo: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();

  // The listing the rewards are earned on, seeded through the SDK: selling in the browser is another test's.
  const deployment = await deploymentOf(stack.url);
  const transport = http(stack.rpcUrl);
  const account = privateKeyToAccount(anvilAccounts[SELLER]?.privateKey ?? "0x");
  const chain = {
    id: deployment.chainId,
    name: "local",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [stack.rpcUrl] } },
  };
  const seller = {
    publicClient: createPublicClient({ chain, transport }),
    walletClient: createWalletClient({ account, chain, transport }),
    deployment,
  } as unknown as WriteContext;
  const metadata = {
    title: "Brass ship lantern",
    description: "A working oil lantern from an old sailing boat, glass intact.",
    category: "home/lighting",
    condition: "used" as const,
    location: "Brest",
    images: [],
  };
  const stored = await fetch(`${stack.url}/content`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: encodeListingMetadata(metadata).bytes as BodyInit,
  });
  assert.equal(stored.status, 201);
  const { listing } = await createListing(seller, {
    price: 10n ** 16n,
    stock: 5,
    metadataCid: encodeListingMetadata(metadata).cid.toString(),
    title: metadata.title,
    category: metadata.category,
    location: metadata.location,
  });
  listingPath = `/listing/${listing}`;
  // Actions about a listing are accepted once the index knows it.
  await until("the listing in the index", async () =>
    (await fetch(`${stack.url}/listings/${listing}`)).ok ? true : undefined,
  );
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

const rewardsOf = async (account: string) =>
  (await (await fetch(`${stack.url}/rewards/${account}`)).json()) as {
    points: Record<string, string>;
    claims: { status: string; amount: string }[];
  };

test("an account likes and views a listing, signed with its wallet, and sees its points", async () => {
  await page.goto(stack.url);
  await useDevAccount(page, EARNER);
  await page.goto(`${stack.url}${listingPath}`);
  await page.getByRole("heading", { name: "Brass ship lantern" }).waitFor();
  const like = page.getByRole("button", { name: "Like" });
  await like.and(page.locator(":enabled")).waitFor();
  await like.click();
  await page.locator("[data-like-status]", { hasText: "Liked" }).waitFor();
  // A second like of the same listing is refused by the API, and the page says why.
  await like.click();
  await page.locator("[data-like-status]", { hasText: /Not liked\. A replay/ }).waitFor();
  await shot(page, "dao-01-listing-liked");

  await page.getByRole("link", { name: "Rewards" }).click();
  await page.getByRole("heading", { name: "Rewards", exact: true }).waitFor();
  // The view was noted, not signed: the page offers to sign it.
  await page.getByRole("button", { name: "Sign 1 view" }).click();
  await page.getByText("1 view signed and sent.").waitFor();
  await page.locator("[data-total-points]", { hasText: "3" }).waitFor();
  assert.equal(await page.locator('[data-points="like"] td').first().textContent(), "2");
  assert.equal(await page.locator('[data-points="view"] td').first().textContent(), "1");
  await shot(page, "dao-02-rewards-points");
});

test("the epoch ends, the node posts the root, and the account claims once the challenge window passed", async () => {
  const account = anvilAccounts[EARNER]?.address ?? "";
  await increaseTime(stack.rpcUrl, 7 * DAY + 60);
  // The node's distributor (a development account here) posts the ended epoch's root on its own.
  await until("the posted root", async () =>
    (await rewardsOf(account)).claims.length > 0 ? true : undefined,
  );
  await page.reload();
  const claim = page.locator('[data-claim="0"]');
  await claim.and(page.locator('[data-claim-status="challenge_window"]')).waitFor();
  assert.ok(await claim.getByRole("button", { name: "Claim" }).isDisabled());
  assert.match((await claim.locator(".hint").textContent()) ?? "", /challenge window: claims open/);
  await shot(page, "dao-03-rewards-challenge-window");

  await increaseTime(stack.rpcUrl, 2 * DAY + 60);
  await page.reload();
  await claim.and(page.locator('[data-claim-status="claimable"]')).waitFor();
  const { amount } = (await rewardsOf(account)).claims[0] ?? { amount: "0" };
  assert.ok(BigInt(amount) > 0n);
  // The arbiter holds the tokens it did not stake: the claim adds to them.
  const deployment = await deploymentOf(stack.url);
  const before = await createPublicClient({ transport: http(stack.rpcUrl) }).readContract({
    address: deployment.contracts.LanternToken ?? "0x",
    abi: lanternTokenAbi,
    functionName: "balanceOf",
    args: [account as `0x${string}`],
  });
  await claim.getByRole("button", { name: "Claim" }).click();
  assert.equal((await txResult(claim, "Claiming epoch 0")).status, "confirmed");
  await page.locator("[data-lntn-balance]", { hasText: formatEther(before + BigInt(amount)) }).waitFor();
  await claim.and(page.locator('[data-claim-status="claimed"]')).waitFor();
  assert.ok(await claim.getByRole("button", { name: "Claim" }).isDisabled());
  await shot(page, "dao-04-rewards-claimed");
});

test("a proposal that would fail on execution is refused before sending, and explained", async () => {
  await useDevAccount(page, HOLDER);
  await page.getByRole("link", { name: "Governance" }).click();
  await page.getByRole("heading", { name: "Governance", exact: true }).waitFor();
  await page.getByRole("button", { name: "Delegate" }).click();
  assert.equal(
    (await txResult(page.locator("form", { hasText: "My votes" }), "Delegating")).status,
    "confirmed",
  );
  await page
    .locator("[data-voting-power]", { hasText: formatEther(BigInt(stack.demo.governance.votes)) })
    .waitFor();
  // Votes count from the block after the delegation: let a minute of chain time pass, as it would.
  await increaseTime(stack.rpcUrl, 60);

  const form = page.locator("form", { hasText: "Propose a change" });
  await form.getByLabel("Delivery window (days)").fill("0.01");
  await form.getByLabel("Description").fill("A fourteen-minute delivery window");
  await form.getByRole("button", { name: "Propose" }).click();
  const refusal = form.locator("[data-refusal]");
  await refusal.waitFor();
  assert.match(
    (await refusal.textContent()) ?? "",
    /would fail when the timelock runs it: A window must last/,
  );
  assert.equal(await form.locator('[data-tx="pending"], [data-tx="confirmed"]').count(), 0);
  assert.equal(await page.locator("[data-proposal]").count(), 0);
  await shot(page, "dao-05-governance-refused");
});

test("a proposal shortens the delivery window: voted, queued and executed in the DApp", async () => {
  const form = page.locator("form", { hasText: "Propose a change" });
  await form.getByLabel("Delivery window (days)").fill("10");
  await form.getByLabel("Description").fill("Shorter delivery window\nTen days are enough for most parcels.");
  await form.getByRole("button", { name: "Propose" }).click();
  assert.equal((await txResult(form, "Proposing")).status, "confirmed");
  const card = page.locator("[data-proposal]").first();
  await card.waitFor();
  await card.locator("[data-diff]", { hasText: /^Escrow delivery window: 14 days → 10 days$/ }).waitFor();
  assert.equal(await card.getAttribute("data-state"), "Pending");
  await shot(page, "dao-06-governance-proposed");

  await increaseTime(stack.rpcUrl, DAY + 60);
  await card.and(page.locator('[data-state="Active"]')).waitFor();
  await card.getByRole("button", { name: "Vote for" }).click();
  assert.equal((await txResult(card, "Voting for")).status, "confirmed");

  await increaseTime(stack.rpcUrl, 5 * DAY + 60);
  await card.and(page.locator('[data-state="Succeeded"]')).waitFor();
  const votes = formatEther(BigInt(stack.demo.governance.votes));
  assert.match(
    (await card.locator("[data-tally]").textContent()) ?? "",
    new RegExp(`^For ${votes} .*\\(quorum \\d+(\\.\\d{1,2})?\\)$`),
  );
  await card.getByRole("button", { name: "Queue" }).click();
  assert.equal((await txResult(card, "Queueing")).status, "confirmed");
  await card.and(page.locator('[data-state="Queued"]')).waitFor();
  // The timelock delay has not passed: execution waits, and the page says until when.
  assert.ok(await card.getByRole("button", { name: "Execute" }).isDisabled());
  assert.match((await card.locator(".hint").last().textContent()) ?? "", /timelock delay runs until/);
  await shot(page, "dao-07-governance-queued");

  await increaseTime(stack.rpcUrl, 2 * DAY + 60);
  const execute = card.getByRole("button", { name: "Execute" });
  await execute.and(page.locator(":enabled")).waitFor();
  await execute.click();
  assert.equal((await txResult(card, "Executing")).status, "confirmed");
  await card.and(page.locator('[data-state="Executed"]')).waitFor();
  await page.locator("[data-escrow-delivery-window]", { hasText: "10 days" }).waitFor();
  await card.locator("[data-diff]", { hasText: "Escrow delivery window: set to 10 days" }).waitFor();
  await shot(page, "dao-08-governance-executed");

  await page.goto(`${stack.url}${listingPath}`);
  await page.locator("[data-delivery-window]", { hasText: "10 days" }).waitFor();
  await shot(page, "dao-09-listing-new-window");
});
