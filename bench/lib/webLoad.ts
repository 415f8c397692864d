// How the DApp's budgets are measured, shared by the benchmark that records them (bench/web.ts) and the
// browser test that holds the DApp to them (e2e/pages.test.ts), so both judge the same thing.
import type { BrowserContext } from "playwright-core";

/** The budgets. */
export const BUDGET_JS_GZIP_KB = 300;
export const BUDGET_LCP_MS = 1500;

export interface ColdLoad {
  /** JavaScript bytes transferred (gzipped, as served). */
  jsBytes: number;
  /** Largest Contentful Paint. */
  lcpMs: number;
}

export interface HomeLoads {
  /** Median of the loads' JavaScript, in KB. */
  jsKb: number;
  /** Median of the loads' Largest Contentful Paint. */
  lcpMs: number;
  samples: ColdLoad[];
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** One cold load of the home page: the JavaScript bytes it transferred and its Largest Contentful Paint. */
export async function coldLoad(context: BrowserContext, url: string): Promise<ColdLoad> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    // Every load is a first visit: nothing from the HTTP cache.
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.goto(url, { waitUntil: "load" });
    await page.getByRole("heading", { level: 1 }).waitFor();
    const lcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve((entries[entries.length - 1] as PerformanceEntry).startTime);
          }).observe({ type: "largest-contentful-paint", buffered: true });
        }),
    );
    const jsBytes = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((r) => new URL(r.name).pathname.endsWith(".js"))
        .reduce((sum, r) => sum + r.encodedBodySize, 0),
    );
    return { jsBytes, lcpMs };
  } finally {
    await page.close();
  }
}

/** `loads` cold loads of the home page after one uncounted load, and their medians. */
export async function measureHome(context: BrowserContext, url: string, loads: number): Promise<HomeLoads> {
  await coldLoad(context, url); // the server's first answers warm its own caches; not counted
  const samples: ColdLoad[] = [];
  for (let i = 0; i < loads; i++) samples.push(await coldLoad(context, url));
  return {
    jsKb: median(samples.map((l) => l.jsBytes)) / 1024,
    lcpMs: median(samples.map((l) => l.lcpMs)),
    samples,
  };
}
