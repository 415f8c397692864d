// Indexer benchmark: `npm run bench:index`. On a fresh anvil, generates at least 200,000 events of the
// real mix (listings created, price changes, escrowed purchases, shipments, confirmations) through the
// IndexerBench test contract, then times a full backfill from scratch into PGlite and into PostgreSQL
// (each in its own process, so its peak memory is its own), and measures head latency: the time from a
// mined event to the row being queryable, over 60 samples. Prints a table against the targets
// and writes bench/results/index.json, with the indexer's CPU seconds and the load average: on a shared
// machine wall times move with what else runs.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createIndexer } from "@lantern/indexer";
import {
  anvilAccounts,
  type Deployment,
  deploy,
  keyRegistryAbi,
  startAnvil,
  writeDeploymentFile,
} from "@lantern/sdk";
import pg from "pg";
import {
  type Chain,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  type PublicClient,
  toHex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { deployBenchGenerator, eventsPerRun } from "../packages/indexer/test/helpers/benchContract.ts";
import { spawnIndexer } from "../packages/indexer/test/helpers/child.ts";
import { benchPostgres } from "./lib/postgres.ts";
import { printTable, writeResult } from "./lib/report.ts";

const TARGET_EVENTS = 200_000;
/** Per transaction: 250 listings with 10 complete orders each = 8,000 events, about 6.5 MB of logs. */
const LISTINGS_PER_TX = 250;
const ORDERS_PER_LISTING = 10;
const LATENCY_SAMPLES = 60;

const tmp = mkdtempSync(path.join(os.tmpdir(), "lantern-bench-index-"));

interface BackfillRun {
  events: number;
  seconds: number;
  startupSeconds: number;
  peakRssMb: number;
  cpuSeconds: number;
  /** The 1-minute load average as the run ended: this machine is shared, so wall times vary with it. */
  loadAverage: number;
}

/** One full backfill in a child process; returns what the indexer reported when it reached the head. */
async function backfill(rpcUrl: string, deploymentFile: string, database: string[]): Promise<BackfillRun> {
  const child = spawnIndexer([
    "--once",
    "--quiet",
    "--rpc-url",
    rpcUrl,
    "--deployment",
    deploymentFile,
    ...database,
  ]);
  const code = await child.exited;
  const last = child.lines.findLast((l) => l.startsWith("{"));
  if (code !== 0 || !last) throw new Error(`the indexer failed (exit ${code}):\n${child.stderr()}`);
  return { ...(JSON.parse(last) as BackfillRun), loadAverage: round(os.loadavg()[0] ?? 0) };
}

/**
 * Head latency: publish a key, then poll the index until its row is there. The transaction is signed
 * first and the clock starts as it is sent, so each sample counts sending and mining too: a little more
 * than "mined to queryable", never less.
 */
async function headLatency(
  rpcUrl: string,
  deployment: Deployment,
  database: { dataDir: string } | { url: string; schema: string },
  chain: Chain,
): Promise<number[]> {
  const indexer = createIndexer({ rpcUrl, deployment, database, logLevel: "warn" });
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain, transport }) as PublicClient;
  const account = privateKeyToAccount(anvilAccounts[7]?.privateKey ?? "0x");
  const walletClient = createWalletClient({ account, chain, transport });
  const samples: number[] = [];
  try {
    await indexer.start();
    let nonce = await publicClient.getTransactionCount({ address: account.address });
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const key = `0x${(Date.now() * 1000 + i).toString(16).padStart(64, "0")}` as Hex;
      const request = await walletClient.prepareTransactionRequest({
        to: deployment.contracts.KeyRegistry,
        data: encodeFunctionData({ abi: keyRegistryAbi, functionName: "publishKey", args: [key] }),
        gas: 100_000n,
        nonce: nonce++,
      });
      const signed = await walletClient.signTransaction(request as never);
      // Spread samples over the polling cycle instead of locking onto it.
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
      const sent = performance.now();
      await publicClient.sendRawTransaction({ serializedTransaction: signed });
      for (;;) {
        const rows = await indexer.query("SELECT 1 FROM keys WHERE key = $1", [key]);
        if (rows.length > 0) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      samples.push(performance.now() - sent);
    }
  } finally {
    await indexer.stop();
  }
  return samples;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

