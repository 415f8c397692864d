import type { Address } from "viem";
import { decodeEventLog } from "viem";
import type { IndexerDeployment } from "../common/options.ts";
import type { ChainLog } from "../sync/types.ts";
import { type DecodedEvent, EVENTS_BY_SOURCE, type Source } from "./events.ts";

/** A log from a Lantern contract that could not be decoded; stored in skipped_logs and counted. */
export interface SkippedLog {
  log: ChainLog;
  reason: string;
}

export interface DecodedLogs {
  events: DecodedEvent[];
  skipped: SkippedLog[];
  /** Listings created in these logs, in order. */
  newListings: Address[];
  /** Logs with a Lantern topic from an address that is not Lantern's: another contract, ignored. */
  foreign: number;
}

/**
 * Decodes one range's logs in chain order. Listing events are accepted only from addresses a
 * ListingCreated introduced, earlier or in this same range, since anyone can deploy a contract that emits
 * `StockChanged(uint256)`. Nothing here throws for a bad log: it is counted and returned as skipped.
 */
export function decodeLogs(
  logs: readonly ChainLog[],
  deployment: IndexerDeployment,
  isKnownListing: (address: Address) => boolean,
): DecodedLogs {
  const roles = new Map<Address, Source>([
    [deployment.contracts.ListingFactory.toLowerCase() as Address, "factory"],
    [deployment.contracts.Escrow.toLowerCase() as Address, "escrow"],
    [deployment.contracts.KeyRegistry.toLowerCase() as Address, "keys"],
  ]);
  if (deployment.contracts.Archive)
    roles.set(deployment.contracts.Archive.toLowerCase() as Address, "archive");
  if (deployment.contracts.Reviews)
    roles.set(deployment.contracts.Reviews.toLowerCase() as Address, "reviews");
  const created = new Set<Address>();
  const out: DecodedLogs = { events: [], skipped: [], newListings: [], foreign: 0 };

  for (const log of logs) {
    let source = roles.get(log.address);
    if (!source && (created.has(log.address) || isKnownListing(log.address))) source = "listing";
    if (!source) {
      out.foreign++;
      continue;
    }
    const topic0 = log.topics[0];
    const item = topic0 ? EVENTS_BY_SOURCE[source].get(topic0) : undefined;
    if (!item) {
      out.skipped.push({ log, reason: `no ${source} event has topic ${topic0 ?? "(none)"}` });
      continue;
    }
    let event: DecodedEvent["event"];
    try {
      // One ABI item, found by topic: viem then checks the selector once instead of scanning the whole ABI.
      event = decodeEventLog({
        abi: [item],
        data: log.data,
        topics: log.topics as [],
        strict: true,
      }) as never;
    } catch (error) {
      out.skipped.push({
        log,
        reason: `undecodable ${item.name}: ${(error as Error).message.split("\n")[0]}`,
      });
      continue;
    }
    const decoded = { source, event, log } as DecodedEvent;
    if (decoded.source === "factory" && decoded.event.eventName === "ListingCreated") {
      const listing = decoded.event.args.listing.toLowerCase() as Address;
      created.add(listing);
      out.newListings.push(listing);
    }
    out.events.push(decoded);
  }
  return out;
}
