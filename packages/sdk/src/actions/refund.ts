import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface RefundParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
}

export interface RefundReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
}

/** The seller refunds the buyer in full before the order ends; the items return to stock. */
export async function refund(context: WriteContext, parameters: RefundParameters): Promise<RefundReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "refund",
    args: [order.orderId, orderStruct(order)],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
