import type { Hex } from "viem";
import { ReorgTooDeepError } from "../common/errors.ts";
import type { Checkpoint } from "../store/checkpoint.ts";
import { recentBlocks } from "../store/checkpoint.ts";
import type { Database } from "../store/database.ts";
import type { Rpc } from "../sync/rpc.ts";

/**
 * The newest block we built on that is still on the chain: compare our saved hashes with the node's,
 * newest first, a batch at a time. Saved hashes go down to the undo floor; if none of them matches, the
 * reorg is deeper than the finality depth and rolling back is impossible.
 */
export async function findAncestor(
  db: Database,
  rpc: Rpc,
  checkpoint: Checkpoint,
  finality: number,
): Promise<{ number: bigint; hash: Hex }> {
  const ours = await recentBlocks(db, checkpoint.undoFloor);
  const head = await rpc.blockNumber();
  for (let i = 0; i < ours.length; i += 32) {
    const batch = ours.slice(i, i + 32).filter((b) => b.number <= head);
    const theirs = await rpc.headers(batch.map((b) => b.number));
    for (let j = 0; j < batch.length; j++) {
      const mine = batch[j];
      if (mine && theirs[j]?.hash === mine.hash) return mine;
    }
  }
  throw new ReorgTooDeepError(
    `The chain replaced blocks at or below ${checkpoint.undoFloor}, deeper than the finality depth (${finality} blocks).`,
    {
      details:
        "The index cannot undo writes that old. Raise `finality` for this chain and rebuild the index from scratch (delete the database).",
    },
  );
}