const anvil = await startAnvil({ args: ["--gas-limit", "2000000000"] });
let stopPostgres: (() => void) | undefined;
try {
  const chain: Chain = {
    id: anvil.chainId,
    name: "anvil",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [anvil.rpcUrl] } },
  };
  // Receipts of 8,000-event transactions are far over viem's default response limit.
  // Mining blocks over a large state is slow on anvil; give requests time.
  const transport = http(anvil.rpcUrl, { maxResponseBodySize: false, timeout: 300_000 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
  const wallet = (i: number) =>
    createWalletClient({
      account: privateKeyToAccount(anvilAccounts[i]?.privateKey ?? "0x"),
      chain,
      transport,
    });
  const deployment = await deploy({ walletClient: wallet(0), publicClient } as never);
  const deploymentFile = writeDeploymentFile(tmp, deployment);

  console.error("Generating events...");
  const generator = await deployBenchGenerator(wallet(1), publicClient, deployment.contracts);
  const started = performance.now();
  let events = 0;
  while (events < TARGET_EVENTS) {
    await generator.run(LISTINGS_PER_TX, ORDERS_PER_LISTING);
    events += eventsPerRun(LISTINGS_PER_TX, ORDERS_PER_LISTING);
  }
  const generationSeconds = (performance.now() - started) / 1000;
  // History is older than the finality depth in any real backfill; mine past it so these blocks are too
  // (otherwise all 31 dense blocks would take the slower unfinalized path, with headers and undo rows).
  await publicClient.request({ method: "anvil_mine" as never, params: [toHex(65)] as never });
  const head = await publicClient.getBlockNumber();
  console.error(`${events} events in ${head} blocks, generated in ${generationSeconds.toFixed(1)} s`);

  console.error("Backfilling into PGlite...");
  const pglite = await backfill(anvil.rpcUrl, deploymentFile, ["--data-dir", path.join(tmp, "pglite")]);

  const server = benchPostgres(tmp);
  stopPostgres = server.stop;
  const url = server.url;
  const schema = `bench_index_${Date.now()}`;
  console.error("Backfilling into PostgreSQL...");
  const postgres = await backfill(anvil.rpcUrl, deploymentFile, ["--database-url", url, "--schema", schema]);

  console.error(`Measuring head latency over ${LATENCY_SAMPLES} events (PGlite, then PostgreSQL)...`);
  const latencyPglite = await headLatency(
    anvil.rpcUrl,
    deployment,
    { dataDir: path.join(tmp, "pglite") },
    chain,
  );
  const latencyPostgres = await headLatency(anvil.rpcUrl, deployment, { url, schema }, chain);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();

  const result = {
    events,
    blocks: Number(head),
    generationSeconds: round(generationSeconds),
    eventsPerSecondPglite: Math.round(pglite.events / pglite.seconds),
    eventsPerSecondPostgres: Math.round(postgres.events / postgres.seconds),
    backfillSecondsPglite: round(pglite.seconds),
    backfillSecondsPostgres: round(postgres.seconds),
    startupSecondsPglite: round(pglite.startupSeconds),
    startupSecondsPostgres: round(postgres.startupSeconds),
    cpuSecondsPglite: round(pglite.cpuSeconds),
    cpuSecondsPostgres: round(postgres.cpuSeconds),
    loadAveragePglite: pglite.loadAverage,
    loadAveragePostgres: postgres.loadAverage,
    peakRssMb: Math.round(Math.max(pglite.peakRssMb, postgres.peakRssMb)),
    peakRssMbPglite: Math.round(pglite.peakRssMb),
    peakRssMbPostgres: Math.round(postgres.peakRssMb),
    headLatencyMsP95: Math.round(p95(latencyPglite)),
    headLatencyMsP95Postgres: Math.round(p95(latencyPostgres)),
    headLatencySamples: latencyPglite.length,
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown cpu"}, node ${process.version}`,
  };
  // The deployment's own events (ownership, template approval, meta-evidence) come on top.
  if (pglite.events < events || postgres.events !== pglite.events) {
    throw new Error(
      `indexed ${pglite.events} (PGlite) and ${postgres.events} (PostgreSQL) events of ${events}`,
    );
  }

  printTable(
    `Indexer backfill of ${events.toLocaleString("en-US")} events`,
    ["measure", "value"],
    [
      {
        name: "events/s, PGlite",
        value: result.eventsPerSecondPglite,
        target: ">= 10,000",
        ok: result.eventsPerSecondPglite >= 10_000,
      },
      {
        name: "events/s, PostgreSQL",
        value: result.eventsPerSecondPostgres,
        target: ">= 15,000",
        ok: result.eventsPerSecondPostgres >= 15_000,
      },
      { name: "peak RSS, MB", value: result.peakRssMb, target: "<= 1,024", ok: result.peakRssMb <= 1024 },
      {
        name: "head latency p95, ms (PGlite)",
        value: result.headLatencyMsP95,
        target: "<= 1,000",
        ok: result.headLatencyMsP95 <= 1000,
      },
      { name: "head latency p95, ms (PostgreSQL)", value: result.headLatencyMsP95Postgres },
      { name: "backfill seconds, PGlite", value: result.backfillSecondsPglite },
      { name: "backfill seconds, PostgreSQL", value: result.backfillSecondsPostgres },
      { name: "generation seconds", value: result.generationSeconds },
      { name: "load average (1 min) after PGlite", value: result.loadAveragePglite },
      { name: "load average (1 min) after PostgreSQL", value: result.loadAveragePostgres },
    ],
  );
  console.log(`\nwrote ${writeResult("index.json", result)}`);
} finally {
  await anvil.stop();
  stopPostgres?.();
  rmSync(tmp, { recursive: true, force: true });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
