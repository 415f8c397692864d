import type { Hex } from "viem";
import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export interface RevealVoteParameters {
  disputeId: bigint;
  round: number;
  seat: number;
  /** The ruling and salt the seat committed to. */
  ruling: bigint;
  salt: Hex;
}

export type RevealVoteReturnType = WriteResult;

/** The seat's arbiter reveals its committed vote during the reveal period. */
export function revealVote(
  context: WriteContext,
  parameters: RevealVoteParameters,
): Promise<RevealVoteReturnType> {
  return write(context, {
    address: courtAddress(context.deployment, "Court"),
    abi: courtAbi,
    functionName: "revealVote",
    args: [
      parameters.disputeId,
      BigInt(parameters.round),
      BigInt(parameters.seat),
      parameters.ruling,
      parameters.salt,
    ],
  });
}
