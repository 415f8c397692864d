import { lanternGovernorAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { daoAddress } from "./contracts.ts";
import { descriptionHash, type Proposal, proposalArgs } from "./proposal.ts";

export type ProposeParameters = Proposal;

export interface ProposeReturnType extends WriteResult {
  proposalId: bigint;
}

/** Proposes calls for the DAO's timelock to make; the account needs the governor's proposal threshold. */
export async function propose(
  context: WriteContext,
  parameters: ProposeParameters,
): Promise<ProposeReturnType> {
  const governor = daoAddress(context.deployment, "LanternGovernor");
  const [targets, values, calldatas] = proposalArgs(parameters);
  const result = await write(context, {
    address: governor,
    abi: lanternGovernorAbi,
    functionName: "propose",
    args: [targets, values, calldatas, parameters.description],
  });
  const proposalId = await context.publicClient.readContract({
    address: governor,
    abi: lanternGovernorAbi,
    functionName: "hashProposal",
    args: [targets, values, calldatas, descriptionHash(parameters)],
  });
  return { ...result, proposalId };
}
