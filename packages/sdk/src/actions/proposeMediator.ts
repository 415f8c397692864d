import { type Address, zeroAddress } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface ProposeMediatorParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** Any account but the buyer's or the seller's (a DAO member both trust); address zero, or none, removes
   * the mediator. */
  mediator?: Address;
}

export interface ProposeMediatorReturnType extends WriteResult {
  /** The order after this transaction, its `mediator` waiting for the other party's agreement. */
  order: OrderRecord;
}

/**
 * The buyer or the seller proposes a mediator for the order; the other party accepts it with
 * `acceptMediator`. Until then the order has no mediator, and a mediator it had loses its standing offer.
 * A mediator may make settlement offers, which take effect only when both parties accept them; it never
 * holds or moves funds.
 */
export async function proposeMediator(
  context: WriteContext,
  parameters: ProposeMediatorParameters,
): Promise<ProposeMediatorReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "proposeMediator",
    args: [order.orderId, orderStruct(order), parameters.mediator ?? zeroAddress],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
