import { listingCurationAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "../court/contracts.ts";

export type WithdrawCurationPaymentsReturnType = WriteResult;

/** Withdraws deposits the curation could not push to the account (it refused the native coin then). */
export function withdrawCurationPayments(context: WriteContext): Promise<WithdrawCurationPaymentsReturnType> {
  return write(context, {
    address: courtAddress(context.deployment, "ListingCuration"),
    abi: listingCurationAbi,
    functionName: "withdraw",
  });
}
