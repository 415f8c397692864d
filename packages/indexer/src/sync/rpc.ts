import { createPublicClient, type Hex, http, numberToHex, type PublicClient } from "viem";
import { toProviderError } from "./rpcErrors.ts";
import type { BlockHeader, ChainLog } from "./types.ts";
import { toBlockHeader, toChainLogs } from "./validate.ts";

/** The JSON-RPC calls the indexer makes, each checked and converted, each failure a ProviderError. */
export interface Rpc {
  chainId(): Promise<number>;
  blockNumber(): Promise<bigint>;
  header(number: bigint): Promise<BlockHeader>;
  /** The newest block's header. */
  latest(): Promise<BlockHeader>;
  /** Headers of `numbers`, in one JSON-RPC batch per 100. */
  headers(numbers: readonly bigint[]): Promise<BlockHeader[]>;
  /** Logs of blocks `from..to` whose first topic is one of `topic0s`, from any address. */
  logs(from: bigint, to: bigint, topic0s: readonly Hex[]): Promise<ChainLog[]>;
}

export interface RpcOptions {
  timeoutMs: number;
  /** Bodies the transport accepts; above the adaptive target, so one dense block still reads whole. */
  maxResponseBytes: number;
}

export function createRpc(url: string, options: RpcOptions): Rpc {
  // viem's own retries are off: the indexer's retry loop decides, logs each attempt and shrinks ranges.
  const client: PublicClient = createPublicClient({
    transport: http(url, {
      timeout: options.timeoutMs,
      retryCount: 0,
      maxResponseBodySize: options.maxResponseBytes,
    }),
  });
  const batched: PublicClient = createPublicClient({
    transport: http(url, { timeout: options.timeoutMs, retryCount: 0, batch: { batchSize: 100, wait: 0 } }),
  });

  async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toProviderError(error, what);
    }
  }

  async function getHeader(c: PublicClient, number: bigint | "latest"): Promise<BlockHeader> {
    const tag = number === "latest" ? number : numberToHex(number);
    const raw = await call(`eth_getBlockByNumber(${number})`, () =>
      c.request({ method: "eth_getBlockByNumber", params: [tag, false] }),
    );
    return toBlockHeader(raw, number);
  }

  return {
    chainId: () =>
      call("eth_chainId", () => client.request({ method: "eth_chainId" })).then((id) => Number(id)),
    blockNumber: () =>
      call("eth_blockNumber", () => client.request({ method: "eth_blockNumber" })).then(BigInt),
    header: (number) => getHeader(client, number),
    latest: () => getHeader(client, "latest"),
    headers: (numbers) => Promise.all(numbers.map((n) => getHeader(batched, n))),
    async logs(from, to, topic0s) {
      // Plain eth_getLogs through viem rather than viem's getLogs({ events }): that one drops logs it cannot
      // decode, and the indexer must count and report every such log instead.
      const raw = await call(`eth_getLogs(${from}..${to})`, () =>
        client.request({
          method: "eth_getLogs",
          params: [{ fromBlock: numberToHex(from), toBlock: numberToHex(to), topics: [topic0s as Hex[]] }],
        }),
      );
      return toChainLogs(raw, from, to);
    },
  };
}
