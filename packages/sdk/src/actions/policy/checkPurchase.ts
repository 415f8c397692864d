import type { Address } from "viem";
import { revertMessage } from "../../errors/messages.ts";
import { fixedPriceListingAbi, policyAbi } from "../../generated/abis.ts";
import { amountFormat } from "../../internal/erc20.ts";
import type { ReadContext } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";

/** The purchase-time rule the escrow applies to a listing now (the category's own, else the default). */
export interface PurchaseRule {
  banned: boolean;
  escrowRequired: boolean;
  /** The most a unit may cost in the listing's currency; 0n for no ceiling. */
  ceiling: bigint;
}

export interface CheckPurchaseParameters {
  listing: Address;
  /** Whether the purchase would go through escrow. */
  escrowed: boolean;
}

/** The rule that refuses a purchase, named as the escrow's error. */
export type PurchaseRefusal = "CategoryBanned" | "EscrowRequired" | "UnitPriceAboveCeiling";

export type CheckPurchaseReturnType =
  | { allowed: true; rule: PurchaseRule }
  | {
      allowed: false;
      rule: PurchaseRule;
      /** The error `Escrow.buy` would revert with. */
      errorName: PurchaseRefusal;
      /** The same sentence the SDK gives for that revert, to show before sending anything. */
      message: string;
    };

/**
 * Checks a purchase against the DAO's rules as they are now, as `Escrow.buy` will: a category banned or made
 * escrow-only since the listing was created, or a unit price above the category's ceiling, is explained
 * here so that a DApp can say so before the buyer signs.
 */
export async function checkPurchase(
  context: ReadContext,
  parameters: CheckPurchaseParameters,
): Promise<CheckPurchaseReturnType> {
  const { publicClient } = context;
  const listing = { address: parameters.listing, abi: fixedPriceListingAbi } as const;
  const [categoryTag, currency, unitPrice] = await Promise.all([
    publicClient.readContract({ ...listing, functionName: "categoryTag" }),
    publicClient.readContract({ ...listing, functionName: "currency" }),
    publicClient.readContract({ ...listing, functionName: "price" }),
  ]);
  const [banned, escrowRequired, ceiling] = await publicClient.readContract({
    address: daoAddress(context.deployment, "Policy"),
    abi: policyAbi,
    functionName: "purchaseRule",
    args: [categoryTag, currency],
  });
  const rule: PurchaseRule = { banned, escrowRequired, ceiling };
  const refuse = async (errorName: PurchaseRefusal, args: Record<string, unknown>) => ({
    allowed: false as const,
    rule,
    errorName,
    message: revertMessage(errorName, args, await amountFormat(publicClient, currency)),
  });
  if (banned) return refuse("CategoryBanned", { listing: parameters.listing });
  if (escrowRequired && !parameters.escrowed)
    return refuse("EscrowRequired", { listing: parameters.listing });
  if (ceiling !== 0n && unitPrice > ceiling) {
    return refuse("UnitPriceAboveCeiling", { listing: parameters.listing, unitPrice, ceiling });
  }
  return { allowed: true, rule };
}
