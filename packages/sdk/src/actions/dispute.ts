import type { Address } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { arbitrationCost } from "../internal/arbitrator.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface DisputeParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** ERC-1497 evidence URI (`/ipfs/<cid>` of an evidence document); none unless given. */
  evidence?: string;
}

export interface DisputeReturnType extends WriteResult {
  /** The order after this transaction: `Disputed`, its dispute waiting for the other party's fee. */
  order: OrderRecord;
  arbitrator: Address;
  /** The arbitration fee paid, in the native coin. */
  fee: bigint;
  /** Unix seconds until which the other party may pay its fee (`payArbitrationFee`); after that the
   * dispute can be timed out (`timeoutDispute`) and the caller wins by default. */
  feeDeadline: number;
}

/**
 * The buyer or the seller opens a dispute on an escrowed order (paid, or shipped within the delivery
 * window), paying the arbitrator's fee, which is read from the escrow's arbitrator first. The dispute goes
 * to the arbitrator once the other party pays the same fee.
 */
export async function dispute(
  context: WriteContext,
  parameters: DisputeParameters,
): Promise<DisputeReturnType> {
  const { publicClient } = context;
  const escrow = context.deployment.contracts.Escrow;
  const [order, arbitrator, extraData] = await Promise.all([
    resolveOrder(context, parameters),
    publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "arbitrator" }),
    publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "arbitratorExtraData" }),
  ]);
  // Without an arbitrator the simulation reverts with NoArbitrator, which says so.
  const fee = /^0x0{40}$/.test(arbitrator) ? 0n : await arbitrationCost(publicClient, arbitrator, extraData);
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "openDispute",
    args: [order.orderId, orderStruct(order), parameters.evidence ?? ""],
    value: fee,
  });
  const updated = applyReceipt(order, result.receipt, escrow);
  return {
    ...result,
    order: updated,
    arbitrator: updated.dispute?.arbitrator ?? arbitrator,
    fee,
    feeDeadline: updated.dispute?.feeDeadline ?? 0,
  };
}
