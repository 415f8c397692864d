import type { Address } from "viem";
import { NonRetryableError } from "../common/errors.ts";
import type { DecodedLogs } from "../decode/decodeLogs.ts";
import { pruneUndo, saveUndo } from "../reorg/undo.ts";
import type { BlockHeader } from "../sync/types.ts";
import type { Checkpoint } from "./checkpoint.ts";
import { saveBlocks, writeCheckpoint } from "./checkpoint.ts";
import type { Database } from "./database.ts";
import { AppendOnlyRows } from "./reduce/appendOnly.ts";
import { ArchiveRows } from "./reduce/archive.ts";
import { DisputeReducer } from "./reduce/disputes.ts";
import { ListingReducer } from "./reduce/listings.ts";
import { OrderReducer } from "./reduce/orders.ts";
import { ReviewReducer } from "./reduce/reviews.ts";
import { routeEvents } from "./routeEvents.ts";

export interface RangeToWrite {
  from: bigint;
  to: bigint;
  /** Every block's header for an unfinalized range; the last block's otherwise. */
  headers: readonly BlockHeader[];
  unfinalized: boolean;
  decoded: DecodedLogs;
}

export interface WriteResult {
  checkpoint: Checkpoint;
  /** Logs stored in skipped_logs: undecodable, or events that did not fit the index (counted). */
  skipped: number;
}

/**
 * Writes one range in ONE transaction: the rows its events make or change, and the checkpoint that says
 * the range is done. A crash before COMMIT leaves the previous checkpoint and none of these rows; after
 * it, both. That is the whole crash-recovery story: resume from the checkpoint.
 */
export async function writeRange(
  db: Database,
  range: RangeToWrite,
  previous: Checkpoint,
  head: bigint,
  finality: number,
): Promise<WriteResult> {
  const last = range.headers.at(-1);
  if (!last || last.number !== range.to) {
    throw new NonRetryableError(`range ${range.from}..${range.to} lacks its last header`);
  }
  // Reducers are not idempotent (a purchase lowers stock each time it is applied), so a range must follow
  // the checkpoint exactly: applying one twice, or leaving a gap, would corrupt the index.
  if (range.from !== previous.number + 1n) {
    throw new NonRetryableError(
      `refusing to write blocks ${range.from}..${range.to}: the index is at block ${previous.number}`,
    );
  }
  const { events } = range.decoded;

  return db.transaction(async (tx) => {
    const listings = new ListingReducer();
    const orders = new OrderReducer();
    const disputes = new DisputeReducer();
    const appendOnly = new AppendOnlyRows();
    const archive = new ArchiveRows();
    const reviews = new ReviewReducer();
    appendOnly.skipAll(range.decoded.skipped);

    const listingKeys = ListingReducer.touched(events);
    const orderKeys = OrderReducer.touched(events);
    const disputeKeys = DisputeReducer.touched(events);
    const reviewKeys = ReviewReducer.touched(events);
    if (range.unfinalized) {
      await saveUndo(tx, range.from, range.to, {
        listings: [...new Set<Address>([...listingKeys, ...range.decoded.newListings])],
        orders: orderKeys,
        disputes: disputeKeys,
        reviews: reviewKeys,
      });
    }
    await listings.load(tx, listingKeys);
    await orders.load(tx, orderKeys);
    await disputes.load(tx, disputeKeys);
    await reviews.load(tx, reviewKeys);

    routeEvents(events, { listings, orders, disputes, appendOnly, archive, reviews });

    await listings.write(tx);
    await orders.write(tx);
    await disputes.write(tx);
    await appendOnly.write(tx);
    await archive.write(tx);
    await reviews.write(tx);

    // Below `head - finality` nothing can reorg: undo information from there down is dropped, and a range
    // written without undo information raises the floor to its end.
    const safe = head - BigInt(finality);
    const floor = range.unfinalized ? maxOf(previous.undoFloor, minOf(safe, previous.number)) : range.to;
    const checkpoint: Checkpoint = { number: range.to, hash: last.hash, undoFloor: floor };
    await saveBlocks(tx, range.unfinalized ? range.headers : [last]);
    if (floor > previous.undoFloor) await pruneUndo(tx, floor);
    await writeCheckpoint(tx, checkpoint);
    return { checkpoint, skipped: appendOnly.skippedCount };
  });
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
