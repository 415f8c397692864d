import type { Address } from "viem";
import { parseEventLogs } from "viem";
import { listingCurationAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "../court/contracts.ts";

export interface ReportListingParameters {
  listing: Address;
  /** ERC-1497 evidence URI (`/ipfs/<cid>` of an evidence document) saying what is wrong with the listing. */
  evidence: string;
}

export interface ReportListingReturnType extends WriteResult {
  reportId: bigint;
  /** The deposit paid: the base deposit plus the arbitration cost, in the native coin. */
  deposit: bigint;
  /** Unix seconds until which the seller may contest; the listing is removed by default after that. */
  deadline: number;
}

/** Reports a listing to the court, paying the deposit the curation asks now. */
export async function reportListing(
  context: WriteContext,
  parameters: ReportListingParameters,
): Promise<ReportListingReturnType> {
  const curation = courtAddress(context.deployment, "ListingCuration");
  const deposit = await context.publicClient.readContract({
    address: curation,
    abi: listingCurationAbi,
    functionName: "requiredDeposit",
  });
  const result = await write(context, {
    address: curation,
    abi: listingCurationAbi,
    functionName: "reportListing",
    args: [parameters.listing, parameters.evidence],
    value: deposit,
  });
  const [event] = parseEventLogs({
    abi: listingCurationAbi,
    logs: result.receipt.logs,
    eventName: "ListingReported",
  });
  if (!event) throw new Error("reportListing emitted no ListingReported event");
  return { ...result, reportId: event.args.reportId, deposit, deadline: Number(event.args.deadline) };
}
