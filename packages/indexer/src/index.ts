export {
  AbortedError,
  DatabaseConnectionError,
  DeploymentMismatchError,
  IndexerError,
  NonRetryableError,
  ReorgTooDeepError,
  RetryableError,
} from "./common/errors.ts";
export { createLogger, type Logger, type LogLevel } from "./common/logger.ts";
export {
  type CreateIndexerOptions,
  type DatabaseConfig,
  DEFAULT_DATA_DIR,
  DEFAULT_FINALITY,
  type IndexerDeployment,
} from "./common/options.ts";
export { formatProgress, type IndexerProgress } from "./common/progress.ts";
export { type BackfillResult, createIndexer, type Indexer } from "./createIndexer.ts";
export { type ProcessMetadataOptions, processMetadata } from "./metadata/processMetadata.ts";
export {
  contentStoreSource,
  firstOf,
  type GatewaySourceOptions,
  gatewaySource,
  type MetadataSource,
} from "./metadata/source.ts";
export { type RunIndexCommandOptions, runIndexCommand } from "./runIndexCommand.ts";
export { type Database, openDatabase, type Queryable } from "./store/database.ts";
export { digestTables } from "./store/digest.ts";
export { migrate, readMigrations } from "./store/migrate.ts";
export { LISTING_COLUMNS } from "./store/reduce/listings.ts";
export {
  keepSearchWindow,
  readSearchWindow,
  rollSearchWindow,
  SEARCH_WINDOW_TARGET,
  type SearchWindow,
} from "./store/searchWindow.ts";
