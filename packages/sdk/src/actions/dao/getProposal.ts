import { proposalStateNames } from "../../errors/messages.ts";
import { lanternGovernorAbi } from "../../generated/abis.ts";
import type { ReadContext } from "../../types.ts";
import { daoAddress } from "./contracts.ts";

export type ProposalStateName = (typeof proposalStateNames)[number];

export interface GetProposalReturnType {
  state: ProposalStateName;
  /** Unix seconds: when the vote starts and ends. */
  voteStart: bigint;
  voteEnd: bigint;
  /** Unix seconds when a queued proposal may run; 0 until queued. */
  eta: bigint;
  votes: { against: bigint; for: bigint; abstain: bigint };
  /** Votes (for plus abstain) the proposal needs. */
  quorum: bigint;
}

/** A proposal's state, schedule and tally. */
export async function getProposal(
  context: ReadContext,
  parameters: { proposalId: bigint },
): Promise<GetProposalReturnType> {
  const on = { address: daoAddress(context.deployment, "LanternGovernor"), abi: lanternGovernorAbi } as const;
  const read = context.publicClient.readContract;
  const args = [parameters.proposalId] as const;
  const [state, voteStart, voteEnd, eta, [against, inFavour, abstain]] = await Promise.all([
    read({ ...on, functionName: "state", args }),
    read({ ...on, functionName: "proposalSnapshot", args }),
    read({ ...on, functionName: "proposalDeadline", args }),
    read({ ...on, functionName: "proposalEta", args }),
    read({ ...on, functionName: "proposalVotes", args }),
  ]);
  const quorum = await read({ ...on, functionName: "quorum", args: [voteStart] }).catch(() => 0n);
  return {
    state: proposalStateNames[state] ?? "Pending",
    voteStart,
    voteEnd,
    eta,
    votes: { against, for: inFavour, abstain },
    quorum,
  };
}
