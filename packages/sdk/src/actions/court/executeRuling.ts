import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export interface ExecuteRulingParameters {
  disputeId: bigint;
}

export type ExecuteRulingReturnType = WriteResult;

/** Passes a final ruling to its arbitrable (the escrow or the curation), which carries it out. Anyone may. */
export function executeRuling(
  context: WriteContext,
  parameters: ExecuteRulingParameters,
): Promise<ExecuteRulingReturnType> {
  return write(context, {
    address: courtAddress(context.deployment, "Court"),
    abi: courtAbi,
    functionName: "executeRuling",
    args: [parameters.disputeId],
  });
}
