import type { Hex } from "viem";
import { DeploymentMismatchError } from "../common/errors.ts";
import type { IndexerDeployment } from "../common/options.ts";
import { decodeLogs } from "../decode/decodeLogs.ts";
import { EVENTS_BY_SOURCE } from "../decode/events.ts";
import { rollback } from "../reorg/rollback.ts";
import type { Rpc } from "../sync/rpc.ts";
import { blockHashAt, type Checkpoint } from "./checkpoint.ts";
import type { Database } from "./database.ts";
import { AppendOnlyRows } from "./reduce/appendOnly.ts";
import { ReviewReducer } from "./reduce/reviews.ts";

const REVIEW_TOPICS: readonly Hex[] = [...EVENTS_BY_SOURCE.reviews.keys()];
const CHUNK = 50_000n;

/**
 * An index built before the indexer followed the Reviews contract passed over its events (they were not
 * even fetched). The first start that knows the contract reads them, up to the checkpoint, in one
 * transaction with the `reviews` meta row, so they are read once. Reviews rows change (answers), so only
 * final blocks may be written without undo information: the blocks above the undo floor are rolled back
 * first and simply indexed again, reviews included. Returns the checkpoint to resume from.
 */
export async function catchUpReviews(
  db: Database,
  rpc: Rpc,
  deployment: IndexerDeployment,
  checkpoint: Checkpoint,
): Promise<Checkpoint> {
  const reviews = deployment.contracts.Reviews?.toLowerCase();
  const [row] = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'reviews'");
  if (!reviews || row?.value === reviews) return checkpoint;
  if (row) {
    throw new DeploymentMismatchError(
      `The database at ${db.location} indexes the Reviews contract ${row.value}, not ${reviews}.`,
      { details: "Use another data directory or database (or schema), or delete this one to rebuild it." },
    );
  }
  let cp = checkpoint;
  if (cp.number > cp.undoFloor) {
    const hash = (await blockHashAt(db, cp.undoFloor)) ?? (await rpc.header(cp.undoFloor)).hash;
    cp = await rollback(db, { number: cp.undoFloor, hash }, async (n) => (await rpc.header(n)).hash);
  }
  const logs = [];
  for (let from = deployment.deploymentBlock; from <= cp.number; from += CHUNK) {
    const to = from + CHUNK - 1n < cp.number ? from + CHUNK - 1n : cp.number;
    logs.push(...(await rpc.logs(from, to, REVIEW_TOPICS)).filter((log) => log.address === reviews));
  }
  // Nodes that put no block time on logs: the headers of the (few) blocks with reviews.
  const untimed = [...new Set(logs.filter((l) => l.blockTimestamp === undefined).map((l) => l.blockNumber))];
  if (untimed.length > 0) {
    const times = new Map((await rpc.headers(untimed)).map((h) => [h.number, h.timestamp]));
    for (const log of logs) log.blockTimestamp ??= times.get(log.blockNumber);
  }
  const rows = new ReviewReducer();
  const other = new AppendOnlyRows();
  const decoded = decodeLogs(logs, deployment, () => false);
  other.skipAll(decoded.skipped);
  for (const e of decoded.events) {
    if (e.source !== "reviews") continue;
    const problem = rows.apply(e);
    if (problem === "") other.addContractEvent(e);
    else if (problem) other.skip(e.log, problem);
  }
  await db.transaction(async (tx) => {
    await rows.write(tx);
    await other.write(tx);
    await tx.query("INSERT INTO meta (key, value) VALUES ('reviews', $1)", [reviews]);
  });
  return cp;
}
