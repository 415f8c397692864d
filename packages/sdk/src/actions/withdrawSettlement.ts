import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface WithdrawSettlementParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** The caller's own standing offer. */
  offerId: bigint;
}

export interface WithdrawSettlementReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
}

/** The proposer withdraws its standing settlement offer before anyone accepts it. */
export async function withdrawSettlement(
  context: WriteContext,
  parameters: WithdrawSettlementParameters,
): Promise<WithdrawSettlementReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "withdrawSettlement",
    args: [order.orderId, orderStruct(order), parameters.offerId],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
