import { escrowAbi } from "../generated/abis.ts";
import { arbitrationCost } from "../internal/arbitrator.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

export interface PayArbitrationFeeParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** ERC-1497 evidence URI (`/ipfs/<cid>` of an evidence document); none unless given. */
  evidence?: string;
}

export interface PayArbitrationFeeReturnType extends WriteResult {
  /** The order after this transaction: its dispute at the arbitrator. */
  order: OrderRecord;
  /** The arbitrator's id for the dispute. */
  disputeId: bigint;
  /** The fee paid, in the native coin: what the dispute's arbitrator charges now. */
  fee: bigint;
}

/**
 * The party that did not open the dispute pays its arbitration fee before the fee deadline, which takes the
 * dispute to the arbitrator. The fee is what the dispute's arbitrator charges now for the extra data the
 * dispute was opened with. Without it the opener wins by default once the deadline passes.
 */
export async function payArbitrationFee(
  context: WriteContext,
  parameters: PayArbitrationFeeParameters,
): Promise<PayArbitrationFeeReturnType> {
  const order = await resolveOrder(context, parameters);
  const escrow = context.deployment.contracts.Escrow;
  // Without a dispute the simulation reverts with NoOpenDispute, which says so.
  const fee = order.dispute
    ? await arbitrationCost(context.publicClient, order.dispute.arbitrator, order.dispute.extraData)
    : 0n;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "payArbitrationFee",
    args: [order.orderId, parameters.evidence ?? ""],
    value: fee,
  });
  const updated = applyReceipt(order, result.receipt, escrow);
  return { ...result, order: updated, disputeId: updated.dispute?.disputeId ?? 0n, fee };
}
