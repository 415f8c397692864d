export type { ApiContext } from "./context.ts";
export { type CreateApiOptions, createApi } from "./createApi.ts";
export { type ApiDatabase, openApiDatabase } from "./database.ts";
export { ApiError, type ApiErrorCode } from "./errors.ts";
export { defineRoute, openApiDocument, type RouteDefinition } from "./route.ts";
export { ROUTES } from "./routes/index.ts";
export {
  expandQuery,
  FACET_CAP,
  RANK_CANDIDATES,
  type SearchParams,
  searchListings,
} from "./search/searchListings.ts";
export { type ServeApiOptions, serveApi } from "./serveApi.ts";
