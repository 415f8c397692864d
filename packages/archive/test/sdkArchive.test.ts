// The SDK's archive functions (packages/sdk/src/actions/archive), against the contract on anvil.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ArchiveKind,
  type ArchiveRecord,
  archiveContentCid,
  archiveContentDigest,
  archiveLeaf,
  archiveProof,
  archiveRoot,
  ContractRevertError,
  cidOfJson,
  decodeLegacyId,
  decodeListingSummary,
  decodeReviewSummary,
  encodeLegacyId,
  encodeListingSummary,
  encodeReviewSummary,
  getArchiveBatchRoot,
  getArchived,
  getArchiveMilestones,
  isArchived,
  parseArchiveLogs,
  publishArchiveBatch,
  removeArchiveMilestone,
  setArchiveMilestone,
  setArchivePublisher,
  verifyArchiveProof,
  verifyArchiveRecord,
} from "@lantern/sdk";
import { keccak256, toHex } from "viem";
import { startChain, type TestChain } from "./helpers/chain.ts";

const listing = (id: number): ArchiveRecord => ({
  kind: ArchiveKind.Listing,
  legacyId: BigInt(id),
  content: keccak256(toHex(`listing ${id}`)),
  summary: encodeListingSummary({
    date: 1_551_441_600 + id,
    price: 129_999n,
    currency: "USD",
    category: "cameras",
    title: `Nikon D750 #${id} — ünïcödé`,
  }),
});
const review = (id: number, listingId: number): ArchiveRecord => ({
  kind: ArchiveKind.Review,
  legacyId: BigInt(id),
  content: keccak256(toHex(`review ${id}`)),
  summary: encodeReviewSummary({
    listingId: BigInt(listingId),
    date: 1_551_441_600 + id,
    rating: 1 + (id % 5),
    reviewer: keccak256(toHex(`reviewer ${id % 7}`)).slice(0, 34) as `0x${string}`,
  }),
});

describe("legacy ids and summaries", () => {
  test("encode legacy ids as documented and decode them back", () => {
    assert.equal(encodeLegacyId("10001"), 10001n);
    assert.equal(encodeLegacyId("L-0001234"), (9n << 248n) | 0x4c2d30303031323334n);
    assert.notEqual(encodeLegacyId("007"), encodeLegacyId("7"));
    const long = "a-legacy-identifier-longer-than-thirty-one-bytes";
    assert.equal(encodeLegacyId(long) >> 248n, 0xffn);
    for (const id of ["1", "10001", "007", "0", "L-0001234", "ünï", `${2n ** 248n - 1n}`, "x".repeat(31)]) {
      assert.equal(decodeLegacyId(encodeLegacyId(id)), id);
    }
    assert.equal(decodeLegacyId(encodeLegacyId(long)), undefined);
    assert.throws(() => encodeLegacyId(""));
    assert.throws(() => decodeLegacyId(0n));
    assert.throws(() => decodeLegacyId(40n << 248n));
  });

  test("pack and unpack listing and review summaries", () => {
    const summary = {
      date: 1_551_441_600,
      price: 129_999n,
      currency: "USD",
      category: "cameras",
      title: "Nikon D750",
    };
    assert.deepEqual(decodeListingSummary(encodeListingSummary(summary)), summary);
    const packed = encodeReviewSummary({
      listingId: 10001n,
      date: 1_551_441_600,
      rating: 5,
      reviewer: `0x${"ab".repeat(16)}`,
    });
    assert.equal(packed.length, 2 + 128);
    assert.deepEqual(decodeReviewSummary(packed), {
      listingId: 10001n,
      date: 1_551_441_600,
      rating: 5,
      reviewer: `0x${"ab".repeat(16)}`,
    });
    assert.throws(() => encodeListingSummary({ ...summary, title: "x".repeat(500) }), /at most 512/);
    assert.throws(() => encodeListingSummary({ ...summary, currency: "usd" }), /ISO 4217/);
    assert.throws(
      () => encodeReviewSummary({ listingId: 1n, date: 0, rating: 6, reviewer: `0x${"ab".repeat(16)}` }),
      /Rating/,
    );
  });

  test("name content by a json-codec CID whose digest goes on chain", () => {
    const cid = cidOfJson({ title: "Nikon D750" });
    const digest = archiveContentDigest(cid);
    assert.equal(archiveContentCid(digest).toString(), cid.toString());
  });
});

