import { type Address, zeroAddress } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface AcceptMediatorParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** The mediator the caller agrees to; the one the other party proposed unless given. Naming it guards
   * against agreeing to a different one proposed in between. */
  mediator?: Address;
}

export interface AcceptMediatorReturnType extends WriteResult {
  /** The order after this transaction, with its agreed `mediator`. */
  order: OrderRecord;
}

/** The party who did not propose the order's mediator agrees to it; the mediator may then make offers. */
export async function acceptMediator(
  context: WriteContext,
  parameters: AcceptMediatorParameters,
): Promise<AcceptMediatorReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  // Without a proposal the simulation reverts with MediatorNotProposed, which says so.
  const mediator = parameters.mediator ?? order.mediator?.address ?? zeroAddress;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "acceptMediator",
    args: [order.orderId, orderStruct(order), mediator],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
