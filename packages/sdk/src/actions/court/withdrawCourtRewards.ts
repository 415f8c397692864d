import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export type WithdrawCourtRewardsReturnType = WriteResult;

/** Withdraws what the court owes the account: rewards in the native coin and the staking token, refunds. */
export function withdrawCourtRewards(context: WriteContext): Promise<WithdrawCourtRewardsReturnType> {
  return write(context, {
    address: courtAddress(context.deployment, "Court"),
    abi: courtAbi,
    functionName: "withdraw",
  });
}
