// Pages benchmark: `npm run bench:pages`. Loads 1,000,000 synthetic listings into PostgreSQL with the
// search benchmark's loader, serves them with the API in its own processes, and measures through HTTP from
// loopback: GET /listing/<address> as a browser asks for it (Accept: text/html), requests per second and
// p99 with autocannon, bounded in time; then the whole sitemap (the index and every file) from a
// one-process API, with that process's peak resident memory; then Lighthouse (npm `lighthouse`, driving
// Debian's Chromium through chrome-launcher) on one listing page: SEO and Accessibility scores. Prints a
// table against the targets and writes bench/results/pages.json. LISTINGS=<n> runs a smaller load.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger, migrate, openDatabase } from "@lantern/indexer";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import { cannon, startApiProcess } from "./lib/apiProcess.ts";
import { loadListings } from "./lib/loadListings.ts";
import { benchPostgres } from "./lib/postgres.ts";
import { printTable, writeResult } from "./lib/report.ts";
import { makeListing, vocabulary } from "./lib/searchData.ts";

const LISTINGS = Number(process.env.LISTINGS ?? 1_000_000);
const SEED = 1;
const PAGE_SECONDS = Number(process.env.PAGE_SECONDS ?? 15);
const CONNECTIONS = 32;
const API_WORKERS = Number(process.env.API_WORKERS ?? 2);
const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

const tmp = mkdtempSync(path.join(os.tmpdir(), "lantern-bench-pages-"));
const words = vocabulary(8000, SEED);

/** Peak and current resident memory of a process, in MB, from /proc (Linux). */
function memoryOf(pid: number): { peakMb: number; currentMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { peakMb: Math.round(kb("VmHWM") / 1024), currentMb: Math.round(kb("VmRSS") / 1024) };
}

/** Live listings (active or paused) of the synthetic marketplace, spread over the whole load. */
function liveAddresses(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count && i < LISTINGS; i++) {
    const listing = makeListing(words, (i * 7919) % LISTINGS, SEED);
    if (listing.status <= 2) out.push(listing.address);
  }
  return out;
}

async function listingPages(config: object) {
  const server = await startApiProcess(config);
  try {
    const requests = liveAddresses(2000).map((a) => ({
      method: "GET" as const,
      path: `/listing/${a}`,
      headers: { accept: HTML_ACCEPT },
    }));
    // Warm the caches (buffer pool, plans) the way a running node would be.
    await cannon({ url: server.url, connections: CONNECTIONS, duration: 5, requests });
    const run = await cannon({ url: server.url, connections: CONNECTIONS, duration: PAGE_SECONDS, requests });
    return {
      rps: Math.round(run.requests.average),
      p50: run.latency.p50,
      p99: run.latency.p99,
      requests: run.requests.total,
      errors: run.errors + run.timeouts + run.non2xx,
    };
  } finally {
    await server.stop();
  }
}

async function wholeSitemap(config: object) {
  const server = await startApiProcess({ ...config, workers: 1 });
  try {
    const pid = server.child.pid as number;
    const before = memoryOf(pid);
    const started = performance.now();
    const index = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);
    let urls = 0;
    let bytes = 0;
    for (const file of files) {
      const response = await fetch(file);
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      const body = await response.text();
      bytes += Buffer.byteLength(body);
      urls += body.match(/<url>/g)?.length ?? 0;
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      files: files.length,
      urls,
      megabytes: Math.round(bytes / 1e6),
      seconds,
      before,
      after: memoryOf(pid),
    };
  } finally {
    await server.stop();
  }
}

async function lighthouseScores(config: object) {
  const server = await startApiProcess({ ...config, workers: 1 });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const url = `${server.url}/listing/${liveAddresses(1)[0]}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ["seo", "accessibility"],
      logLevel: "error",
      output: "json",
    });
    const categories = result?.lhr.categories;
    const failed = Object.values(result?.lhr.audits ?? {})
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    return {
      url: url.replace(server.url, ""),
      seo: Math.round((categories?.seo?.score ?? 0) * 100),
      accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
      failedAudits: failed,
    };
  } finally {
    chrome.kill();
    await server.stop();
  }
}

let stopPostgres: (() => void) | undefined;
try {
  const server = benchPostgres(tmp);
  stopPostgres = server.stop;
  const url = server.url;
  const schema = `bench_pages_${Date.now()}`;
  try {
    console.error(`Loading ${LISTINGS.toLocaleString("en-US")} listings into PostgreSQL...`);
    const db = await openDatabase({ url, schema });
    await migrate(db, createLogger({ level: "warn" }));
    const started = performance.now();
    await loadListings(db, {
      count: LISTINGS,
      seed: SEED,
      vocabulary: words,
      onProgress: (done) => {
        if (done % 100_000 === 0 || done === LISTINGS)
          console.error(
            `  ${done.toLocaleString("en-US")} listings, ${((performance.now() - started) / 1000).toFixed(0)} s`,
          );
      },
    });
    const loadSeconds = (performance.now() - started) / 1000;
    await db.close();

    const config = { url, schema, workers: API_WORKERS };
    console.error(`GET /listing/:address for ${PAGE_SECONDS} s from ${CONNECTIONS} connections...`);
    const loadBefore = os.loadavg()[0] as number;
    const pages = await listingPages(config);
    console.error("The whole sitemap...");
    const sitemap = await wholeSitemap(config);
    console.error("Lighthouse on a listing page...");
    const audit = await lighthouseScores(config);
    const loadAfter = os.loadavg()[0] as number;

    const rows = [
      { name: "listing page, requests/s", value: pages.rps, target: ">= 2,000", ok: pages.rps >= 2000 },
      { name: "listing page p99 (ms)", value: pages.p99, target: "<= 50", ok: pages.p99 <= 50 },
      { name: "listing page p50 (ms)", value: pages.p50 },
      { name: "errors, timeouts and non-2xx", value: pages.errors, target: "0", ok: pages.errors === 0 },
      {
        name: "sitemap: peak memory of the API process (MB)",
        value: sitemap.after.peakMb,
        target: "<= 256",
        ok: sitemap.after.peakMb <= 256,
      },
      { name: "sitemap: API process before (MB)", value: sitemap.before.currentMb },
      {
        name: "sitemap: files / URLs / MB",
        value: `${sitemap.files} / ${sitemap.urls.toLocaleString("en-US")} / ${sitemap.megabytes}`,
      },
      { name: "sitemap: seconds for all files", value: Math.round(sitemap.seconds * 10) / 10 },
      { name: "Lighthouse SEO", value: audit.seo, target: "100", ok: audit.seo === 100 },
      {
        name: "Lighthouse Accessibility",
        value: audit.accessibility,
        target: ">= 95",
        ok: audit.accessibility >= 95,
      },
      { name: "load average (before / after)", value: `${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)}` },
    ];
    printTable(
      `Server-rendered pages over ${LISTINGS.toLocaleString("en-US")} listings in PostgreSQL (${API_WORKERS} API processes)`,
      ["measure", "value"],
      rows,
    );
    const file = writeResult("pages.json", {
      listings: LISTINGS,
      engine: "postgres",
      apiProcesses: API_WORKERS,
      connections: CONNECTIONS,
      seconds: PAGE_SECONDS,
      loadSeconds,
      listingPage: pages,
      sitemap,
      lighthouse: audit,
      loadAverage: { before: loadBefore, after: loadAfter },
      cpus: os.cpus().length,
    });
    console.error(`\nWrote ${file}`);
  } finally {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
} finally {
  stopPostgres?.();
  rmSync(tmp, { recursive: true, force: true });
}
