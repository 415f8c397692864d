import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface ConfirmParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
}

export interface ConfirmReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
}

/** The buyer confirms receipt of an escrowed order (paid or shipped); the seller is paid. */
export async function confirm(
  context: WriteContext,
  parameters: ConfirmParameters,
): Promise<ConfirmReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "confirmReceipt",
    args: [order.orderId, orderStruct(order)],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
