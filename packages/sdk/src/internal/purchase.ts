import { type Address, type Hex, zeroHash } from "viem";
import { LanternError } from "../errors/base.ts";
import { toLanternError } from "../errors/contract.ts";
import { fixedPriceListingAbi } from "../generated/abis.ts";
import { applyOrderEvent } from "../orders/applyOrderEvent.ts";
import type { OrderRecord, ReadContext } from "../types.ts";
import { orderEventsOf } from "./orders.ts";
import type { WriteResult } from "./write.ts";

/** What both ways of buying take. */
export interface PurchaseParameters {
  listing: Address;
  /** How many items; 1 unless given. */
  quantity?: number;
  /** True holds the payment in escrow until delivery; false pays the seller at once. */
  escrowed: boolean;
  /**
   * The total the buyer agrees to pay; the listing's current price times quantity unless given. The
   * purchase reverts with `PriceMismatch` if the price changes before it is mined.
   */
  amount?: bigint;
  /** Digest of the encrypted shipping details (`digestFromCid(cidOfBytes(encryptShipping(...)))`); zero if none. */
  shippingDigest?: Hex;
}

export interface PurchaseReturnType extends WriteResult {
  orderId: bigint;
  /** The order as its `OrderPaid` event describes it; pass it to later actions to skip reading logs. */
  order: OrderRecord;
}

/** The listing's currency and the amount to pay for the purchase. */
export async function quote(
  context: ReadContext,
  parameters: PurchaseParameters,
): Promise<{ currency: Address; amount: bigint; quantity: number; shippingDigest: Hex }> {
  const quantity = parameters.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 0xffff_ffff) {
    throw new LanternError(`The quantity must be a whole number from 1 to 4294967295, not ${quantity}.`);
  }
  const read = <const name extends "currency" | "price">(functionName: name) =>
    context.publicClient.readContract({
      address: parameters.listing,
      abi: fixedPriceListingAbi,
      functionName,
    });
  try {
    const [currency, price] = await Promise.all([
      read("currency"),
      parameters.amount === undefined ? read("price") : Promise.resolve(0n),
    ]);
    return {
      currency,
      amount: parameters.amount ?? price * BigInt(quantity),
      quantity,
      shippingDigest: parameters.shippingDigest ?? zeroHash,
    };
  } catch (cause) {
    throw new LanternError(`${parameters.listing} is not a listing, or it cannot be read.`, {
      cause: toLanternError(cause),
    });
  }
}

/** The order a purchase's receipt created. */
export function paidOrder(context: ReadContext, result: WriteResult): PurchaseReturnType {
  const [paid] = orderEventsOf(result.receipt, context.deployment.contracts.Escrow).filter(
    (event) => event.eventName === "OrderPaid",
  );
  if (!paid) throw new LanternError(`Transaction ${result.hash} placed no order.`);
  const order = applyOrderEvent(undefined, paid);
  return { ...result, orderId: order.orderId, order };
}
