import { reviewsAbi } from "../../generated/abis.ts";
import type { ReadContext } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";

export interface GetReviewStatusReturnType {
  reviewed: boolean;
  answered: boolean;
}

/** Whether an order has its buyer's review, and its seller's answer. */
export async function getReviewStatus(
  context: ReadContext,
  parameters: { orderId: bigint },
): Promise<GetReviewStatusReturnType> {
  const [reviewed, answered] = await context.publicClient.readContract({
    address: daoAddress(context.deployment, "Reviews"),
    abi: reviewsAbi,
    functionName: "reviewStatus",
    args: [parameters.orderId],
  });
  return { reviewed, answered };
}
