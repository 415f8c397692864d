import { type Hex, zeroHash } from "viem";
import { ValidationError } from "../errors/errors.ts";
import { escrowAbi } from "../generated/abis.ts";
import { applyReceipt, resolveOrder } from "../internal/orders.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { orderStruct } from "../orders/hashOrder.ts";
import { splitAmount } from "../orders/splitAmount.ts";
import type { OrderRecord, WriteContext } from "../types.ts";

/** How long an offer stands unless told: three days. */
const DEFAULT_VALIDITY = 3 * 86_400;

export interface ProposeSettlementParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** The buyer's share in basis points: 0 (all to the seller) to 10000 (a full refund). */
  buyerBps: number;
  /** Unix seconds from which the offer can no longer be accepted; three days after the latest block unless
   * given (the chain's clock, not the computer's). */
  expiry?: number;
  /** Digest of a message to the other side (`digestFromCid(cidOfBytes(...))`); none if omitted. */
  messageDigest?: Hex;
}

export interface ProposeSettlementReturnType extends WriteResult {
  /** The order after this transaction, with the new offer last in `offers`. */
  order: OrderRecord;
  offerId: bigint;
  /** What the offer gives each side, in the order's currency. */
  buyerAmount: bigint;
  sellerAmount: bigint;
}

/**
 * The buyer, the seller, or the mediator both agreed on offers to settle a paid, shipped or disputed order:
 * `buyerBps` of it to the buyer, the rest to the seller. It replaces the caller's previous offer; made while
 * the other party's offer stands, it is a counter-offer. The other party accepts it with
 * `acceptSettlement` (a mediator's offer needs both parties).
 */
export async function proposeSettlement(
  context: WriteContext,
  parameters: ProposeSettlementParameters,
): Promise<ProposeSettlementReturnType> {
  // Splits over 10000 are left to the escrow, which refuses them with InvalidSplit.
  if (!Number.isSafeInteger(parameters.buyerBps) || parameters.buyerBps < 0) {
    throw new ValidationError(`A split is a whole number of basis points, not ${parameters.buyerBps}.`);
  }
  const [order, expiry] = await Promise.all([
    resolveOrder(context, parameters),
    parameters.expiry ??
      context.publicClient.getBlock().then((block) => Number(block.timestamp) + DEFAULT_VALIDITY),
  ]);
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "proposeSettlement",
    args: [
      order.orderId,
      orderStruct(order),
      BigInt(parameters.buyerBps),
      BigInt(expiry),
      parameters.messageDigest ?? zeroHash,
    ],
  });
  const updated = applyReceipt(order, result.receipt, escrow);
  const offer = updated.offers?.at(-1);
  return {
    ...result,
    order: updated,
    offerId: offer?.offerId ?? 0n,
    ...splitAmount(order.amount, parameters.buyerBps),
  };
}
