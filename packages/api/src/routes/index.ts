import type { RouteDefinition } from "../route.ts";
import { archiveRecordRoute, milestonesRoute } from "./archive.ts";
import { ipfsRoute, uploadRoute } from "./content.ts";
import { disputeRoute, disputesRoute } from "./disputes.ts";
import { healthRoute } from "./health.ts";
import { listingRoute, searchRoute } from "./listings.ts";
import { orderRoute, ordersRoute } from "./orders.ts";
import { epochActionsRoute, postActionRoute, rewardsRoute } from "./rewards.ts";
import { sellerRoute } from "./sellers.ts";

/**
 * Every route of the API, in the order the OpenAPI document lists them. A new route (disputes, rewards, ...)
 * is one `defineRoute` in its own module, added here.
 */
export const ROUTES: readonly RouteDefinition[] = [
  searchRoute,
  listingRoute,
  sellerRoute,
  ordersRoute,
  orderRoute,
  disputesRoute,
  disputeRoute,
  uploadRoute,
  ipfsRoute,
  milestonesRoute,
  archiveRecordRoute,
  postActionRoute,
  rewardsRoute,
  epochActionsRoute,
  healthRoute,
];
