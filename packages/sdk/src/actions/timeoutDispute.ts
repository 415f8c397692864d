import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface TimeoutDisputeParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
}

export interface TimeoutDisputeReturnType extends WriteResult {
  /** The order after this transaction: `Resolved` for the party who opened the dispute. */
  order: OrderRecord;
}

/**
 * Anyone ends a dispute whose second arbitration fee was not paid by its deadline: the party who opened it
 * wins the whole order (the buyer a refund, the seller a release) and gets its fee back.
 */
export async function timeoutDispute(
  context: WriteContext,
  parameters: TimeoutDisputeParameters,
): Promise<TimeoutDisputeReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "timeoutDispute",
    args: [order.orderId],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
