// DApp benchmark: `npm run bench:web`. Runs the stack `npm start` runs (chain, contracts, indexer, API and
// the built DApp on one port, fresh data directory), loads the home page cold in Debian's Chromium LOADS
// times after one uncounted load, and takes the medians of the initial JavaScript (gzipped, as transferred)
// and the Largest Contentful Paint. Prints a table against the budgets and writes
// bench/results/web.json. The browser test e2e/pages.test.ts holds the DApp to the same budgets but
// records nothing.
import os from "node:os";
import { launchBrowser } from "../e2e/lib/browser.ts";
import { startStack } from "../e2e/lib/stack.ts";
import { printTable, writeResult } from "./lib/report.ts";
import { BUDGET_JS_GZIP_KB, BUDGET_LCP_MS, measureHome } from "./lib/webLoad.ts";

const LOADS = Number(process.env.LOADS ?? 5);

const stack = await startStack();
try {
  const browser = await launchBrowser();
  try {
    const loadBefore = os.loadavg()[0] ?? 0;
    const { jsKb, lcpMs, samples } = await measureHome(browser.context, stack.url, LOADS);
    const loadAfter = os.loadavg()[0] ?? 0;
    printTable(
      "DApp budgets (Chromium, headless, loopback)",
      ["measure", "value"],
      [
        {
          name: "initial JavaScript, gzipped (KB)",
          value: Number(jsKb.toFixed(1)),
          target: `≤ ${BUDGET_JS_GZIP_KB}`,
          ok: jsKb <= BUDGET_JS_GZIP_KB,
        },
        {
          name: `home LCP, median of ${LOADS} cold loads (ms)`,
          value: Math.round(lcpMs),
          target: `≤ ${BUDGET_LCP_MS}`,
          ok: lcpMs <= BUDGET_LCP_MS,
        },
        {
          name: "load average (before / after)",
          value: `${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)}`,
        },
      ],
    );
    const file = writeResult("web.json", {
      measuredAt: new Date().toISOString(),
      browser: browser.context.browser()?.version() ?? "chromium",
      loads: LOADS,
      initialJsGzipKb: Number(jsKb.toFixed(1)),
      homeLcpMs: Math.round(lcpMs),
      samples: samples.map((l) => ({ jsBytes: l.jsBytes, lcpMs: Math.round(l.lcpMs) })),
      budgets: { initialJsGzipKb: BUDGET_JS_GZIP_KB, homeLcpMs: BUDGET_LCP_MS },
      loadAverage: { before: loadBefore, after: loadAfter },
      cpus: os.cpus().length,
    });
    console.error(`\nWrote ${file}`);
  } finally {
    await browser.close();
  }
} finally {
  await stack.stop();
}
