import { parseEventLogs } from "viem";
import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export interface DrawCommitteeParameters {
  disputeId: bigint;
  /** Random numbers to use in this call (each fills a seat unless its arbiter's stake is all locked). */
  iterations?: number;
  /** Transactions to try before giving up, when the randomness ticket keeps expiring; 4 unless given. */
  attempts?: number;
  /** Milliseconds between checks of the block number while waiting for the ticket's block; 1,000. */
  pollInterval?: number;
}

export interface DrawCommitteeReturnType extends WriteResult {
  /** Seats drawn by the last transaction, in order, with their arbiters. */
  seats: { round: number; seat: number; arbiter: `0x${string}` }[];
}

/**
 * Draws the last round's committee. The default randomness answers only in the ticket's own block, so this
 * waits until the block before it and sends then; if the ticket passed unread, the court requests a new
 * one and this tries again (docs/court.md). With a randomness source that keeps its numbers (a VRF, or a
 * recorded ticket) the first transaction draws.
 */
export async function drawCommittee(
  context: WriteContext,
  parameters: DrawCommitteeParameters,
): Promise<DrawCommitteeReturnType> {
  const court = courtAddress(context.deployment, "Court");
  const attempts = parameters.attempts ?? 4;
  let last: WriteResult | undefined;
  for (let attempt = 0; attempt < attempts; ++attempt) {
    const info = await context.publicClient.readContract({
      address: court,
      abi: courtAbi,
      functionName: "disputeInfo",
      args: [parameters.disputeId],
    });
    const round = await context.publicClient.readContract({
      address: court,
      abi: courtAbi,
      functionName: "roundInfo",
      args: [parameters.disputeId, info.rounds - 1n],
    });
    const blockNumber = () => context.publicClient.getBlockNumber({ cacheTime: 0 });
    let block = await blockNumber();
    while (block + 1n < round.ticket) {
      await new Promise((resolve) => setTimeout(resolve, parameters.pollInterval ?? 1_000));
      block = await blockNumber();
    }
    const seats = BigInt(Math.min(parameters.iterations ?? 1_023, Number(round.committee - round.drawn)));
    last = await write(context, {
      address: court,
      abi: courtAbi,
      functionName: "drawCommittee",
      args: [parameters.disputeId, BigInt(parameters.iterations ?? 1_023)],
      // The randomness answers in the block the draw lands in, so simulate in that one; which arbiters it
      // draws (and so its gas) is known only there, hence a limit with room for the costliest draws.
      blockTag: "pending",
      gas: 120_000n + 100_000n * seats,
    });
    const drawn = parseEventLogs({ abi: courtAbi, logs: last.receipt.logs, eventName: "ArbiterDrawn" });
    if (drawn.length > 0) {
      return {
        ...last,
        seats: drawn.map((log) => ({
          round: Number(log.args.round),
          seat: Number(log.args.seat),
          arbiter: log.args.arbiter,
        })),
      };
    }
  }
  if (!last) throw new RangeError("attempts must be at least 1");
  return { ...last, seats: [] };
}
