import type { DecodedEvent } from "../decode/events.ts";
import type { AppendOnlyRows } from "./reduce/appendOnly.ts";
import type { ArchiveRows } from "./reduce/archive.ts";
import type { DisputeReducer } from "./reduce/disputes.ts";
import type { ListingReducer } from "./reduce/listings.ts";
import { asOrderEvent, type OrderReducer, orderIdOf } from "./reduce/orders.ts";
import type { ReviewReducer } from "./reduce/reviews.ts";

export interface Reducers {
  listings: ListingReducer;
  orders: OrderReducer;
  disputes: DisputeReducer;
  appendOnly: AppendOnlyRows;
  archive: ArchiveRows;
  reviews: ReviewReducer;
}

/**
 * Hands each decoded event, in chain order, to the reducer that owns it. An event that decodes but cannot
 * apply (an order event for an unknown order, say) goes to skipped_logs with the reason. Escrow events no
 * reducer knows yet are kept too: with their order's history when they name an order, else with the
 * contract events, so an upgraded contract's new events are stored, never dropped.
 */
export function routeEvents(events: readonly DecodedEvent[], r: Reducers): void {
  for (const e of events) {
    if (e.source === "archive") {
      const problem = r.archive.apply(e);
      if (problem === "") r.appendOnly.addContractEvent(e);
      else if (problem) r.appendOnly.skip(e.log, problem);
      continue;
    }
    if (e.source === "reviews") {
      // Reviews' other events (none today; a later version's) are kept with the contract events.
      const problem = r.reviews.apply(e);
      if (problem === "") r.appendOnly.addContractEvent(e);
      else if (problem) r.appendOnly.skip(e.log, problem);
      continue;
    }
    const order = asOrderEvent(e);
    if (order) {
      const problem = r.orders.apply(order);
      if (problem) {
        r.appendOnly.skip(e.log, problem);
      } else if (order.event.eventName === "OrderPaid" && !r.listings.apply(e)) {
        // The order stands; only the listing's stock could not be lowered.
        r.appendOnly.skip(
          e.log,
          `OrderPaid for listing ${order.event.args.listing}, which is not in the index`,
        );
      }
      continue;
    }
    if (e.source === "listing" || (e.source === "factory" && /^Listing/.test(e.event.eventName))) {
      if (!r.listings.apply(e))
        r.appendOnly.skip(e.log, `${e.event.eventName} for a listing not in the index`);
      continue;
    }
    if (e.source === "escrow" && (e.event.eventName === "Dispute" || e.event.eventName === "Ruling")) {
      const problem = r.disputes.apply(e);
      if (problem) r.appendOnly.skip(e.log, problem);
      continue;
    }
    if (r.appendOnly.add(e)) continue;
    const orderId = orderIdOf(e);
    if (orderId !== undefined) r.orders.note(e, orderId);
    else r.appendOnly.addContractEvent(e);
  }
}
