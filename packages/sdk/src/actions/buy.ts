import type { Hash } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { amountFormat, erc20PermitAbi } from "../internal/erc20.ts";
import { type PurchaseParameters, type PurchaseReturnType, paidOrder, quote } from "../internal/purchase.ts";
import { write } from "../internal/write.ts";
import { NATIVE_CURRENCY, type WriteContext } from "../types.ts";

export interface BuyParameters extends PurchaseParameters {
  /**
   * For a token listing whose allowance to the escrow is short: approve the amount first (an extra
   * transaction) when true, the default; when false, the purchase reverts with the token's error.
   */
  approve?: boolean;
}

export interface BuyReturnType extends PurchaseReturnType {
  /** The approval sent first, for a token listing whose allowance was short. */
  approvalHash?: Hash;
}

/**
 * Buys from a listing, directly or in escrow: native coin sent with the call, or an ERC-20 the escrow
 * transfers from the buyer (see `buyWithPermit` to skip the approval transaction).
 */
export async function buy(context: WriteContext, parameters: BuyParameters): Promise<BuyReturnType> {
  const { currency, amount, quantity, shippingDigest } = await quote(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const errorOptions = () => amountFormat(context.publicClient, currency);
  let approvalHash: Hash | undefined;
  if (currency !== NATIVE_CURRENCY && parameters.approve !== false) {
    const allowance = await context.publicClient.readContract({
      address: currency,
      abi: erc20PermitAbi,
      functionName: "allowance",
      args: [context.walletClient.account.address, escrow],
    });
    if (allowance < amount) {
      const approval = await write(
        context,
        { address: currency, abi: erc20PermitAbi, functionName: "approve", args: [escrow, amount] },
        errorOptions,
      );
      approvalHash = approval.hash;
    }
  }
  const result = await write(
    context,
    {
      address: escrow,
      abi: escrowAbi,
      functionName: "buy",
      args: [parameters.listing, quantity, parameters.escrowed, amount, shippingDigest],
      value: currency === NATIVE_CURRENCY ? amount : 0n,
    },
    errorOptions,
  );
  const purchase = paidOrder(context, result);
  return approvalHash ? { ...purchase, approvalHash } : purchase;
}
