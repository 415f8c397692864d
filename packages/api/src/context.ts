import type { ContentStore } from "@lantern/content";
import type { ReadContext } from "@lantern/sdk";
import type { ApiDatabase } from "./database.ts";

/** What every route handler gets: the index, the content store, and how to reach the chain. */
export interface ApiContext {
  db: ApiDatabase;
  content: ContentStore;
  /** The chain's latest block number, for /health; undefined when the API runs without an RPC. */
  chainHead?: () => Promise<bigint>;
  /**
   * The chain and deployment the rewards routes read (epochs, budgets, posted roots, claims) and check
   * signed actions against; without it they answer 503.
   */
  chain?: ReadContext;
}
