// The DApp's budgets (initial JavaScript, Largest Contentful Paint on the home page), measured in Chromium
// against the stack `npm start` runs as `npm run bench:web` measures them (that benchmark records them in
// bench/results/web.json; this test only holds the DApp to them); and the checks every page must
// pass: phone width without sideways scrolling, labelled controls, keyboard use, and clear banners when the
// API or the chain cannot be reached.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { BUDGET_JS_GZIP_KB, BUDGET_LCP_MS, measureHome } from "../bench/lib/webLoad.ts";
import { launchBrowser, type TestBrowser } from "./lib/browser.ts";
import { shot } from "./lib/pages.ts";
import { type Stack, startStack } from "./lib/stack.ts";

const LOADS = 5;

let stack: Stack;
let browser: TestBrowser;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

test("initial JavaScript and the home page's Largest Contentful Paint stay within the budgets", async () => {
  const { jsKb, lcpMs } = await measureHome(browser.context, stack.url, LOADS);
  assert.ok(jsKb > 0, "the home page loaded JavaScript");
  assert.ok(jsKb <= BUDGET_JS_GZIP_KB, `initial JavaScript is ${jsKb.toFixed(1)} KB gzipped`);
  assert.ok(lcpMs <= BUDGET_LCP_MS, `home LCP is ${lcpMs} ms`);
});

/** The pages any visitor reaches without a wallet. */
const PAGES = [
  ["home", "/"],
  ["browse", "/search?q=camera"],
  ["sell", "/sell"],
  ["orders", "/my-orders"],
  ["rewards", "/my-rewards"],
  ["governance", "/governance"],
  ["not-found", "/no/such/page"],
] as const;

async function open(page: Page, path: string) {
  await page.goto(`${stack.url}${path}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

test("every page fits a phone's width without sideways scrolling", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, path] of PAGES) {
    await open(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the phone`);
    await shot(page, `phone-${name}`);
  }
  await page.close();
});

test("every form control has a label, and the keyboard reaches the search", async () => {
  const page = await browser.context.newPage();
  for (const [name, path] of PAGES) {
    await open(page, path);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>("input, select, textarea")]
        .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute("aria-label"))
        .map((el) => el.outerHTML),
    );
    assert.deepEqual(unlabelled, [], `unlabelled controls on ${name}`);
  }
  await open(page, "/");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
  // Tab onwards until the search box has the focus, then search with the keyboard alone.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "q")) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), "q");
  await page.keyboard.type("lamp");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=lamp$/);
  await page.close();
});

test("an unreachable API or chain shows a clear banner, not a blank page", async () => {
  const page = await browser.context.newPage();
  await page.route(`${stack.url}/health`, (route) => route.abort("connectionrefused"));
  await page.route(`${stack.url}/listings*`, (route) => route.abort("connectionrefused"));
  await page.route(`${stack.rpcUrl}/**`, (route) => route.abort("connectionrefused"));
  await page.route(stack.rpcUrl, (route) => route.abort("connectionrefused"));
  await open(page, "/");
  await page.locator('[data-banner="api"]').waitFor({ timeout: 20_000 });
  await page.locator('[data-banner="chain"]').waitFor({ timeout: 20_000 });
  assert.match((await page.locator('[data-banner="api"]').textContent()) ?? "", /API cannot be reached/);
  assert.match(
    (await page.locator('[data-banner="chain"]').textContent()) ?? "",
    /chain .* cannot be reached/,
  );
  assert.ok(await page.getByRole("heading", { level: 1 }).isVisible());
  await shot(page, "banners-unreachable");
  await page.close();
});

test("an injected EIP-1193 wallet connects through wagmi, and nothing offers it the development keys", async () => {
  const page = await browser.context.newPage();
  // A minimal injected provider, as an extension would add: it owns one account and forwards reads to the
  // chain (anvil signs for its own accounts, so eth_sendTransaction works too).
  const account = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
  // As source text: tsx would wrap a function's named inner functions in a helper the page does not have.
  await page.addInitScript(`
    const rpc = async (method, params) => {
      const response = await fetch(${JSON.stringify(stack.rpcUrl)}, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      });
      const body = await response.json();
      if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
      return body.result;
    };
    window.ethereum = {
      request: ({ method, params }) =>
        method === "eth_requestAccounts" || method === "eth_accounts"
          ? Promise.resolve([${JSON.stringify(account)}])
          : method === "wallet_requestPermissions" || method === "wallet_revokePermissions"
            ? Promise.resolve([])
            : rpc(method, params ?? []),
      on: () => {},
      removeListener: () => {},
    };
  `);
  await open(page, "/");
  await page.getByRole("button", { name: "Connect browser wallet" }).click();
  const address = page.locator(".wallet .address");
  await address.waitFor();
  assert.equal(await address.getAttribute("title"), account);
  // The development account switcher belongs to the development wallet only.
  assert.equal(await page.getByLabel("Development account").count(), 0);
  await page.locator("[data-balance]").waitFor();
  await shot(page, "injected-wallet");
  await page.close();
});
