import type { Address } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

/** The part of ERC-792 the SDK reads to price a dispute. */
const arbitratorAbi = [
  {
    type: "function",
    name: "arbitrationCost",
    stateMutability: "view",
    inputs: [{ name: "extraData", type: "bytes" }],
    outputs: [{ name: "cost", type: "uint256" }],
  },
] as const;

export interface DisputeParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** ERC-1497 evidence URI (`/ipfs/<cid>` of an evidence document); none unless given. */
  evidence?: string;
}

export interface DisputeReturnType extends WriteResult {
  /** The order after this transaction: `Disputed`, with the arbitrator and dispute id. */
  order: OrderRecord;
  arbitrator: Address;
  disputeId: bigint;
  /** The arbitration fee paid, in the native coin. */
  fee: bigint;
}

/**
 * The buyer opens a dispute on an escrowed order (paid, or shipped within the delivery window), paying the
 * arbitrator's fee, which is read from the escrow's arbitrator first.
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
  const fee = /^0x0{40}$/.test(arbitrator)
    ? 0n
    : await publicClient.readContract({
        address: arbitrator,
        abi: arbitratorAbi,
        functionName: "arbitrationCost",
        args: [extraData],
      });
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
    disputeId: updated.dispute?.disputeId ?? 0n,
    fee,
  };
}
