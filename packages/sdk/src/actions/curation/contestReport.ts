import { parseEventLogs } from "viem";
import { listingCurationAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "../court/contracts.ts";

export interface ContestReportParameters {
  reportId: bigint;
  /** ERC-1497 evidence URI of the seller's answer; none unless given. */
  evidence?: string;
}

export interface ContestReportReturnType extends WriteResult {
  /** The dispute's id at the report's arbitrator. */
  disputeId: bigint;
  /** The deposit paid, matching the reporter's. */
  deposit: bigint;
}

/** The listing's seller contests a report within its window, matching the deposit; the court decides. */
export async function contestReport(
  context: WriteContext,
  parameters: ContestReportParameters,
): Promise<ContestReportReturnType> {
  const curation = courtAddress(context.deployment, "ListingCuration");
  const report = await context.publicClient.readContract({
    address: curation,
    abi: listingCurationAbi,
    functionName: "reportOf",
    args: [parameters.reportId],
  });
  const result = await write(context, {
    address: curation,
    abi: listingCurationAbi,
    functionName: "contestReport",
    args: [parameters.reportId, parameters.evidence ?? ""],
    value: report.deposit,
  });
  const [event] = parseEventLogs({
    abi: listingCurationAbi,
    logs: result.receipt.logs,
    eventName: "ReportContested",
  });
  if (!event) throw new Error("contestReport emitted no ReportContested event");
  return { ...result, disputeId: event.args.disputeId, deposit: report.deposit };
}
