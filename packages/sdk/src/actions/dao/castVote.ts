import { lanternGovernorAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { daoAddress } from "./contracts.ts";

/** OpenZeppelin's simple counting: against, for, abstain. */
export const VoteSupport = { Against: 0, For: 1, Abstain: 2 } as const;
export type VoteSupport = (typeof VoteSupport)[keyof typeof VoteSupport];

export interface CastVoteParameters {
  proposalId: bigint;
  support: VoteSupport;
  /** A reason recorded in the `VoteCast` event; none unless given. */
  reason?: string;
}

export type CastVoteReturnType = WriteResult;

/** Votes on an active proposal with the votes delegated to the account when the vote started. */
export async function castVote(
  context: WriteContext,
  parameters: CastVoteParameters,
): Promise<CastVoteReturnType> {
  return write(context, {
    address: daoAddress(context.deployment, "LanternGovernor"),
    abi: lanternGovernorAbi,
    functionName: "castVoteWithReason",
    args: [parameters.proposalId, parameters.support, parameters.reason ?? ""],
  });
}
