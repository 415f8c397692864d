import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { escrowAbi, fixedPriceListingAbi, listingFactoryAbi } from "@lantern/sdk";
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodeEventTopics,
  getAbiItem,
  type Hex,
  keccak256,
  toHex,
} from "viem";
import { silentLogger } from "../src/common/logger.ts";
import type { IndexerDeployment } from "../src/common/options.ts";
import { decodeLogs } from "../src/decode/decodeLogs.ts";
import { openDatabase } from "../src/index.ts";
import { rollback } from "../src/reorg/rollback.ts";
import type { Checkpoint } from "../src/store/checkpoint.ts";
import type { Database } from "../src/store/database.ts";
import { migrate } from "../src/store/migrate.ts";
import { writeRange } from "../src/store/writeRange.ts";
import type { ChainLog } from "../src/sync/types.ts";
import { databaseTargets } from "./helpers/databases.ts";

const deployment: IndexerDeployment = {
  chainId: 31337,
  deploymentBlock: 1n,
  contracts: {
    ListingFactory: "0x00000000000000000000000000000000000000f1",
    Escrow: "0x00000000000000000000000000000000000000e5",
    KeyRegistry: "0x00000000000000000000000000000000000000a1",
  },
};
const listing: Address = "0x00000000000000000000000000000000000001a1";
const seller: Address = "0x0000000000000000000000000000000000000a11";
const buyer: Address = "0x0000000000000000000000000000000000000b22";
const arbitrator: Address = "0x0000000000000000000000000000000000000c33";
const hashOf = (block: bigint) => keccak256(toHex(`block ${block}`));

/** A log as a node would return it for `eventName` with `args`, emitted by `address` in `block`. */
function makeLog(
  abi: Abi,
  eventName: string,
  args: Record<string, unknown>,
  address: Address,
  block: bigint,
  index: number,
): ChainLog {
  const item = getAbiItem({ abi, name: eventName }) as unknown as {
    inputs: { name: string; type: string; indexed?: boolean; components?: unknown }[];
  };
  const topics = encodeEventTopics({ abi, eventName, args } as never) as Hex[];
  const data = encodeAbiParameters(
    item.inputs.filter((i) => !i.indexed) as never,
    item.inputs.filter((i) => !i.indexed).map((i) => args[i.name]) as never,
  );
  return {
    address,
    topics,
    data,
    blockNumber: block,
    blockHash: hashOf(block),
    logIndex: index,
    transactionHash: keccak256(toHex(`tx ${block} ${index}`)),
    blockTimestamp: 1_700_000_000n + block,
  };
}

/** Whether this escrow version has the paid-dispute events (DisputeOpened, ArbitrationFeePaid). */
const HAS_DISPUTE_FEES = (escrowAbi as Abi).some(
  (item) => item.type === "event" && item.name === "DisputeOpened",
);

const F = deployment.contracts.ListingFactory;
const E = deployment.contracts.Escrow;
const paid = {
  orderId: 1n,
  listing,
  buyer,
  seller,
  currency: "0x0000000000000000000000000000000000000000",
  amount: 300n,
  quantity: 3n,
  escrowed: true,
  shipWindow: 3600n,
  deliveryWindow: 7200n,
  paidAt: 1_700_000_002n,
  shippingDigest: `0x${"5".repeat(64)}`,
};
const BLOCKS: ChainLog[][] = [
  [
    makeLog(
      listingFactoryAbi,
      "ListingCreated",
      {
        listing,
        seller,
        template: "0x0000000000000000000000000000000000000777",
        params: {
          currency: "0x0000000000000000000000000000000000000000",
          price: 100n,
          stock: 10n,
          metadataCid: "bafy",
          title: "Nul\u0000title",
          category: "misc",
          location: "",
        },
      },
      F,
      1n,
      0,
    ),
  ],
  [
    makeLog(escrowAbi, "OrderPaid", paid, E, 2n, 0),
    // Escrows with paid disputes open them first (DisputeOpened, then the other party's fee).
    ...(HAS_DISPUTE_FEES
      ? [
          makeLog(
            escrowAbi,
            "DisputeOpened",
            { orderId: 1n, opener: buyer, arbitrator, fee: 5n, feeDeadline: 9n, extraData: "0x" },
            E,
            2n,
            10,
          ),
          makeLog(escrowAbi, "ArbitrationFeePaid", { orderId: 1n, payer: seller, fee: 5n }, E, 2n, 11),
        ]
      : []),
    makeLog(escrowAbi, "OrderDisputed", { orderId: 1n, arbitrator, disputeId: 7n }, E, 2n, 12),
    makeLog(
      escrowAbi,
      "Dispute",
      { arbitrator, disputeID: 7n, metaEvidenceID: 0n, evidenceGroupID: 1n },
      E,
      2n,
      13,
    ),
    makeLog(
      escrowAbi,
      "Evidence",
      { arbitrator, evidenceGroupID: 1n, party: buyer, evidence: "/ipfs/bafy-evidence" },
      E,
      2n,
      14,
    ),
  ],
  [
    makeLog(escrowAbi, "Ruling", { arbitrator, disputeID: 7n, ruling: 1n }, E, 3n, 0),
    makeLog(
      escrowAbi,
      "OrderResolved",
      { orderId: 1n, ruling: 1n, buyerAmount: 300n, sellerAmount: 0n },
      E,
      3n,
      1,
    ),
    makeLog(fixedPriceListingAbi, "StockChanged", { stock: 10n }, listing, 3n, 2),
    makeLog(
      escrowAbi,
      "PaymentDeferred",
      { account: buyer, currency: paid.currency, amount: 300n },
      E,
      3n,
      3,
    ),
    makeLog(escrowAbi, "Withdrawn", { account: buyer, currency: paid.currency, amount: 300n }, E, 3n, 4),
    makeLog(escrowAbi, "WindowsChanged", { shipWindow: 60n, deliveryWindow: 120n }, E, 3n, 5),
  ],
  [
    makeLog(
      escrowAbi,
      "OrderShipped",
      { orderId: 99n, trackingDigest: `0x${"0".repeat(64)}`, shippedAt: 5n },
      E,
      4n,
      0,
    ),
  ],
];

