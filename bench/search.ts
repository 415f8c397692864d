// Search benchmark: `npm run bench:search`. Loads 1,000,000 synthetic listings (titles and descriptions
// drawn with a Zipf distribution from a vocabulary of 8,000 words; see lib/searchData.ts) into PostgreSQL
// and into PGlite, serves each with the API in its own process, and measures through HTTP with autocannon
// from loopback: a fixed query mix (common, mid-frequency and rare words, two-word queries, typos and
// prefixes, with and without filters, facets and sorts) from 8 concurrent clients, p50 and p99; then
// GET /listings/:address requests per second, bounded in time. Prints a table against the issue's targets
// and writes bench/results/search.json. LISTINGS=<n> runs a smaller load (results are still written).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger, type Database, migrate, openDatabase } from "@lantern/indexer";
import pg from "pg";
import { cannon, startApiProcess } from "./lib/apiProcess.ts";
import { loadListings } from "./lib/loadListings.ts";
import { benchPostgres } from "./lib/postgres.ts";
import { printTable, writeResult } from "./lib/report.ts";
import { makeListing, vocabulary } from "./lib/searchData.ts";

const LISTINGS = Number(process.env.LISTINGS ?? 1_000_000);
const SEED = 1;
const VOCABULARY = 8000;
const CLIENTS = 8;
const MIX_SECONDS = Number(process.env.MIX_SECONDS ?? 30);
const LOOKUP_SECONDS = Number(process.env.LOOKUP_SECONDS ?? 10);
const LOOKUP_CONNECTIONS = 32;
/** API processes in front of PostgreSQL (one port, node:cluster); PGlite is one process by nature. */
const API_WORKERS = Number(process.env.API_WORKERS ?? 2);

const tmp = mkdtempSync(path.join(os.tmpdir(), "lantern-bench-search-"));
const words = vocabulary(VOCABULARY, SEED);

/** The fixed query mix: each class several times with different words, with and without filters. */
function queryMix(): { path: string; kind: string }[] {
  const w = (rank: number) => words.words[rank] as string;
  const mix: { path: string; kind: string }[] = [];
  const add = (kind: string, query: string) => mix.push({ kind, path: `/listings?${query}` });
  for (const r of [0, 1, 2, 3, 5, 8]) add("common word", `q=${w(r)}`);
  for (const r of [200, 350, 500, 800, 1000, 1500]) add("mid-frequency word", `q=${w(r)}`);
  for (const r of [3000, 4500, 6000, 7000, 7900]) add("rare word", `q=${w(r)}`);
  for (const [a, b] of [
    [0, 300],
    [2, 40],
    [90, 700],
    [10, 20],
  ] as const)
    add("two words", `q=${encodeURIComponent(`${w(a)} ${w(b)}`)}`);
  add("typo / prefix", "q=nikn");
  add("typo / prefix", "q=ipho");
  add("typo / prefix", "q=gramophne");
  add("filters", `q=${w(1)}&category=electronics`);
  add("filters", `q=${w(400)}&minPrice=1000000000000000&maxPrice=10000000000000000000`);
  add("filters", `q=${w(0)}&currency=0x${"0".repeat(40)}&location=${encodeURIComponent("City 1")}`);
  add("filters", `category=home/furniture&sort=price_asc`);
  add("filters", "sort=newest");
  add("facets", `q=${w(0)}&facets=true`);
  add("facets", `q=${w(600)}&facets=true&sort=price_desc`);
  return mix;
}

interface EngineResult {
  loadSeconds: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  lookupRps: number;
  lookupP99: number;
  byKind: Record<string, { p50: number; p99: number }>;
}

