import { lanternGovernorAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { daoAddress } from "./contracts.ts";
import { descriptionHash, type Proposal, proposalArgs } from "./proposal.ts";

export type ExecuteProposalParameters = Proposal;
export type ExecuteProposalReturnType = WriteResult;

/** Runs a queued proposal once the timelock's delay has passed (anyone may). */
export async function executeProposal(
  context: WriteContext,
  parameters: ExecuteProposalParameters,
): Promise<ExecuteProposalReturnType> {
  return write(context, {
    address: daoAddress(context.deployment, "LanternGovernor"),
    abi: lanternGovernorAbi,
    functionName: "execute",
    args: [...proposalArgs(parameters), descriptionHash(parameters)],
  });
}