/** Writes each block as its own range, all above the finality depth (with undo information). */
async function writeBlocks(db: Database): Promise<Checkpoint> {
  let checkpoint: Checkpoint = { number: 0n, hash: hashOf(0n), undoFloor: 0n };
  const known = new Set<Address>();
  for (const logs of BLOCKS) {
    const block = logs[0]?.blockNumber ?? 0n;
    const decoded = decodeLogs(logs, deployment, (a) => known.has(a));
    for (const l of decoded.newListings) known.add(l);
    const header = { number: block, hash: hashOf(block), parentHash: hashOf(block - 1n), timestamp: 0n };
    const result = await writeRange(
      db,
      { from: block, to: block, headers: [header], unfinalized: true, decoded },
      checkpoint,
      4n,
      64,
    );
    checkpoint = result.checkpoint;
  }
  return checkpoint;
}

for (const target of databaseTargets()) {
  describe(`the store on ${target.name}`, () => {
    test("folds disputes, rulings, evidence, payments and settings, and skips what does not fit", async () => {
      const handle = await target.create();
      const db = await openDatabase(handle.config);
      try {
        await migrate(db, silentLogger);
        await writeBlocks(db);
        const [order] = await db.query<Record<string, unknown>>(
          "SELECT state, arbitrator, dispute_id::text, ruling::text, buyer_amount::text, updated_block::text FROM orders",
        );
        assert.deepEqual(order, {
          state: 7,
          arbitrator,
          dispute_id: "7",
          ruling: "1",
          buyer_amount: "300",
          updated_block: "3",
        });
        const [dispute] = await db.query<Record<string, unknown>>(
          "SELECT arbitrable, evidence_group_id::text, ruling::text, ruled_block::text FROM disputes",
        );
        assert.deepEqual(dispute, { arbitrable: E, evidence_group_id: "1", ruling: "1", ruled_block: "3" });
        const [listingRow] = await db.query<Record<string, unknown>>(
          "SELECT title, stock::text FROM listings",
        );
        assert.deepEqual(
          listingRow,
          { title: "Nul\uFFFDtitle", stock: "10" },
          "NUL replaced; restocked after the refund",
        );
        assert.equal((await db.query("SELECT 1 FROM evidence")).length, 1);
        assert.equal((await db.query("SELECT 1 FROM payments")).length, 2);
        assert.equal(
          (await db.query("SELECT 1 FROM contract_events WHERE event = 'WindowsChanged'")).length,
          1,
        );
        const skipped = await db.query<{ reason: string }>("SELECT reason FROM skipped_logs");
        assert.equal(skipped.length, 1);
        assert.match(skipped[0]?.reason ?? "", /order 99/);
      } finally {
        await db.close();
        await handle.drop();
      }
    });

    test("a rollback restores changed rows and removes rows written above the ancestor", async () => {
      const handle = await target.create();
      const db = await openDatabase(handle.config);
      try {
        await migrate(db, silentLogger);
        await writeBlocks(db);
        const checkpoint = await rollback(db, { number: 2n, hash: hashOf(2n) }, async (n) => hashOf(n));
        assert.equal(checkpoint.number, 2n);
        const [order] = await db.query<{ state: number; ruling: string | null }>(
          "SELECT state, ruling::text FROM orders",
        );
        assert.deepEqual(order, { state: 6, ruling: null }, "back to Disputed");
        const [dispute] = await db.query<{ ruling: string | null }>("SELECT ruling::text FROM disputes");
        assert.equal(dispute?.ruling, null);
        const [listingRow] = await db.query<{ stock: string }>("SELECT stock::text FROM listings");
        assert.equal(listingRow?.stock, "7", "three sold, not yet restocked");
        assert.equal((await db.query("SELECT 1 FROM payments")).length, 0);
        assert.equal((await db.query("SELECT 1 FROM skipped_logs")).length, 0);
        assert.equal((await db.query("SELECT 1 FROM evidence")).length, 1, "block 2's evidence stays");

        await rollback(db, { number: 0n, hash: hashOf(0n) }, async (n) => hashOf(n));
        for (const table of [
          "listings",
          "orders",
          "disputes",
          "evidence",
          "listing_history",
          "order_events",
        ]) {
          assert.equal((await db.query(`SELECT 1 FROM ${table}`)).length, 0, `${table} is empty`);
        }
      } finally {
        await db.close();
        await handle.drop();
      }
    });
  });
}
