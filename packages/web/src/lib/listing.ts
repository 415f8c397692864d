import {
  type GetListingReturnType,
  getListing,
  type ListingMetadata,
  listingFactoryAbi,
  parseListingMetadata,
  type ReadContext,
} from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import type { Api } from "./api.ts";
import { useApp } from "./app.tsx";
import { type Currency, readCurrency } from "./format.ts";

export interface ListingView extends GetListingReturnType {
  title: string;
  category: string;
  location: string;
  metadataCid: string;
  currencyInfo: Currency;
  /** The metadata document, when the content store served it (verified against its CID). */
  metadata?: ListingMetadata;
  metadataError?: string;
}

/**
 * A listing read from the chain (state and the creation event's summary), then its metadata document from
 * the content store. The chain alone is enough to show and buy it, so an unreachable API only loses the
 * description and images.
 */
export async function readListing(read: ReadContext, api: Api, listing: Address): Promise<ListingView> {
  const [state, events] = await Promise.all([
    getListing(read, { listing }),
    read.publicClient.getContractEvents({
      address: read.deployment.contracts.ListingFactory,
      abi: listingFactoryAbi,
      eventName: "ListingCreated",
      args: { listing },
      fromBlock: read.deployment.deploymentBlock,
      toBlock: "latest",
      strict: true,
    }),
  ]);
  const params = events[0]?.args.params;
  const view: ListingView = {
    ...state,
    title: params?.title ?? "(untitled)",
    category: params?.category ?? "",
    location: params?.location ?? "",
    metadataCid: params?.metadataCid ?? "",
    currencyInfo: await readCurrency(read, state.currency),
  };
  if (view.metadataCid) {
    try {
      const bytes = await api.content(view.metadataCid);
      view.metadata = parseListingMetadata(JSON.parse(new TextDecoder().decode(bytes)));
    } catch (error) {
      view.metadataError = (error as Error).message;
    }
  }
  return view;
}

export function useListing(address: Address | undefined) {
  const { read, api } = useApp();
  return useQuery({
    queryKey: ["listing", address],
    queryFn: () => readListing(read, api, address as Address),
    enabled: address !== undefined,
  });
}
