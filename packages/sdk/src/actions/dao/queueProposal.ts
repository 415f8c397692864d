import { lanternGovernorAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { daoAddress } from "./contracts.ts";
import { descriptionHash, type Proposal, proposalArgs } from "./proposal.ts";

export type QueueProposalParameters = Proposal;
export type QueueProposalReturnType = WriteResult;

/** Queues a succeeded proposal on the timelock (anyone may); it runs after the timelock's delay. */
export async function queueProposal(
  context: WriteContext,
  parameters: QueueProposalParameters,
): Promise<QueueProposalReturnType> {
  return write(context, {
    address: daoAddress(context.deployment, "LanternGovernor"),
    abi: lanternGovernorAbi,
    functionName: "queue",
    args: [...proposalArgs(parameters), descriptionHash(parameters)],
  });
}
