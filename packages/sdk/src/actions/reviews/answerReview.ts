import type { Hex } from "viem";
import { reviewsAbi } from "../../generated/abis.ts";
import { resolveOrder } from "../../internal/orders.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import { orderStruct } from "../../orders/hashOrder.ts";
import type { OrderRecord, WriteContext } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";

export interface AnswerReviewParameters {
  orderId: bigint;
  /** The order as last known; rebuilt from the chain's events unless given. */
  order?: OrderRecord;
  /** Digest of the answer's raw-codec CIDv1 (`digestFromCid(cidOfBytes(text))`). */
  textDigest: Hex;
}

export type AnswerReviewReturnType = WriteResult;

/** The seller answers the buyer's review of an order; once. */
export async function answerReview(
  context: WriteContext,
  parameters: AnswerReviewParameters,
): Promise<AnswerReviewReturnType> {
  const order = await resolveOrder(context, parameters);
  return write(context, {
    address: daoAddress(context.deployment, "Reviews"),
    abi: reviewsAbi,
    functionName: "answerReview",
    args: [order.orderId, orderStruct(order), parameters.textDigest],
  });
}
