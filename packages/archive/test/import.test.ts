import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ContentStore } from "@lantern/content";
import {
  ArchiveKind,
  archiveContentCid,
  archiveLeaf,
  archiveProof,
  decodeListingSummary,
  encodeLegacyId,
  getArchiveBatchCount,
  getArchiveMilestones,
  parseArchiveLogs,
  verifyArchiveRecord,
} from "@lantern/sdk";
import {
  ImportError,
  type ImportFileOptions,
  importCommand,
  importFile,
  Pseudonymizer,
  readMilestones,
} from "../src/index.ts";
import { SAMPLE_DIR, SAMPLE_FILES, samplePng } from "../src/sample.ts";
import { SECRET, startChain, type TestChain, temporaryDir } from "./helpers/chain.ts";

const OTHER_SECRET = new TextEncoder().encode("somebody else's secret, also at least 32 bytes");
/** Text planted in the sample that must never reach a document or the chain. */
const PLANTED = [
  "(555)",
  "555.010",
  "555 010",
  "555-0123",
  "010-4477",
  "7700 900",
  "7946 0958",
  "example.com",
  "example.org",
  "example.net",
  "@example",
  "Evergreen",
  "Elm Street",
  "sam.seller",
  "pat dot lee",
  "jo(at)",
];

describe("importFile", () => {
  let chain: TestChain;
  const { dir, cleanup } = temporaryDir("import");
  let store: ContentStore;
  const options = (extra: Partial<ImportFileOptions> = {}): ImportFileOptions => ({
    file: SAMPLE_FILES.listings,
    secret: SECRET,
    chain,
    store,
    journalFile: path.join(dir, "journal.jsonl"),
    rejectsFile: path.join(dir, "rejects.jsonl"),
    progress: false,
    log: () => {},
    ...extra,
  });

  before(async () => {
    chain = await startChain();
    store = new ContentStore({ dir: path.join(dir, "content") });
  });
  after(async () => {
    await chain.stop();
    cleanup();
  });

  test("imports the sample: every record on chain once, documents stored, proofs verify on chain", async () => {
    const milestones = readMilestones(SAMPLE_FILES.milestones);
    const listings = await importFile(options({ batchSize: 64 }));
    const reviews = await importFile(options({ file: SAMPLE_FILES.reviews, batchSize: 64, milestones }));
    assert.deepEqual([listings.published, listings.rejected, listings.batches], [300, 0, 5]);
    assert.deepEqual([reviews.published, reviews.rejected], [400, 0]);
    assert.ok(
      listings.scrubbed + reviews.scrubbed >= 100,
      "the sample plants contact details in about 110 texts",
    );
    assert.equal(reviews.milestones.set, 6);

    const logs = await chain.publicClient.getLogs({ address: chain.archive, fromBlock: 0n });
    const { records, batches } = parseArchiveLogs(logs);
    assert.equal(records.length, 700);
    const ids = new Set(records.map((r) => `${r.kind}:${r.legacyId}`));
    assert.equal(ids.size, 700, "no legacy id recorded twice");

    const pseudonyms = new Pseudonymizer(SECRET);
    const sellers = new Map(
      readFileSync(SAMPLE_FILES.listings, "utf8")
        .split("\n")
        .slice(1)
        .filter((line) => /^\d+,/.test(line))
        .map((line) => line.split(",").slice(0, 2) as [string, string]),
    );
    for (const [i, record] of records.entries()) {
      const document = (await store.getJson(archiveContentCid(record.content))) as Record<string, unknown>;
      assert.ok(document, `document of record ${i}`);
      const text = JSON.stringify(document);
      for (const planted of PLANTED) assert.ok(!text.includes(planted), `"${planted}" survived in ${text}`);
      assert.ok(!/"u1\d{5}"/.test(text), "a raw user id survived");
      if (record.kind === ArchiveKind.Listing) {
        assert.equal(document.seller, pseudonyms.of(sellers.get(String(record.legacyId)) ?? ""));
        const { title } = decodeListingSummary(record.summary);
        for (const planted of PLANTED) assert.ok(!title.includes(planted));
      }
    }

    // Random records prove against their batch's root on chain.
    for (const i of [0, 1, 63, 64, 299, 300, 450, 699]) {
      const record = records[i];
      assert.ok(record);
      const leaves = records.filter((r) => r.batchId === record.batchId).map(archiveLeaf);
      const proof = archiveProof(leaves, record.leafIndex);
      assert.ok(await verifyArchiveRecord(chain, { batchId: record.batchId, record, proof }), `record ${i}`);
    }
    assert.equal(BigInt(batches.length), await getArchiveBatchCount(chain));
    assert.equal((await getArchiveMilestones(chain)).length, 6);
  });

  test("a second run publishes nothing and finds every record on chain", async () => {
    const before = await getArchiveBatchCount(chain);
    const again = await importFile(
      options({ file: SAMPLE_FILES.reviews, milestones: readMilestones(SAMPLE_FILES.milestones) }),
    );
    assert.deepEqual([again.published, again.alreadyArchived, again.batches], [0, 400, 0]);
    assert.equal(again.milestones.unchanged, 6);
    assert.equal(await getArchiveBatchCount(chain), before);
  });

  describe("bad input", () => {
    let server: Server;
    let base: string;
    let closedPort: number;
    before(async () => {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      closedPort = (probe.address() as AddressInfo).port;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      server = createServer((request, response) => {
        if (request.url === "/ok.png") response.end(samplePng(3));
        else if (request.url === "/slow.png") setTimeout(() => response.end(samplePng(4)), 2_000);
        else if (request.url === "/page.html") response.end("<!doctype html><title>not an image</title>");
        else response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test("rejects bad rows with their line numbers and reasons, and imports the rest", async () => {
      const file = path.join(dir, "bad.csv");
      writeFileSync(path.join(dir, "local.png"), samplePng(5));
      writeFileSync(path.join(dir, "notes.txt"), "not an image");
      const header = "id,seller_id,title,price,currency,category,created_at,images";
      writeFileSync(
        file,
        [
          header,
          `90001,u1,Good one,10.00,USD,books,2019-01-01,${base}/ok.png|local.png`,
          "90002,u1,Bad price,12;99,USD,books,2019-01-01,",
          "90003,u1,Bad date,5.00,USD,books,2019-13-01,",
          "90004,u1,,5.00,USD,books,2019-01-01,",
          '90005,u1,"never closed,5.00,USD,books,2019-01-01,',
          "90006,u1,Too few fields,5.00",
          `90007,u1,Missing image,5.00,USD,books,2019-01-01,${base}/missing.png`,
          `90008,u1,Nobody listening,5.00,USD,books,2019-01-01,http://127.0.0.1:${closedPort}/x.png`,
          `90009,u1,Slow image,5.00,USD,books,2019-01-01,${base}/slow.png`,
          `90010,u1,Not an image,5.00,USD,books,2019-01-01,${base}/page.html`,
          "90011,u1,Not an image file,5.00,USD,books,2019-01-01,notes.txt",
          "90001,u2,Duplicate id,5.00,USD,books,2019-01-01,",
          "90012,u1,Good two,7.50,EUR,books,2019-01-02,",
        ].join("\n"),
      );
      const report = await importFile(options({ file, imageTimeoutMs: 300 }));
      const rejects = readFileSync(path.join(dir, "rejects.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { line: number; reason: string; row: string });
      const byLine = Object.fromEntries(rejects.map((r) => [r.line, r.reason]));
      assert.deepEqual(Object.keys(byLine).map(Number), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      assert.match(byLine[3] ?? "", /price "12;99" is not a decimal number/);
      assert.match(byLine[4] ?? "", /date "2019-13-01"/);
      assert.match(byLine[5] ?? "", /no title/);
      assert.match(byLine[6] ?? "", /never closed/);
      assert.match(byLine[7] ?? "", /expected 8 fields/);
      assert.match(byLine[8] ?? "", /image 1: .*HTTP 404/);
      assert.match(byLine[9] ?? "", /image 1: .*could not be fetched: .*ECONNREFUSED/);
      assert.match(byLine[10] ?? "", /timed out/);
      assert.match(byLine[11] ?? "", /not a JPEG, PNG or WebP/);
      assert.match(byLine[12] ?? "", /not a JPEG, PNG or WebP/);
      assert.match(byLine[13] ?? "", /appears again \(first on line 2\)/);
      assert.equal(report.published, 2);
      assert.equal(rejects.find((r) => r.line === 3)?.row, "90002,u1,Bad price,12;99,USD,books,2019-01-01,");
    });

    test("refuses a file without a required column at line 1, before publishing", async () => {
      const file = path.join(dir, "no-price.csv");
      writeFileSync(
        file,
        "id,seller_id,title,currency,category,created_at\n95001,u1,A,USD,books,2019-01-01\n",
      );
      const before = await getArchiveBatchCount(chain);
      await assert.rejects(importFile(options({ file })), /Line 1: the header has no price column/);
      assert.equal(await getArchiveBatchCount(chain), before);
    });
  });

  describe("refusals before anything is published", () => {
    test("an unauthorized publisher", async () => {
      const stranger = chain.wallet(chain.anvil.accounts[4]?.privateKey as `0x${string}`);
      const before = await getArchiveBatchCount(chain);
      await assert.rejects(
        importFile(
          options({ chain: { ...chain, walletClient: stranger }, journalFile: path.join(dir, "j2.jsonl") }),
        ),
        (error: unknown) =>
          error instanceof ImportError && /is not an authorized publisher/.test(error.message),
      );
      assert.equal(await getArchiveBatchCount(chain), before);
    });

    test("a wrong secret, told by the journal", async () => {
      await assert.rejects(
        importFile(options({ secret: OTHER_SECRET })),
        /secret is not the one this archive's earlier imports used/,
      );
    });

    test("a wrong secret, told by the chain when the journal is gone", async () => {
      const file = path.join(dir, "more-reviews.jsonl");
      const archived = readFileSync(SAMPLE_FILES.reviews, "utf8").trim().split("\n").slice(0, 5);
      const fresh = JSON.stringify({
        id: "99999",
        listing_id: "10001",
        reviewer_id: "u9",
        rating: 5,
        created_at: "2019-05-01",
      });
      writeFileSync(file, `${[...archived, fresh].join("\n")}\n`);
      const before = await getArchiveBatchCount(chain);
      await assert.rejects(
        importFile(
          options({ file, secret: OTHER_SECRET, journalFile: path.join(dir, "fresh-journal.jsonl") }),
        ),
        /is on chain under another pseudonym/,
      );
      assert.equal(await getArchiveBatchCount(chain), before);
      const right = await importFile(options({ file, journalFile: path.join(dir, "fresh-journal.jsonl") }));
      assert.deepEqual([right.published, right.alreadyArchived], [1, 5]);
    });

    test("a missing key or secret, from the command line", async () => {
      const saved = { key: process.env.LANTERN_PRIVATE_KEY, secret: process.env.LANTERN_ARCHIVE_SECRET };
      delete process.env.LANTERN_PRIVATE_KEY;
      delete process.env.LANTERN_ARCHIVE_SECRET;
      try {
        const args = [
          SAMPLE_FILES.listings,
          "--rpc-url",
          chain.anvil.rpcUrl,
          "--archive",
          chain.archive,
          "--data-dir",
          dir,
        ];
        await assert.rejects(importCommand(args), /No pseudonym secret/);
        process.env.LANTERN_ARCHIVE_SECRET = Buffer.from(SECRET).toString("utf8");
        await assert.rejects(importCommand(args), /No publisher key/);
        await assert.rejects(importCommand([...args, "--batch-size", "0"]), /No publisher key/);
        process.env.LANTERN_PRIVATE_KEY = "0x1234";
        await assert.rejects(importCommand(args), /not a 32-byte hex private key/);
      } finally {
        if (saved.key === undefined) delete process.env.LANTERN_PRIVATE_KEY;
        else process.env.LANTERN_PRIVATE_KEY = saved.key;
        if (saved.secret === undefined) delete process.env.LANTERN_ARCHIVE_SECRET;
        else process.env.LANTERN_ARCHIVE_SECRET = saved.secret;
      }
    });
  });

  test("a dry run validates and shows records, and publishes and stores nothing", async () => {
    const fresh = temporaryDir("dry");
    try {
      const before = await getArchiveBatchCount(chain);
      const file = path.join(fresh.dir, "listings.csv");
      symlinkSync(path.join(SAMPLE_DIR, "images"), path.join(fresh.dir, "images"));
      writeFileSync(
        file,
        readFileSync(SAMPLE_FILES.listings, "utf8").replace(
          /^(\d+),/gm,
          (_, id) => `${Number(id) + 50_000},`,
        ),
      );
      const report = await importFile(
        options({ file, dryRun: true, store: undefined, journalFile: undefined, rejectsFile: undefined }),
      );
      assert.equal(report.published, 300);
      assert.equal(report.preview.length, 5);
      assert.equal(report.preview[0]?.record.legacyId, encodeLegacyId("60001"));
      assert.ok(report.calldataFloorGas > 0n);
      assert.equal(await getArchiveBatchCount(chain), before);
      assert.deepEqual(readdirSync(fresh.dir).sort(), ["images", "listings.csv"]);
    } finally {
      fresh.cleanup();
    }
  });

  test("the CLI deploys an archive when asked and writes where it is", async () => {
    const data = temporaryDir("cli");
    const saved = { key: process.env.LANTERN_PRIVATE_KEY, secret: process.env.LANTERN_ARCHIVE_SECRET };
    process.env.LANTERN_PRIVATE_KEY = chain.anvil.accounts[6]?.privateKey;
    process.env.LANTERN_ARCHIVE_SECRET = Buffer.from(SECRET).toString("utf8");
    try {
      const args = [
        SAMPLE_FILES.reviews,
        "--rpc-url",
        chain.anvil.rpcUrl,
        "--data-dir",
        data.dir,
        "--batch-size",
        "150",
      ];
      await assert.rejects(importCommand(args), /No Archive is known/);
      const report = await importCommand([...args, "--deploy-archive"]);
      assert.equal(report?.published, 400);
      const deployment = JSON.parse(
        readFileSync(path.join(data.dir, "deployments", "31337.archive.json"), "utf8"),
      );
      assert.notEqual(deployment.Archive.toLowerCase(), chain.archive.toLowerCase());
      assert.equal((await importCommand(args))?.alreadyArchived, 400);
      assert.ok(existsSync(path.join(data.dir, "content")));
    } finally {
      process.env.LANTERN_PRIVATE_KEY = saved.key;
      process.env.LANTERN_ARCHIVE_SECRET = saved.secret;
      if (saved.key === undefined) delete process.env.LANTERN_PRIVATE_KEY;
      if (saved.secret === undefined) delete process.env.LANTERN_ARCHIVE_SECRET;
      rmSync(data.dir, { recursive: true, force: true });
    }
  });
});
