/**
 * Where the metadata stage finds a document by its CID: the node's own content store, or an IPFS gateway.
 * A source may return any bytes; the stage hashes them against the CID before believing them.
 */
export interface MetadataSource {
  /** The bytes `cid` names, or undefined if this source does not have them (yet). */
  get(cid: string): Promise<Uint8Array | undefined>;
}

/** Reads from a content store (anything with `get(cid)` returning `{ bytes }`). */
export function contentStoreSource(store: {
  get(cid: string): Promise<{ bytes: Uint8Array } | undefined>;
}): MetadataSource {
  return {
    async get(cid) {
      try {
        return (await store.get(cid))?.bytes;
      } catch {
        // The store removes a file that no longer matches its CID and throws: for us it is simply missing.
        return undefined;
      }
    },
  };
}

export interface GatewaySourceOptions {
  timeoutMs?: number;
  /** Larger responses are dropped: a listing document is small (the content store takes at most 256 KiB). */
  maxBytes?: number;
}

/** Fetches `<gateway>/ipfs/<cid>` (an IPFS gateway, or another Lantern node). */
export function gatewaySource(gateway: string, options: GatewaySourceOptions = {}): MetadataSource {
  const base = gateway.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  return {
    async get(cid) {
      let response: Response;
      try {
        response = await fetch(`${base}/ipfs/${cid}`, { signal: AbortSignal.timeout(timeoutMs) });
      } catch {
        return undefined;
      }
      if (!response.ok || !response.body) return undefined;
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.length;
          if (size > maxBytes) {
            await reader.cancel().catch(() => {});
            return undefined;
          }
          chunks.push(value);
        }
      } catch {
        return undefined;
      }
      return Buffer.concat(chunks);
    },
  };
}

/** Tries each source in turn. */
export function firstOf(sources: readonly MetadataSource[]): MetadataSource {
  return {
    async get(cid) {
      for (const source of sources) {
        const bytes = await source.get(cid);
        if (bytes) return bytes;
      }
      return undefined;
    },
  };
}
