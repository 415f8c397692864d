import type { Address } from "viem";
import { escrowAbi, listingFactoryAbi } from "../generated/abis.ts";
import type { OrderRecord, ReadContext } from "../types.ts";
import { foldOrders, getOrderLogs } from "./orderLogs.ts";

export type GetOrdersParameters = (
  | { buyer: Address; seller?: undefined }
  | { seller: Address; buyer?: undefined }
) & {
  /** Where to start looking; the deployment block unless given. */
  fromBlock?: bigint;
};

export type GetOrdersReturnType = OrderRecord[];

/** Listings per `eth_getLogs` topic list when looking up a seller's orders. */
const CHUNK = 100;

/**
 * Every order of a buyer or of a seller, rebuilt from chain events, oldest first. A seller's orders are
 * found through their listings (`OrderPaid` indexes the buyer and the listing, not the seller). For a
 * large history, prefer the indexer's API: this reads logs from the deployment block on.
 */
export async function getOrders(
  context: ReadContext,
  parameters: GetOrdersParameters,
): Promise<GetOrdersReturnType> {
  const { publicClient, deployment } = context;
  const fromBlock = parameters.fromBlock ?? deployment.deploymentBlock;
  const paid = [];
  if (parameters.buyer !== undefined) {
    paid.push(
      ...(await publicClient.getContractEvents({
        address: deployment.contracts.Escrow,
        abi: escrowAbi,
        eventName: "OrderPaid",
        args: { buyer: parameters.buyer },
        fromBlock,
        toBlock: "latest",
        strict: true,
      })),
    );
  } else {
    const created = await publicClient.getContractEvents({
      address: deployment.contracts.ListingFactory,
      abi: listingFactoryAbi,
      eventName: "ListingCreated",
      args: { seller: parameters.seller },
      fromBlock,
      toBlock: "latest",
      strict: true,
    });
    const listings = created.map((log) => log.args.listing);
    for (let i = 0; i < listings.length; i += CHUNK) {
      paid.push(
        ...(await publicClient.getContractEvents({
          address: deployment.contracts.Escrow,
          abi: escrowAbi,
          eventName: "OrderPaid",
          args: { listing: listings.slice(i, i + CHUNK) },
          fromBlock,
          toBlock: "latest",
          strict: true,
        })),
      );
    }
  }
  if (paid.length === 0) return [];
  const orderIds = [...new Set(paid.map((log) => log.args.orderId))].sort((a, b) => (a < b ? -1 : 1));
  const events = await getOrderLogs(context, { orderIds, fromBlock });
  return [...foldOrders(events).values()].sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
}
