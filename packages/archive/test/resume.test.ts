import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { ContentStore } from "@lantern/content";
import {
  ArchiveKind,
  archiveContentCid,
  encodeLegacyId,
  getArchiveBatchCount,
  getArchived,
  parseArchiveLogs,
} from "@lantern/sdk";
import { importFile, Journal } from "../src/index.ts";
import { generateSample, random } from "../src/sample.ts";
import { SECRET, startChain, type TestChain, temporaryDir } from "./helpers/chain.ts";

const child = fileURLToPath(new URL("./helpers/importChild.ts", import.meta.url));
const LISTINGS = 1500;
const REVIEWS = 1500;
const KILLS = 6;

describe("an import killed at random points", () => {
  let chain: TestChain;
  const { dir, cleanup } = temporaryDir("resume");
  const dataDir = path.join(dir, "data");
  let files: string[];
  let sample: ReturnType<typeof generateSample>;

  before(async () => {
    chain = await startChain();
    sample = generateSample({ seed: 20_190_516, listings: LISTINGS, reviews: REVIEWS });
    mkdirSync(path.join(dir, "images"));
    for (const image of sample.images) writeFileSync(path.join(dir, "images", image.name), image.bytes);
    files = [path.join(dir, "listings.csv"), path.join(dir, "reviews.jsonl")];
    writeFileSync(files[0] as string, sample.listingsCsv);
    writeFileSync(files[1] as string, sample.reviewsJsonl);
  });
  after(async () => {
    await chain.stop();
    cleanup();
  });

  const run = (): { process: ChildProcess; started: Promise<void>; exited: Promise<number | null> } => {
    const args = ["--import", "tsx", child, "--rpc-url", chain.anvil.rpcUrl, "--archive", chain.archive];
    args.push("--data-dir", dataDir, "--batch-size", "40", "--", ...files);
    const proc = spawn(process.execPath, args, {
      env: {
        ...process.env,
        LANTERN_PRIVATE_KEY: chain.key,
        LANTERN_ARCHIVE_SECRET: Buffer.from(SECRET).toString(),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    proc.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    const started = new Promise<void>((resolve) => {
      proc.stdout?.on("data", (chunk) => {
        output += chunk;
        if (String(chunk).includes("go")) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) =>
      proc.once("exit", (code) => {
        if (code && code !== 0) process.stderr.write(output);
        resolve(code);
      }),
    );
    return { process: proc, started, exited };
  };

  const journalFile = () =>
    path.join(dataDir, "archive", `31337-${chain.archive.toLowerCase()}.journal.jsonl`);
  const sentBatches = (): number => {
    if (!existsSync(journalFile())) return 0;
    return readFileSync(journalFile(), "utf8").split('"t":"sent"').length - 1;
  };

  test("ends with every record on chain exactly once", { timeout: 240_000 }, async (t) => {
    const rand = random(7);
    let killedMidway = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const { process: proc, started, exited } = run();
      await started;
      // Kill at a point measured in the import's own progress, not in wall time, so a fast machine cannot
      // finish the import before the kills land: after 1–4 more batches were sent, then 0–150 ms on, which
      // lands some kills between sending a batch and recording its outcome.
      const target = sentBatches() + 1 + Math.floor(rand() * 4);
      const reached = (async () => {
        while (sentBatches() < target) await sleep(10);
        await sleep(Math.floor(rand() * 150));
        return false;
      })();
      const finished = await Promise.race([exited.then(() => true), reached]);
      if (finished) break;
      proc.kill("SIGKILL");
      await exited;
      killedMidway++;
    }
    assert.ok(killedMidway >= 3, `only ${killedMidway} kills landed before the import finished`);
    const batchesBefore = await getArchiveBatchCount(chain);
    t.diagnostic(`${killedMidway} kills landed mid-import, after ${batchesBefore} batches`);
    assert.ok(batchesBefore > 0n, "some batches were published before the kills");

    const { exited } = run();
    assert.equal(await exited, 0);

    // Every record exactly once: one event per (kind, legacy id), every id archived, nothing else.
    const logs = await chain.publicClient.getLogs({ address: chain.archive, fromBlock: 0n });
    const { records, batches } = parseArchiveLogs(logs);
    const counts = new Map<string, number>();
    for (const record of records) {
      const key = `${record.kind}:${record.legacyId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const duplicates = [...counts].filter(([, n]) => n > 1);
    assert.deepEqual(duplicates, []);
    assert.equal(records.length, LISTINGS + REVIEWS);
    assert.equal(
      batches.reduce((sum, batch) => sum + batch.records, 0),
      records.length,
    );
    const listingIds = sample.stats.listingIds.map(encodeLegacyId);
    const reviewIds = sample.stats.reviewIds.map(encodeLegacyId);
    assert.equal(
      (await getArchived(chain, { kind: ArchiveKind.Listing, legacyIds: listingIds })).size,
      LISTINGS,
    );
    assert.equal(
      (await getArchived(chain, { kind: ArchiveKind.Review, legacyIds: reviewIds })).size,
      REVIEWS,
    );
    for (const id of listingIds) assert.equal(counts.get(`0:${id}`), 1, `listing ${id}`);
    for (const id of reviewIds) assert.equal(counts.get(`1:${id}`), 1, `review ${id}`);

    // Every record's document is in the store and matches its CID.
    const store = new ContentStore({ dir: path.join(dataDir, "content") });
    for (const record of records) assert.ok(await store.get(archiveContentCid(record.content)));

    // The journal agrees with the chain: every transaction it sent has an outcome, its batches hold their roots.
    const journal = Journal.open(journalFile());
    assert.deepEqual(journal.unresolved(), []);
    const mined = journal.mined().filter((entry) => entry.batchId !== "0");
    const byId = new Map(batches.map((batch) => [batch.batchId.toString(), batch.root]));
    for (const entry of mined) assert.equal(byId.get(entry.batchId), entry.root);
    assert.ok(readFileSync(journalFile(), "utf8").length > 0);
  });
});

describe("a journal left by a killed run", () => {
  let chain: TestChain;
  const { dir, cleanup } = temporaryDir("journal");
  before(async () => {
    chain = await startChain();
  });
  after(async () => {
    await chain.stop();
    cleanup();
  });

  test("gets the outcome of transactions left in flight, and is moved aside when the chain was reset", async () => {
    const file = path.join(dir, "listings.csv");
    writeFileSync(
      file,
      "id,seller_id,title,price,currency,category,created_at\n1,u1,A,1.00,USD,books,2019-01-01\n",
    );
    const options = {
      file,
      secret: SECRET,
      chain,
      store: new ContentStore({ dir: path.join(dir, "content") }),
      journalFile: path.join(dir, "journal.jsonl"),
      progress: false as const,
      log: () => {},
    };
    await importFile(options);
    // A run killed after sending: the transaction is on chain, its outcome is not in the journal.
    const journal = Journal.open(options.journalFile);
    const mined = journal.mined()[0];
    assert.ok(mined);
    const lines = readFileSync(options.journalFile, "utf8").trim().split("\n");
    const unknown = `0x${"ab".repeat(32)}`;
    const sentUnknown = JSON.stringify({
      t: "sent",
      tx: unknown,
      records: 1,
      file: "x",
      lines: [2, 2],
      at: "",
    });
    writeFileSync(options.journalFile, `${lines.slice(0, -1).join("\n")}\n${sentUnknown}\n`);
    const notes: string[] = [];
    const again = await importFile({ ...options, log: (line: string) => notes.push(line) });
    assert.equal(again.alreadyArchived, 1);
    const resolved = Journal.open(options.journalFile);
    assert.deepEqual(resolved.unresolved(), []);
    assert.deepEqual(
      resolved.entries.filter((e) => e.t === "mined").map((e) => (e as { tx: string }).tx),
      [mined.tx],
    );
    assert.ok(resolved.entries.some((e) => e.t === "lost" && e.tx === unknown));
    assert.ok(notes.some((note) => note.includes("never landed")));

    // A journal whose batches the chain does not hold (a chain started afresh) is moved aside.
    writeFileSync(
      options.journalFile,
      `${readFileSync(options.journalFile, "utf8")}${JSON.stringify({ ...mined, batchId: "77" })}\n`,
    );
    const fresh = await importFile({ ...options, log: (line: string) => notes.push(line) });
    assert.equal(fresh.alreadyArchived, 1);
    assert.ok(notes.some((note) => note.includes("moved aside")));
    assert.ok(readdirSync(dir).some((name) => name.startsWith("journal.jsonl.stale-")));
  });
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
