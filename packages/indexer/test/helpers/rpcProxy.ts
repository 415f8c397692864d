import http from "node:http";
import type { AddressInfo } from "node:net";

export type FaultKind =
  | "http503"
  | "rpcError"
  | "rangeLimit"
  | "timeout"
  | "truncated"
  | "badLog"
  | "badData";

export interface FaultOptions {
  /** Chance (0..1) that a request gets a fault at all. */
  rate: number;
  kinds: FaultKind[];
  /** Deterministic faults for a given seed. */
  seed?: number;
  /** How long a "timeout" holds the request before dropping it. */
  timeoutMs?: number;
  /**
   * Rewrites every eth_getLogs result the same way each time (a log that is on chain but does not decode),
   * unlike the random faults above.
   */
  rewriteLogs?: (logs: Record<string, unknown>[]) => Record<string, unknown>[];
}

export interface RpcProxy {
  url: string;
  injected: Record<FaultKind, number>;
  /** Requests forwarded, by method. */
  forwarded: Map<string, number>;
  setFaults(options: FaultOptions | undefined): void;
  close(): Promise<void>;
}

/**
 * A loopback JSON-RPC proxy in front of anvil that injects the faults real providers show: 5xx answers,
 * JSON-RPC errors (including "too many results"), requests that hang, truncated bodies, malformed logs,
 * and logs whose data was damaged in a way only a second read reveals.
 */
export async function startRpcProxy(upstream: string, initial?: FaultOptions): Promise<RpcProxy> {
  let options = initial;
  let random = mulberry32(initial?.seed ?? 1);
  const injected: Record<FaultKind, number> = {
    http503: 0,
    rpcError: 0,
    rangeLimit: 0,
    timeout: 0,
    truncated: 0,
    badLog: 0,
    badData: 0,
  };
  const forwarded = new Map<string, number>();
  const sockets = new Set<import("node:net").Socket>();

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const parsed = JSON.parse(body) as { method: string; id: number } | { method: string; id: number }[];
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    const method = calls[0]?.method ?? "?";
    for (const c of calls) forwarded.set(c.method, (forwarded.get(c.method) ?? 0) + 1);

    const fault =
      options && random() < options.rate
        ? options.kinds[Math.floor(random() * options.kinds.length)]
        : undefined;
    if (fault === "http503") {
      injected.http503++;
      res.writeHead(503, { "content-type": "text/plain" }).end("upstream overloaded");
      return;
    }
    if (fault === "rpcError" || (fault === "rangeLimit" && method === "eth_getLogs")) {
      injected[fault]++;
      const message =
        fault === "rangeLimit"
          ? "query returned more than 10000 results"
          : "internal error: injected by the test proxy";
      const error = (c: { id: number }) => ({ jsonrpc: "2.0", id: c.id, error: { code: -32005, message } });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(Array.isArray(parsed) ? calls.map(error) : error(calls[0] as { id: number })));
      return;
    }
    if (fault === "timeout") {
      injected.timeout++;
      setTimeout(() => res.destroy(), options?.timeoutMs ?? 2000);
      return;
    }

    const upstreamResponse = await fetch(upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    let text = await upstreamResponse.text();
    if (method === "eth_getLogs" && !Array.isArray(parsed)) {
      const json = JSON.parse(text) as { result?: Record<string, unknown>[] };
      if (json.result && options?.rewriteLogs) {
        json.result = options.rewriteLogs(json.result);
        text = JSON.stringify(json);
      }
      if (json.result && json.result.length > 0 && fault === "badLog") {
        injected.badLog++;
        const victim = json.result[Math.floor(random() * json.result.length)] as Record<string, unknown>;
        const damage = Math.floor(random() * 3);
        if (damage === 0) delete victim.blockHash;
        else if (damage === 1) victim.data = "0xnot-hex";
        else victim.blockNumber = "0xffffffffff";
        text = JSON.stringify(json);
      }
      if (json.result && json.result.length > 0 && fault === "badData") {
        // Well-formed hex that no event decodes: only a second read can tell this from a log on chain.
        injected.badData++;
        const victim = json.result[Math.floor(random() * json.result.length)] as Record<string, unknown>;
        victim.data = `0x${Math.floor(random() * 2 ** 24)
          .toString(16)
          .padStart(6, "0")}`;
        text = JSON.stringify(json);
      }
      if (fault === "truncated") {
        injected.truncated++;
        text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      }
    }
    res.writeHead(upstreamResponse.status, { "content-type": "application/json" }).end(text);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    injected,
    forwarded,
    setFaults(next) {
      options = next;
      random = mulberry32(next?.seed ?? 1);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A small seeded PRNG, so a failing fault schedule can be replayed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
