import { erc20Abi } from "viem";
import { policyAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";

export interface ApproveBondReturnType {
  /** The bond a listing in the category takes; 0n when it takes none (and nothing was sent). */
  bond: bigint;
  transaction?: WriteResult;
}

/**
 * Lets the policy take the seller bond of a category before `createListing`: approves the DAO token for the
 * bond when the category has one and the allowance is short.
 */
export async function approveBond(
  context: WriteContext,
  parameters: { category: string },
): Promise<ApproveBondReturnType> {
  const policy = daoAddress(context.deployment, "Policy");
  const read = context.publicClient.readContract;
  const [[rule], token] = await Promise.all([
    read({ address: policy, abi: policyAbi, functionName: "ruleOf", args: [parameters.category] }),
    read({ address: policy, abi: policyAbi, functionName: "bondToken" }),
  ]);
  if (rule.bond === 0n) return { bond: 0n };
  const owner = context.walletClient.account.address;
  const allowance = await read({
    address: token,
    abi: erc20Abi,
    functionName: "allowance",
    args: [owner, policy],
  });
  if (allowance >= rule.bond) return { bond: rule.bond };
  const transaction = await write(context, {
    address: token,
    abi: erc20Abi,
    functionName: "approve",
    args: [policy, rule.bond],
  });
  return { bond: rule.bond, transaction };
}
