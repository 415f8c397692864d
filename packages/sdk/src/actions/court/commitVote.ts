import { bytesToHex, type Hex } from "viem";
import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";
import { hashVote } from "./hashVote.ts";

export interface CommitVoteParameters {
  disputeId: bigint;
  round: number;
  seat: number;
  ruling: bigint;
  /** A secret 32-byte salt; a fresh random one unless given. Keep it: the reveal needs it. */
  salt?: Hex;
}

export interface CommitVoteReturnType extends WriteResult {
  commitment: Hex;
  /** The salt to reveal with; losing it means the vote cannot be revealed and the seat is penalised. */
  salt: Hex;
}

/** A drawn arbiter commits a hidden vote for its seat; only the commitment goes on chain. */
export async function commitVote(
  context: WriteContext,
  parameters: CommitVoteParameters,
): Promise<CommitVoteReturnType> {
  const court = courtAddress(context.deployment, "Court");
  const salt = parameters.salt ?? bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
  const commitment = hashVote({
    court,
    disputeId: parameters.disputeId,
    round: parameters.round,
    seat: parameters.seat,
    arbiter: context.walletClient.account.address,
    ruling: parameters.ruling,
    salt,
  });
  const result = await write(context, {
    address: court,
    abi: courtAbi,
    functionName: "commitVote",
    args: [parameters.disputeId, BigInt(parameters.round), BigInt(parameters.seat), commitment],
  });
  return { ...result, commitment, salt };
}
