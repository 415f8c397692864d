import type { Address } from "viem";
import { listingCurationAbi } from "../../generated/abis.ts";
import type { ReadContext } from "../../types.ts";
import { courtAddress } from "../court/contracts.ts";

/** Where a report stands, with the values of `ReportState` in contracts/src/interfaces/IListingCuration.sol. */
export const ReportState = { None: 0, Pending: 1, Disputed: 2, Defaulted: 3, Resolved: 4 } as const;
export type ReportState = (typeof ReportState)[keyof typeof ReportState];

export interface GetReportParameters {
  reportId: bigint;
}

export interface GetReportReturnType {
  reportId: bigint;
  listing: Address;
  reporter: Address;
  deposit: bigint;
  /** Unix seconds: the end of the contest window. */
  deadline: number;
  state: ReportState;
  /** 1 remove (also by default), 2 keep, 0 refused; 0 while open. */
  ruling: number;
  arbitrator: Address;
  arbitrationFee: bigint;
  disputeId: bigint;
}

/** Reads a report; a report that does not exist reads with state `None`. */
export async function getReport(
  context: ReadContext,
  parameters: GetReportParameters,
): Promise<GetReportReturnType> {
  const r = await context.publicClient.readContract({
    address: courtAddress(context.deployment, "ListingCuration"),
    abi: listingCurationAbi,
    functionName: "reportOf",
    args: [parameters.reportId],
  });
  return {
    reportId: parameters.reportId,
    listing: r.listing,
    reporter: r.reporter,
    deposit: r.deposit,
    deadline: Number(r.deadline),
    state: r.state as ReportState,
    ruling: r.ruling,
    arbitrator: r.arbitrator,
    arbitrationFee: r.arbitrationFee,
    disputeId: r.disputeId,
  };
}
