import { type GetReportReturnType, getReport, listingCurationAbi, type ReadContext } from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import type { Api } from "./api.ts";
import { useApp } from "./app.tsx";

export interface ListingReport extends GetReportReturnType {
  /** The reporter's reason, from its evidence document in the content store. */
  reason?: string;
  /** The latest block's time, to compare the contest deadline with. */
  now: number;
}

/** The listing's latest report, read from the curation's events (the listing is an indexed topic). */
export async function readListingReport(
  read: ReadContext,
  api: Api,
  listing: Address,
): Promise<ListingReport | null> {
  const curation = read.deployment.contracts.ListingCuration;
  if (!curation) return null;
  const [logs, block] = await Promise.all([
    read.publicClient.getContractEvents({
      address: curation,
      abi: listingCurationAbi,
      eventName: "ListingReported",
      args: { listing },
      fromBlock: read.deployment.deploymentBlock,
      toBlock: "latest",
      strict: true,
    }),
    read.publicClient.getBlock({ blockTag: "latest" }),
  ]);
  const last = logs[logs.length - 1];
  if (!last) return null;
  const report = await getReport(read, { reportId: last.args.reportId });
  const result: ListingReport = { ...report, now: Number(block.timestamp) };
  const cid = /^\/ipfs\/([a-z0-9]+)$/i.exec(last.args.evidence)?.[1];
  if (cid) {
    try {
      const doc = JSON.parse(new TextDecoder().decode(await api.content(cid))) as { description?: unknown };
      if (typeof doc.description === "string") result.reason = doc.description;
    } catch {
      // The reason is shown when the store has it; the report's state does not depend on it.
    }
  }
  return result;
}

export function useListingReport(listing: Address) {
  const { read, api } = useApp();
  return useQuery({
    queryKey: ["report", listing],
    queryFn: () => readListingReport(read, api, listing),
    refetchInterval: 5_000,
  });
}
