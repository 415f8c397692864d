import type { Address, Hex } from "viem";
import { MalformedResponseError } from "./rpcErrors.ts";
import type { BlockHeader, ChainLog } from "./types.ts";

const HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;
const DATA = /^0x(?:[0-9a-fA-F]{2})*$/;

interface RpcLog {
  address?: unknown;
  topics?: unknown;
  data?: unknown;
  blockNumber?: unknown;
  blockHash?: unknown;
  logIndex?: unknown;
  transactionHash?: unknown;
  blockTimestamp?: unknown;
  removed?: unknown;
}

/**
 * Checks every field the indexer relies on and converts it. A provider that returns something else is
 * faulty for this request (a truncated body, a proxy bug, a node mid-reorg), so the whole response is
 * refused as retryable: accepting part of it could skip a log without anyone noticing.
 */
export function toChainLogs(raw: unknown, from: bigint, to: bigint): ChainLog[] {
  if (!Array.isArray(raw)) throw new MalformedResponseError("eth_getLogs did not return an array", raw);
  const logs: ChainLog[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const log = raw[i] as RpcLog | null;
    if (typeof log !== "object" || log === null)
      throw new MalformedResponseError("a log is not an object", log);
    const { address, topics, data, blockNumber, blockHash, logIndex, transactionHash } = log;
    if (log.removed === true) throw new MalformedResponseError("the node returned a removed log", log);
    if (typeof address !== "string" || !ADDRESS.test(address)) bad("address", log);
    if (
      !Array.isArray(topics) ||
      topics.length > 4 ||
      !topics.every((t) => typeof t === "string" && HASH.test(t))
    ) {
      bad("topics", log);
    }
    if (typeof data !== "string" || !DATA.test(data)) bad("data", log);
    if (typeof blockNumber !== "string" || !QUANTITY.test(blockNumber)) bad("blockNumber", log);
    if (typeof blockHash !== "string" || !HASH.test(blockHash)) bad("blockHash", log);
    if (typeof logIndex !== "string" || !QUANTITY.test(logIndex)) bad("logIndex", log);
    if (typeof transactionHash !== "string" || !HASH.test(transactionHash)) bad("transactionHash", log);
    const number = BigInt(blockNumber as string);
    if (number < from || number > to) {
      throw new MalformedResponseError(`a log of block ${number} came back for blocks ${from}..${to}`, log);
    }
    const ts = log.blockTimestamp;
    logs[i] = {
      address: (address as string).toLowerCase() as Address,
      topics: (topics as string[]).map((t) => t.toLowerCase() as Hex),
      data: (data as string).toLowerCase() as Hex,
      blockNumber: number,
      blockHash: (blockHash as string).toLowerCase() as Hex,
      logIndex: Number.parseInt(logIndex as string, 16),
      transactionHash: (transactionHash as string).toLowerCase() as Hex,
      blockTimestamp: typeof ts === "string" && QUANTITY.test(ts) ? BigInt(ts) : undefined,
    };
  }
  checkOrder(logs);
  return logs;
}

/** Logs must come in chain order, one block hash per block, no index twice: anything else is corrupt. */
function checkOrder(logs: ChainLog[]): void {
  for (let i = 1; i < logs.length; i++) {
    if (compareLogs(logs[i - 1] as ChainLog, logs[i] as ChainLog) >= 0) {
      // Some nodes do not sort; duplicates still fail below.
      logs.sort(compareLogs);
      break;
    }
  }
  for (let i = 1; i < logs.length; i++) assertNext(logs[i - 1] as ChainLog, logs[i] as ChainLog);
}

function assertNext(a: ChainLog, b: ChainLog): void {
  if (a.blockNumber === b.blockNumber) {
    if (a.logIndex === b.logIndex) {
      throw new MalformedResponseError(`log ${a.logIndex} of block ${a.blockNumber} came back twice`, b);
    }
    if (a.blockHash !== b.blockHash) {
      throw new MalformedResponseError(`logs of block ${a.blockNumber} carry two block hashes`, b);
    }
  }
}

function compareLogs(a: ChainLog, b: ChainLog): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

function bad(field: string, log: unknown): never {
  throw new MalformedResponseError(`a log has a missing or malformed ${field}`, log);
}

export function toBlockHeader(raw: unknown, expected: bigint | "latest"): BlockHeader {
  const block = raw as { number?: unknown; hash?: unknown; parentHash?: unknown; timestamp?: unknown } | null;
  if (typeof block !== "object" || block === null) {
    throw new MalformedResponseError(`block ${expected} is missing from the node's answer`, raw);
  }
  const { number, hash, parentHash, timestamp } = block;
  if (
    typeof number !== "string" ||
    !QUANTITY.test(number) ||
    typeof hash !== "string" ||
    !HASH.test(hash) ||
    typeof parentHash !== "string" ||
    !HASH.test(parentHash) ||
    typeof timestamp !== "string" ||
    !QUANTITY.test(timestamp)
  ) {
    throw new MalformedResponseError(`block ${expected} has a malformed header`, raw);
  }
  if (expected !== "latest" && BigInt(number) !== expected) {
    throw new MalformedResponseError(`asked for block ${expected}, got block ${BigInt(number)}`, raw);
  }
  return {
    number: BigInt(number),
    hash: hash.toLowerCase() as Hex,
    parentHash: parentHash.toLowerCase() as Hex,
    timestamp: BigInt(timestamp),
  };
}
