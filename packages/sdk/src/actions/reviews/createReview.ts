import { type Hex, zeroHash } from "viem";
import { ValidationError } from "../../errors/errors.ts";
import { reviewsAbi } from "../../generated/abis.ts";
import { resolveOrder } from "../../internal/orders.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import { orderStruct } from "../../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";

export interface CreateReviewParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** 1 (worst) to 5 (best). */
  rating: number;
  /** Digest of the review text's raw-codec CIDv1 (`digestFromCid(cidOfBytes(text))`); none unless given. */
  textDigest?: Hex;
}

export type CreateReviewReturnType = WriteResult;

/** The buyer reviews an escrowed order that ended Completed or Resolved; once per order. */
export async function createReview(
  context: WriteContext,
  parameters: CreateReviewParameters,
): Promise<CreateReviewReturnType> {
  const { rating } = parameters;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new ValidationError(`A rating is a whole number from 1 to 5, not ${rating}.`);
  }
  const order = await resolveOrder(context, parameters);
  return write(context, {
    address: daoAddress(context.deployment, "Reviews"),
    abi: reviewsAbi,
    functionName: "createReview",
    args: [order.orderId, orderStruct(order), rating, parameters.textDigest ?? zeroHash],
  });
}
