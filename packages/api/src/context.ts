import type { ContentStore } from "@lantern/content";
import type { ApiDatabase } from "./database.ts";

/** What every route handler gets: the index, the content store, and how to reach the chain. */
export interface ApiContext {
  db: ApiDatabase;
  content: ContentStore;
  /** The chain's latest block number, for /health; undefined when the API runs without an RPC. */
  chainHead?: () => Promise<bigint>;
}
