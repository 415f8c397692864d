// Archive benchmark: `npm run bench:archive`. On fresh anvils, with records shaped by the importer from the
// sample generator:
// 1. gas per record at batch sizes 1, 10, 100 and 500, listings and reviews apart, beside the record's
//    calldata floor (EIP-7623: 10 gas per calldata token, a token being a zero byte or a quarter of a
//    non-zero byte; measured on the whole transaction's calldata, divided by its records). Each size runs
//    several batches of consecutive ids after a warm-up batch, so the storage word a fresh run of 256 ids
//    opens is amortized as in a real import.
// 2. an end-to-end `lantern import` of 100,000 listings and then 100,000 reviews, content store included,
//    in a child process (its peak memory is its own): records/s, gas per record, peak memory.
// Prints tables against the targets and writes bench/results/archive.json.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  calldataFloor,
  FieldReader,
  generateSample,
  type LegacyListing,
  type LegacyReview,
  listingDocument,
  listingRecord,
  Pseudonymizer,
  readRows,
  reviewDocument,
  reviewRecord,
} from "@lantern/archive";
import {
  type ArchiveRecord,
  archiveAbi,
  cidOfBytes,
  deployArchive,
  encodeJson,
  type LanternPublicClient,
  type LanternWalletClient,
  publishArchiveBatch,
  startAnvil,
} from "@lantern/sdk";
import { createPublicClient, createWalletClient, encodeFunctionData, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { printTable, type Row, writeResult } from "./lib/report.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = [1, 10, 100, 500] as const;
/** Batches measured per size (after one warm-up batch). */
const RUNS: Record<(typeof SIZES)[number], number> = { 1: 30, 10: 20, 100: 10, 500: 4 };
const END_TO_END = 100_000;
const TARGET_RATIO = 1.25;
const SECRET = new TextEncoder().encode("bench secret, 32 bytes or more, never used for real data");

const work = mkdtempSync(path.join(os.tmpdir(), "lantern-bench-archive-"));
try {
  const gas = await gasPerRecord();
  const endToEnd = await importEndToEnd();

  const gasRows: Row[] = gas.map((g) => ({
    name: `${g.kind}s, batch of ${g.batchSize}: gas/record (floor ${g.floorPerRecord.toLocaleString("en-US")}, ratio ${g.ratio.toFixed(3)})`,
    value: g.gasPerRecord,
    ...(g.batchSize === 100
      ? {
          target: `<= ${TARGET_RATIO} x floor = ${Math.floor(TARGET_RATIO * g.floorPerRecord).toLocaleString("en-US")}`,
          ok: g.ratio <= TARGET_RATIO,
        }
      : {}),
  }));
  printTable("Archive gas per record (real transactions on anvil, Prague rules)", ["batch", "gas"], gasRows);
  printTable(
    "Archive end-to-end import: 100,000 listings + 100,000 reviews, content store included",
    ["measure", "value"],
    [
      {
        name: "records/s (import time, both files)",
        value: Math.round(endToEnd.recordsPerSecond),
        target: ">= 2,000",
        ok: endToEnd.recordsPerSecond >= 2000,
      },
      {
        name: "records/s (wall clock, process start to exit)",
        value: Math.round(endToEnd.wallRecordsPerSecond),
      },
      { name: "gas per record", value: Math.round(endToEnd.gasPerRecord) },
      { name: "calldata floor per record", value: Math.round(endToEnd.floorPerRecord) },
      {
        name: "peak memory (MB, RSS of the import process)",
        value: Math.round(endToEnd.peakMemoryMb),
        target: "<= 1,024",
        ok: endToEnd.peakMemoryMb <= 1024,
      },
      { name: "records published", value: endToEnd.published },
      { name: "batches", value: endToEnd.batches },
    ],
  );
  const file = writeResult("archive.json", {
    gasPerRecord: gas,
    endToEnd,
    targets: { ratioAtBatch100: TARGET_RATIO, recordsPerSecond: 2000, peakMemoryMb: 1024 },
    machine: { cpus: os.cpus().length, node: process.version },
  });
  console.log(`\nwrote ${path.relative(root, file)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Real batches of each size on a fresh anvil: gas used and calldata floor, per record. */
async function gasPerRecord() {
  const total = SIZES.reduce((sum, size) => sum + size * (RUNS[size] + 1), 0);
  const { listings, reviews } = await sampleRecords(total);
  const results = [];
  for (const [kind, records] of [
    ["listing", listings],
    ["review", reviews],
  ] as const) {
    const anvil = await startAnvil();
    try {
      const { publicClient, walletClient } = clients(
        anvil.rpcUrl,
        anvil.accounts[0]?.privateKey as `0x${string}`,
      );
      const { archive } = await deployArchive({
        walletClient,
        publicClient,
        publishers: [walletClient.account.address],
      });
      const context = { publicClient, walletClient, archive };
      let next = 0;
      for (const size of SIZES) {
        let gasUsed = 0n;
        let floor = 0n;
        for (let run = 0; run <= RUNS[size]; run++) {
          const batch = records.slice(next, next + size);
          next += size;
          const { receipt, recorded } = await publishArchiveBatch(context, { records: batch });
          if (recorded !== size) throw new Error(`a batch recorded ${recorded} of ${size}`);
          if (run === 0) continue; // warm-up: the first batch of a size after another is not typical
          gasUsed += receipt.gasUsed;
          floor += calldataFloor(
            encodeFunctionData({ abi: archiveAbi, functionName: "publishBatch", args: [batch] }),
          );
        }
        const n = BigInt(size * RUNS[size]);
        const perRecord = Number(gasUsed / n);
        const floorPerRecord = Number(floor / n);
        results.push({
          kind,
          batchSize: size,
          batches: RUNS[size],
          gasPerRecord: perRecord,
          floorPerRecord,
          ratio: perRecord / floorPerRecord,
        });
      }
    } finally {
      await anvil.stop();
    }
  }
  return results;
}

/** Records as `lantern import` builds them from the sample generator's export (documents hashed, not stored). */
async function sampleRecords(
  count: number,
): Promise<{ listings: ArchiveRecord[]; reviews: ArchiveRecord[] }> {
  const dir = path.join(work, "records");
  mkdirSync(dir);
  const sample = generateSample({ seed: 7, listings: count, reviews: count });
  writeFileSync(path.join(dir, "listings.csv"), sample.listingsCsv);
  writeFileSync(path.join(dir, "reviews.jsonl"), sample.reviewsJsonl);
  const pseudonyms = new Pseudonymizer(SECRET);
  const fields = new FieldReader();
  const images = new Map(
    sample.images.map((image) => [
      `images/${image.name}`,
      { cid: cidOfBytes(image.bytes).toString(), type: "image/png" as const, size: image.bytes.length },
    ]),
  );
  const listings: ArchiveRecord[] = [];
  const reviews: ArchiveRecord[] = [];
  for (const [file, format] of [
    ["listings.csv", "csv"],
    ["reviews.jsonl", "jsonl"],
  ] as const) {
    for await (const row of readRows(path.join(dir, file), format).rows) {
      if (!row.values) continue;
      const legacy = fields.read(row.line, row.values);
      if (legacy.kind === "listing") {
        const listing = legacy as LegacyListing;
        const stored = listing.images.flatMap((reference) => images.get(reference) ?? []);
        const { document } = listingDocument(listing, pseudonyms.of(listing.sellerId), stored);
        listings.push(listingRecord(listing, document, encodeJson(document).cid.toString()));
      } else {
        const review = legacy as LegacyReview;
        const reviewer = pseudonyms.of(review.reviewerId);
        const { document } = reviewDocument(review, reviewer, undefined);
        reviews.push(reviewRecord(review, reviewer, encodeJson(document).cid.toString()));
      }
    }
  }
  return { listings, reviews };
}

/** `lantern import` of 100,000 listings, then 100,000 reviews, into a fresh anvil, as a child process. */
async function importEndToEnd() {
  const dir = path.join(work, "export");
  mkdirSync(path.join(dir, "images"), { recursive: true });
  const sample = generateSample({ seed: 2019, listings: END_TO_END, reviews: END_TO_END });
  writeFileSync(path.join(dir, "listings.csv"), sample.listingsCsv);
  writeFileSync(path.join(dir, "reviews.jsonl"), sample.reviewsJsonl);
  for (const image of sample.images) writeFileSync(path.join(dir, "images", image.name), image.bytes);
  writeFileSync(path.join(dir, "secret"), Buffer.from(SECRET).toString("hex"));

  const anvil = await startAnvil({ args: ["--gas-limit", "60000000"] });
  try {
    const key = anvil.accounts[0]?.privateKey as `0x${string}`;
    const dataDir = path.join(work, "data");
    const summaries = [];
    let wallMs = 0;
    for (const [i, file] of ["listings.csv", "reviews.jsonl"].entries()) {
      const summary = path.join(work, `summary-${i}.json`);
      const args = [
        "--import",
        "tsx",
        path.join(root, "packages/cli/src/bin.ts"),
        "import",
        path.join(dir, file),
      ];
      args.push("--rpc-url", anvil.rpcUrl, "--data-dir", dataDir, "--secret-file", path.join(dir, "secret"));
      args.push("--summary-json", summary, ...(i === 0 ? ["--deploy-archive"] : []));
      const started = performance.now();
      await run(process.execPath, args, { ...process.env, LANTERN_PRIVATE_KEY: key });
      wallMs += performance.now() - started;
      summaries.push(JSON.parse(readFileSync(summary, "utf8")));
    }
    const published = summaries.reduce((sum, s) => sum + s.published, 0);
    const elapsedMs = summaries.reduce((sum, s) => sum + s.elapsedMs, 0);
    const gasUsed = summaries.reduce((sum, s) => sum + BigInt(s.gasUsed), 0n);
    const floor = summaries.reduce((sum, s) => sum + BigInt(s.calldataFloorGas), 0n);
    return {
      records: END_TO_END * 2,
      published,
      rejected: summaries.reduce((sum, s) => sum + s.rejected, 0),
      batches: summaries.reduce((sum, s) => sum + s.batches, 0),
      importSeconds: elapsedMs / 1000,
      wallSeconds: wallMs / 1000,
      recordsPerSecond: (published / elapsedMs) * 1000,
      wallRecordsPerSecond: (published / wallMs) * 1000,
      gasPerRecord: Number(gasUsed) / published,
      floorPerRecord: Number(floor) / published,
      peakMemoryMb: Math.max(...summaries.map((s) => s.peakMemoryBytes)) / 1024 / 1024,
      files: summaries.map((s) => ({
        file: path.basename(s.file),
        published: s.published,
        seconds: s.elapsedMs / 1000,
        gasPerRecord: Number(BigInt(s.gasUsed) / BigInt(Math.max(1, s.published))),
        peakMemoryMb: s.peakMemoryBytes / 1024 / 1024,
      })),
    };
  } finally {
    await anvil.stop();
  }
}

function clients(rpcUrl: string, key: `0x${string}`) {
  const transport = http(rpcUrl);
  return {
    publicClient: createPublicClient({
      chain: foundry,
      transport,
      pollingInterval: 50,
    }) as LanternPublicClient,
    walletClient: createWalletClient({
      chain: foundry,
      transport,
      account: privateKeyToAccount(key),
    }) as LanternWalletClient,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}
