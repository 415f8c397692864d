import { listingCurationAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "../court/contracts.ts";

export interface SubmitReportEvidenceParameters {
  reportId: bigint;
  /** ERC-1497 evidence URI (`/ipfs/<cid>`). */
  evidence: string;
}

export type SubmitReportEvidenceReturnType = WriteResult;

/** Adds evidence to an open report; anyone may. */
export function submitReportEvidence(
  context: WriteContext,
  parameters: SubmitReportEvidenceParameters,
): Promise<SubmitReportEvidenceReturnType> {
  return write(context, {
    address: courtAddress(context.deployment, "ListingCuration"),
    abi: listingCurationAbi,
    functionName: "submitEvidence",
    args: [parameters.reportId, parameters.evidence],
  });
}
