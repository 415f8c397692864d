import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import { type OrderRecord, OrderState, type WriteContext } from "../types.ts";

export interface AcceptSettlementParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** The offer to accept: the other party's latest, or the mediator's. */
  offerId: bigint;
}

export interface AcceptSettlementReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
  /** True when the order is now Settled; false after the first party's acceptance of a mediator's offer. */
  settled: boolean;
}

/**
 * A party accepts a standing settlement offer: the other party's settles the order at once, paying each
 * side its share; a mediator's settles it once both parties accepted. Settling a disputed order withdraws
 * the dispute and returns the arbitration fees.
 */
export async function acceptSettlement(
  context: WriteContext,
  parameters: AcceptSettlementParameters,
): Promise<AcceptSettlementReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "acceptSettlement",
    args: [order.orderId, orderStruct(order), parameters.offerId],
  });
  const updated = applyReceipt(order, result.receipt, escrow);
  return { ...result, order: updated, settled: updated.state === OrderState.Settled };
}
