import { type Address, encodeFunctionData } from "viem";
import { policyAbi } from "../../generated/abis.ts";
import type { Deployment } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";
import type { ProposalCall } from "../dao/proposal.ts";

/** A category's rule: allowed or banned, whether purchases need escrow, and the seller bond in the DAO token. */
export interface CategoryRule {
  /** False bans the category: no new listings and no purchases of existing ones. */
  allowed: boolean;
  /** Purchases must go through escrow (a direct purchase is refused). */
  escrowRequired: boolean;
  bond: bigint;
}

/**
 * The proposal call that sets a category's rule ("" for every category without one of its own). Rules
 * change only through governance: pass the call to `propose`.
 */
export function setCategoryRuleCall(
  deployment: Deployment,
  category: string,
  rule: CategoryRule,
): ProposalCall {
  return {
    target: daoAddress(deployment, "Policy"),
    data: encodeFunctionData({ abi: policyAbi, functionName: "setCategoryRule", args: [category, rule] }),
  };
}

/** The proposal call that sets a category's price ceiling in a currency (0n removes it). */
export function setPriceCeilingCall(
  deployment: Deployment,
  category: string,
  currency: Address,
  ceiling: bigint,
): ProposalCall {
  return {
    target: daoAddress(deployment, "Policy"),
    data: encodeFunctionData({
      abi: policyAbi,
      functionName: "setPriceCeiling",
      args: [category, currency, ceiling],
    }),
  };
}
