import type { Address } from "viem";
import type { MetadataSource } from "../metadata/source.ts";
import type { Logger, LogLevel } from "./logger.ts";
import type { IndexerProgress } from "./progress.ts";

/**
 * The part of an SDK `Deployment` the indexer needs; an SDK deployment (or its JSON file read with
 * `readDeploymentFile`) satisfies it as is.
 */
export interface IndexerDeployment {
  chainId: number;
  deploymentBlock: bigint;
  contracts: {
    ListingFactory: Address;
    Escrow: Address;
    KeyRegistry: Address;
    FixedPriceListing?: Address;
    /** The Archive of legacy records, when this marketplace has one (deployed apart, by `deployArchive`). */
    Archive?: Address;
    /** Verified reviews of escrowed orders; deployments from before the DAO have none. */
    Reviews?: Address;
  };
}

/** An embedded PGlite database in a directory, or a PostgreSQL server (optionally one schema of it). */
export type DatabaseConfig = { dataDir: string } | { url: string; schema?: string };

export interface CreateIndexerOptions {
  rpcUrl: string;
  deployment: IndexerDeployment;
  /** Defaults to the PostgreSQL server in DATABASE_URL if set, else PGlite under `.lantern/db`. */
  database?: DatabaseConfig;
  /** Blocks after which the chain is taken as final; undo information is kept only this deep. */
  finality?: number;
  /** How often to ask for a new head once caught up. */
  pollingIntervalMs?: number;
  /** Logs one eth_getLogs response should stay under; ranges shrink when a response comes near it. */
  maxLogsPerRequest?: number;
  /**
   * Bytes one eth_getLogs response should stay under; ranges shrink when a response comes near it. The
   * default is viem's response limit (10 MiB). A single block larger than this is still read whole.
   */
  maxResponseBytes?: number;
  /** Upper bound for a range, however sparse the logs. */
  maxBlockRange?: number;
  /** Per-request timeout for the RPC. */
  requestTimeoutMs?: number;
  logger?: Logger;
  logLevel?: LogLevel;
  onProgress?: (progress: IndexerProgress) => void;
  /**
   * Where listing metadata documents come from (the content store, a gateway). With one, the indexer
   * fetches each listing's document, verifies it against its CID and indexes its description and images;
   * without, search covers the on-chain title and category only.
   */
  metadata?: MetadataSource;
  /** Called with a fatal error raised while following the head in the background. */
  onError?: (error: unknown) => void;
}

export interface ResolvedOptions {
  rpcUrl: string;
  deployment: IndexerDeployment;
  database: DatabaseConfig;
  finality: number;
  pollingIntervalMs: number;
  maxLogsPerRequest: number;
  maxResponseBytes: number;
  maxBlockRange: number;
  requestTimeoutMs: number;
}

/**
 * Finality depth by chain id: about how deep a reorg can still happen there. Unknown chains (and local
 * ones, where `evm_revert` can rewind any depth) get a conservative default; pass `finality` to override.
 */
const FINALITY: Record<number, number> = {
  1: 65, // Ethereum: two epochs
  10: 240, // OP Mainnet
  137: 200, // Polygon PoS
  8453: 240, // Base
  42161: 240, // Arbitrum One
  11155111: 65, // Sepolia
};
export const DEFAULT_FINALITY = 64;

export const DEFAULT_DATA_DIR = ".lantern/db";

export function resolveOptions(options: CreateIndexerOptions): ResolvedOptions {
  const finality = options.finality ?? FINALITY[options.deployment.chainId] ?? DEFAULT_FINALITY;
  if (!Number.isInteger(finality) || finality < 1) {
    throw new TypeError(`finality must be a whole number of blocks of at least 1, got ${finality}`);
  }
  return {
    rpcUrl: options.rpcUrl,
    deployment: options.deployment,
    database:
      options.database ??
      (process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: DEFAULT_DATA_DIR }),
    finality,
    pollingIntervalMs: options.pollingIntervalMs ?? 250,
    maxLogsPerRequest: options.maxLogsPerRequest ?? 10_000,
    maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
    maxBlockRange: options.maxBlockRange ?? 100_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  };
}
