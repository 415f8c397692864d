import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface RejectSettlementParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** The other party's or the mediator's offer to reject. */
  offerId: bigint;
}

export interface RejectSettlementReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
}

/** A party rejects the other party's or the mediator's standing settlement offer; it can no longer be accepted. */
export async function rejectSettlement(
  context: WriteContext,
  parameters: RejectSettlementParameters,
): Promise<RejectSettlementReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "rejectSettlement",
    args: [order.orderId, orderStruct(order), parameters.offerId],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
