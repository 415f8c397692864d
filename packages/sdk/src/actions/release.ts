import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface ReleaseParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
}

export interface ReleaseReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
}

/** Anyone pays the seller once a shipped order's delivery window has passed without a dispute. */
export async function release(
  context: WriteContext,
  parameters: ReleaseParameters,
): Promise<ReleaseReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "release",
    args: [order.orderId, orderStruct(order)],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