/** p50/p99 of one query class: a short run of its queries alone. */
async function measureEngine(name: string, db: Database, config: object): Promise<EngineResult> {
  await migrate(db, createLogger({ level: "warn" }));
  const started = performance.now();
  let lastReport = 0;
  await loadListings(db, {
    count: LISTINGS,
    seed: SEED,
    vocabulary: words,
    onProgress: (done) => {
      if (done - lastReport >= 100_000 || done === LISTINGS) {
        lastReport = done;
        console.error(
          `  ${name}: ${done.toLocaleString("en-US")} listings, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    },
  });
  const loadSeconds = (performance.now() - started) / 1000;
  await db.close();

  const server = await startApiProcess(config);
  try {
    const mix = queryMix();
    const requests = mix.map((m) => ({ method: "GET" as const, path: m.path }));
    // Warm the caches (buffer pool, plans) the way a running node would be.
    await cannon({ url: server.url, connections: CLIENTS, duration: 5, requests });
    const run = await cannon({ url: server.url, connections: CLIENTS, duration: MIX_SECONDS, requests });
    const byKind: Record<string, { p50: number; p99: number }> = {};
    for (const kind of [...new Set(mix.map((m) => m.kind))]) {
      const subset = mix
        .filter((m) => m.kind === kind)
        .map((m) => ({ method: "GET" as const, path: m.path }));
      const r = await cannon({ url: server.url, connections: CLIENTS, duration: 4, requests: subset });
      byKind[kind] = { p50: r.latency.p50, p99: r.latency.p99 };
    }
    const addresses = Array.from(
      { length: 2000 },
      (_, i) => makeListing(words, (i * 7919) % LISTINGS, SEED).address,
    );
    const lookup = await cannon({
      url: server.url,
      connections: LOOKUP_CONNECTIONS,
      duration: LOOKUP_SECONDS,
      requests: addresses.map((a) => ({ method: "GET" as const, path: `/listings/${a}` })),
    });
    return {
      loadSeconds,
      p50: run.latency.p50,
      p99: run.latency.p99,
      requests: run.requests.total,
      errors: run.errors + run.non2xx + lookup.errors + lookup.non2xx,
      lookupRps: Math.round(lookup.requests.average),
      lookupP99: lookup.latency.p99,
      byKind,
    };
  } finally {
    await server.stop();
  }
}

let stopPostgres: (() => void) | undefined;
try {
  const server = benchPostgres(tmp);
  stopPostgres = server.stop;
  const url = server.url;
  const schema = `bench_search_${Date.now()}`;
  console.error(`Loading ${LISTINGS.toLocaleString("en-US")} listings into PostgreSQL...`);
  const postgres = await measureEngine("PostgreSQL", await openDatabase({ url, schema }), {
    url,
    schema,
    workers: API_WORKERS,
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();

  console.error(`Loading ${LISTINGS.toLocaleString("en-US")} listings into PGlite...`);
  const dataDir = path.join(tmp, "pglite");
  const pglite = await measureEngine("PGlite", await openDatabase({ dataDir }), { dataDir });

  const ms = (n: number) => Math.round(n * 10) / 10;
  const rows = [
    { name: "PostgreSQL search p50 (ms)", value: ms(postgres.p50), target: "<= 15", ok: postgres.p50 <= 15 },
    {
      name: "PostgreSQL search p99 (ms)",
      value: ms(postgres.p99),
      target: "<= 150",
      ok: postgres.p99 <= 150,
    },
    { name: "PGlite search p50 (ms)", value: ms(pglite.p50), target: "<= 40", ok: pglite.p50 <= 40 },
    { name: "PGlite search p99 (ms)", value: ms(pglite.p99), target: "<= 300", ok: pglite.p99 <= 300 },
    {
      name: "PostgreSQL GET /listings/:address (req/s)",
      value: postgres.lookupRps,
      target: ">= 5,000",
      ok: postgres.lookupRps >= 5000,
    },
    { name: "PGlite GET /listings/:address (req/s)", value: pglite.lookupRps },
    ...Object.entries(postgres.byKind).map(([kind, r]) => ({
      name: `PostgreSQL ${kind} p50 / p99 (ms)`,
      value: `${ms(r.p50)} / ${ms(r.p99)}`,
    })),
    ...Object.entries(pglite.byKind).map(([kind, r]) => ({
      name: `PGlite ${kind} p50 / p99 (ms)`,
      value: `${ms(r.p50)} / ${ms(r.p99)}`,
    })),
    {
      name: "load seconds (PostgreSQL / PGlite)",
      value: `${Math.round(postgres.loadSeconds)} / ${Math.round(pglite.loadSeconds)}`,
    },
    {
      name: "errors and non-2xx",
      value: postgres.errors + pglite.errors,
      target: "0",
      ok: postgres.errors + pglite.errors === 0,
    },
  ];
  printTable(
    `Search over ${LISTINGS.toLocaleString("en-US")} listings through the API (${CLIENTS} clients)`,
    ["measure", "value"],
    rows,
  );
  const file = writeResult("search.json", {
    listings: LISTINGS,
    vocabulary: VOCABULARY,
    clients: CLIENTS,
    apiProcessesPostgres: API_WORKERS,
    mixSeconds: MIX_SECONDS,
    queries: queryMix().map((m) => m.path),
    postgres,
    pglite,
    loadAverage: os.loadavg()[0],
    cpus: os.cpus().length,
  });
  console.error(`\nWrote ${file}`);
} finally {
  stopPostgres?.();
  rmSync(tmp, { recursive: true, force: true });
}
