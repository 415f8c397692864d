// Node side of the DApp: what a Lantern node needs to serve it beside its API.
export { buildIfStale } from "./buildIfStale.ts";
export {
  createWebHandler,
  DEFAULT_DIST_DIR,
  type WebConfig,
  type WebHandler,
  type WebHandlerOptions,
} from "./webHandler.ts";
