import {
  archiveAbi,
  escrowAbi,
  fixedPriceListingAbi,
  keyRegistryAbi,
  listingFactoryAbi,
  reviewsAbi,
} from "@lantern/sdk";
import { type AbiEvent, type DecodeEventLogReturnType, type Hex, toEventSelector } from "viem";
import type { ChainLog } from "../sync/types.ts";

/** Which contract a log came from decides which ABI decodes it. */
export type Source = "factory" | "listing" | "escrow" | "keys" | "archive" | "reviews";

export type FactoryEvent = DecodeEventLogReturnType<typeof listingFactoryAbi>;
export type ListingEvent = DecodeEventLogReturnType<typeof fixedPriceListingAbi>;
export type EscrowEvent = DecodeEventLogReturnType<typeof escrowAbi>;
export type KeyEvent = DecodeEventLogReturnType<typeof keyRegistryAbi>;
export type ArchiveEvent = DecodeEventLogReturnType<typeof archiveAbi>;
export type ReviewsEvent = DecodeEventLogReturnType<typeof reviewsAbi>;

/** A decoded log with where it came from; `event.eventName` narrows `event.args`. */
export type DecodedEvent =
  | { source: "factory"; event: FactoryEvent; log: ChainLog }
  | { source: "listing"; event: ListingEvent; log: ChainLog }
  | { source: "escrow"; event: EscrowEvent; log: ChainLog }
  | { source: "keys"; event: KeyEvent; log: ChainLog }
  | { source: "archive"; event: ArchiveEvent; log: ChainLog }
  | { source: "reviews"; event: ReviewsEvent; log: ChainLog };

const ABIS = {
  factory: listingFactoryAbi,
  listing: fixedPriceListingAbi,
  escrow: escrowAbi,
  keys: keyRegistryAbi,
  archive: archiveAbi,
  reviews: reviewsAbi,
} as const;

/** Per source: the ABI item of each event, by its first topic. */
export const EVENTS_BY_SOURCE: Record<Source, Map<Hex, AbiEvent>> = {
  factory: eventsOf(ABIS.factory),
  listing: eventsOf(ABIS.listing),
  escrow: eventsOf(ABIS.escrow),
  keys: eventsOf(ABIS.keys),
  archive: eventsOf(ABIS.archive),
  reviews: eventsOf(ABIS.reviews),
};

/** Every first topic a Lantern contract emits: the eth_getLogs filter. */
export const LANTERN_TOPIC0S: readonly Hex[] = [
  ...new Set(Object.values(EVENTS_BY_SOURCE).flatMap((events) => [...events.keys()])),
];

export const LISTING_CREATED_TOPIC: Hex = topicOf(ABIS.factory, "ListingCreated");

/** Events that change a listing row: the row records their block time (pages' lastmod and caching). */
export const LISTING_CHANGE_TOPICS: ReadonlySet<Hex> = new Set([
  LISTING_CREATED_TOPIC,
  topicOf(ABIS.factory, "ListingRemoved"),
  topicOf(ABIS.listing, "PriceChanged"),
  topicOf(ABIS.listing, "StockChanged"),
  topicOf(ABIS.listing, "StatusChanged"),
  topicOf(ABIS.escrow, "OrderPaid"),
]);

/** Events whose rows record their block time: listing changes, and reviews (their date on pages). */
export const TIMED_TOPICS: ReadonlySet<Hex> = new Set([
  ...LISTING_CHANGE_TOPICS,
  topicOf(ABIS.reviews, "ReviewCreated"),
  topicOf(ABIS.reviews, "ReviewAnswered"),
]);

function eventsOf(abi: readonly unknown[]): Map<Hex, AbiEvent> {
  const map = new Map<Hex, AbiEvent>();
  for (const item of abi as AbiEvent[]) {
    if (item.type === "event" && !item.anonymous) map.set(toEventSelector(item), item);
  }
  return map;
}

function topicOf(abi: readonly unknown[], name: string): Hex {
  for (const [topic, item] of eventsOf(abi)) if (item.name === name) return topic;
  throw new Error(`event ${name} is not in the ABI`);
}
