import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface CancelParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
}

export interface CancelReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
}

/** The buyer cancels an order the seller did not ship within the ship window, and gets the payment back. */
export async function cancel(context: WriteContext, parameters: CancelParameters): Promise<CancelReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "cancel",
    args: [order.orderId, orderStruct(order)],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
