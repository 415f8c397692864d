import { listingCurationAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "../court/contracts.ts";

export interface ExecuteReportDefaultParameters {
  reportId: bigint;
}

export type ExecuteReportDefaultReturnType = WriteResult;

/** After an uncontested window, removes the reported listing and returns the reporter's deposit. Anyone may. */
export function executeReportDefault(
  context: WriteContext,
  parameters: ExecuteReportDefaultParameters,
): Promise<ExecuteReportDefaultReturnType> {
  return write(context, {
    address: courtAddress(context.deployment, "ListingCuration"),
    abi: listingCurationAbi,
    functionName: "executeDefault",
    args: [parameters.reportId],
  });
}
