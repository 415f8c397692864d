import { escrowAbi } from "../generated/abis.ts";
import { type WriteResult, write } from "../internal/write.ts";
import type { WriteContext } from "../types.ts";

export interface SubmitEvidenceParameters {
  orderId: bigint;
  /** ERC-1497 evidence URI: `/ipfs/<cid>` of an evidence document. */
  evidence: string;
}

export type SubmitEvidenceReturnType = WriteResult;

/** The buyer or the seller adds evidence to a disputed order. */
export async function submitEvidence(
  context: WriteContext,
  parameters: SubmitEvidenceParameters,
): Promise<SubmitEvidenceReturnType> {
  return write(context, {
    address: context.deployment.contracts.Escrow,
    abi: escrowAbi,
    functionName: "submitEvidence",
    args: [parameters.orderId, parameters.evidence],
  });
}
