import type { Address } from "viem";
import { policyAbi } from "../../generated/abis.ts";
import type { ReadContext } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";
import type { CategoryRule } from "./policyCalls.ts";

export interface GetCategoryRuleReturnType extends CategoryRule {
  /** The policy's index of the category; 0 when it follows the rule for categories without one. */
  index: number;
  /** The price ceiling in the currency asked for; 0n for none. */
  ceiling: bigint;
}

/** The rule a new listing in `category` priced in `currency` must follow. */
export async function getCategoryRule(
  context: ReadContext,
  parameters: { category: string; currency: Address },
): Promise<GetCategoryRuleReturnType> {
  const on = { address: daoAddress(context.deployment, "Policy"), abi: policyAbi } as const;
  const [[rule, index], ceiling] = await Promise.all([
    context.publicClient.readContract({ ...on, functionName: "ruleOf", args: [parameters.category] }),
    context.publicClient.readContract({
      ...on,
      functionName: "priceCeiling",
      args: [parameters.category, parameters.currency],
    }),
  ]);
  return { ...rule, index, ceiling };
}
