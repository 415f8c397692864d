import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export interface AppealParameters {
  disputeId: bigint;
}

export interface AppealReturnType extends WriteResult {
  /** The appeal fee paid, in the native coin: a committee of 2N + 1 seats. */
  fee: bigint;
}

/** Appeals the current ruling within its appeal period, paying `appealCost`; a larger committee rules anew. */
export async function appeal(context: WriteContext, parameters: AppealParameters): Promise<AppealReturnType> {
  const court = courtAddress(context.deployment, "Court");
  const cost = await context.publicClient.readContract({
    address: court,
    abi: courtAbi,
    functionName: "appealCost",
    args: [parameters.disputeId, "0x"],
  });
  // Outside the appeal period the cost reads as the largest uint256: send nothing and let the court's
  // NotAppealPeriod or AppealLimitReached explain.
  const fee = cost === 2n ** 256n - 1n ? 0n : cost;
  const result = await write(context, {
    address: court,
    abi: courtAbi,
    functionName: "appeal",
    args: [parameters.disputeId, "0x"],
    value: fee,
  });
  return { ...result, fee };
}
