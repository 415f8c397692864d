import type { Hex } from "viem";
import { LANTERN_TOPIC0S, TIMED_TOPICS } from "../decode/events.ts";
import type { Rpc } from "./rpc.ts";
import { InconsistentRangeError } from "./rpcErrors.ts";
import type { BlockHeader, ChainLog, FetchedRange } from "./types.ts";

/**
 * Reads the Lantern logs of blocks `from..to`, and the headers the later stages need. Above the finality
 * depth that is every block's header, checked to form one chain with the logs on it, since a reorg can
 * land between the two requests; below it, the last block's (for the checkpoint hash).
 */
export async function fetchRange(
  rpc: Rpc,
  from: bigint,
  to: bigint,
  unfinalized: boolean,
): Promise<FetchedRange> {
  const numbers: bigint[] = [];
  if (unfinalized) for (let n = from; n <= to; n++) numbers.push(n);
  else numbers.push(to);
  const [logs, headers] = await Promise.all([rpc.logs(from, to, LANTERN_TOPIC0S), rpc.headers(numbers)]);

  const byNumber = new Map<bigint, BlockHeader>(headers.map((h) => [h.number, h]));
  if (unfinalized) {
    for (let i = 1; i < headers.length; i++) {
      const h = headers[i] as BlockHeader;
      if (h.parentHash !== (headers[i - 1] as BlockHeader).hash) {
        throw new InconsistentRangeError(
          `block ${h.number} does not extend block ${h.number - 1n}: the chain moved`,
        );
      }
    }
  }
  for (const log of logs) {
    const header = byNumber.get(log.blockNumber);
    if (header && header.hash !== log.blockHash) {
      throw new InconsistentRangeError(
        `logs of block ${log.blockNumber} are from another fork than its header`,
      );
    }
    if (header && log.blockTimestamp === undefined) log.blockTimestamp = header.timestamp;
  }
  await fillListingTimestamps(rpc, logs);
  return { from, to, logs, headers, unfinalized };
}

/**
 * Listings record when they were created and last changed, reviews when they were written; nodes that do
 * not put block times on logs need the headers.
 */
async function fillListingTimestamps(rpc: Rpc, logs: ChainLog[]): Promise<void> {
  const missing = new Set<bigint>();
  for (const log of logs) {
    if (log.blockTimestamp === undefined && TIMED_TOPICS.has(log.topics[0] as Hex))
      missing.add(log.blockNumber);
  }
  if (missing.size === 0) return;
  const headers = await rpc.headers([...missing]);
  const times = new Map(headers.map((h) => [h.number, h]));
  for (const log of logs) {
    const header = times.get(log.blockNumber);
    if (!header || log.blockTimestamp !== undefined) continue;
    if (header.hash !== log.blockHash) {
      throw new InconsistentRangeError(
        `logs of block ${log.blockNumber} are from another fork than its header`,
      );
    }
    log.blockTimestamp = header.timestamp;
  }
}
