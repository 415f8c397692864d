import { type Hex, zeroHash } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface ShipParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** Digest of the tracking details (`digestFromCid(cidOfBytes(...))`); zero if none. */
  trackingDigest?: Hex;
}

export interface ShipReturnType extends WriteResult {
  /** The order after this transaction. */
  order: OrderRecord;
}

/** The seller marks a paid escrowed order shipped, which starts the buyer's delivery window. */
export async function ship(context: WriteContext, parameters: ShipParameters): Promise<ShipReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "markShipped",
    args: [order.orderId, orderStruct(order), parameters.trackingDigest ?? zeroHash],
  });
  return { ...result, order: applyReceipt(order, result.receipt, escrow) };
}