describe("archive actions on chain", () => {
  let chain: TestChain;
  before(async () => {
    chain = await startChain();
  });
  after(() => chain.stop());

  test("publish a batch whose root the SDK computes, and prove every record on chain", async () => {
    const records = [listing(1), listing(2), review(50, 1), listing(3), review(51, 2)];
    const result = await publishArchiveBatch(chain, { records });
    assert.equal(result.batchId, 1n);
    assert.equal(result.recorded, 5);
    const leaves = records.map(archiveLeaf);
    assert.equal(result.root, archiveRoot(leaves));
    assert.equal(await getArchiveBatchRoot(chain, 1n), result.root);
    for (const [i, record] of records.entries()) {
      const proof = archiveProof(leaves, i);
      assert.ok(verifyArchiveProof(leaves[i] as `0x${string}`, proof, result.root));
      assert.ok(await verifyArchiveRecord(chain, { batchId: 1n, record, proof }));
    }
    const altered = { ...listing(1), summary: listing(2).summary };
    assert.equal(
      await verifyArchiveRecord(chain, { batchId: 1n, record: altered, proof: archiveProof(leaves, 0) }),
      false,
    );
  });

  test("rebuild records, their batch and leaf index from the logs alone", async () => {
    const records = [listing(10), review(60, 10), listing(11)];
    const { receipt } = await publishArchiveBatch(chain, { records });
    const parsed = parseArchiveLogs(receipt.logs);
    assert.equal(parsed.batches.length, 1);
    assert.deepEqual(
      parsed.records.map((r) => ({
        kind: r.kind,
        legacyId: r.legacyId,
        content: r.content,
        summary: r.summary,
      })),
      records,
    );
    assert.deepEqual(
      parsed.records.map((r) => [r.batchId, r.leafIndex]),
      [
        [2n, 0],
        [2n, 1],
        [2n, 2],
      ],
    );
  });

  test("skip legacy ids already archived and report them", async () => {
    const result = await publishArchiveBatch(chain, { records: [listing(1), listing(12), review(50, 1)] });
    assert.equal(result.recorded, 1);
    assert.deepEqual(
      result.skipped.map((s) => [s.kind, s.legacyId]),
      [
        [0, 1n],
        [1, 50n],
      ],
    );
    const none = await publishArchiveBatch(chain, { records: [listing(1)] });
    assert.equal(none.batchId, 0n);
    assert.ok(await isArchived(chain, { kind: ArchiveKind.Review, legacyId: 51n }));
    assert.deepEqual(
      [...(await getArchived(chain, { kind: ArchiveKind.Listing, legacyIds: [1n, 2n, 4n, 12n, 300n] }))],
      [1n, 2n, 12n],
    );
  });

  test("refuse an unauthorized publisher with a readable error", async () => {
    const stranger = chain.wallet(chain.anvil.accounts[3]?.privateKey as `0x${string}`);
    const context = { ...chain, walletClient: stranger };
    await assert.rejects(publishArchiveBatch(context, { records: [listing(99)] }), (error: unknown) => {
      assert.ok(error instanceof ContractRevertError);
      assert.equal(error.errorName, "NotPublisher");
      assert.match(error.shortMessage, /is not an authorized publisher/);
      return true;
    });
    await assert.rejects(
      setArchivePublisher(context, { publisher: stranger.account.address, authorized: true }),
      {
        errorName: "OwnableUnauthorizedAccount",
      },
    );
    await setArchivePublisher(chain, { publisher: stranger.account.address, authorized: true });
    assert.equal((await publishArchiveBatch(context, { records: [listing(99)] })).recorded, 1);
  });

  test("flag, relabel and remove milestones", async () => {
    await setArchiveMilestone(chain, { kind: ArchiveKind.Listing, legacyId: 1n, label: "first listing" });
    await setArchiveMilestone(chain, { kind: ArchiveKind.Review, legacyId: 50n, label: "first review" });
    await setArchiveMilestone(chain, {
      kind: ArchiveKind.Listing,
      legacyId: 1n,
      label: "the very first listing",
    });
    assert.deepEqual(await getArchiveMilestones(chain), [
      { kind: 0, legacyId: 1n, label: "the very first listing" },
      { kind: 1, legacyId: 50n, label: "first review" },
    ]);
    await assert.rejects(
      setArchiveMilestone(chain, { kind: ArchiveKind.Listing, legacyId: 777n, label: "x" }),
      {
        errorName: "NotArchived",
      },
    );
    await removeArchiveMilestone(chain, { kind: ArchiveKind.Listing, legacyId: 1n });
    assert.equal((await getArchiveMilestones(chain)).length, 1);
  });
});
