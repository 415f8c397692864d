// Node side of the DApp: what a Lantern node needs to serve it beside its API.

// The shipping key the DApp derives from a seller's signature, for nodes that act for a seller (the demo).
export { SHIPPING_KEY_MESSAGE, shippingKey } from "../src/lib/shippingKey.ts";
export { buildIfStale } from "./buildIfStale.ts";
export {
  createWebHandler,
  DEFAULT_DIST_DIR,
  type WebConfig,
  type WebHandler,
  type WebHandlerOptions,
} from "./webHandler.ts";
