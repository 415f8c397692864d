import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export interface SettleRoundParameters {
  disputeId: bigint;
  round: number;
  /** Settlement steps in this call (two per seat); all of them unless given. */
  iterations?: number;
}

export type SettleRoundReturnType = WriteResult;

/**
 * Settles a round of a final or withdrawn dispute: unlocks each seat's stake, takes incoherent seats'
 * penalty, and credits coherent seats their share of fees and penalties (to withdraw). Anyone may.
 */
export function settleRound(
  context: WriteContext,
  parameters: SettleRoundParameters,
): Promise<SettleRoundReturnType> {
  return write(context, {
    address: courtAddress(context.deployment, "Court"),
    abi: courtAbi,
    functionName: "settle",
    args: [parameters.disputeId, BigInt(parameters.round), BigInt(parameters.iterations ?? 4_096)],
  });
}
