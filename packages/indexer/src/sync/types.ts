import type { Address, Hex } from "viem";

/** A log as the indexer keeps it: checked, with quantities as numbers and the address in lower case. */
export interface ChainLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  logIndex: number;
  transactionHash: Hex;
  /** Some nodes (anvil, recent geth) add the block's time to each log; saves fetching headers. */
  blockTimestamp: bigint | undefined;
}

export interface BlockHeader {
  number: bigint;
  hash: Hex;
  parentHash: Hex;
  timestamp: bigint;
}

/**
 * The logs of blocks `from..to` inclusive. `headers` holds every block of the range when the range is
 * above the finality depth (the reorg stage needs each hash), else only the last block's.
 */
export interface FetchedRange {
  from: bigint;
  to: bigint;
  logs: ChainLog[];
  headers: BlockHeader[];
  /** True when the range is above `head - finality`, so its writes must keep undo information. */
  unfinalized: boolean;
}
