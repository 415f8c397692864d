import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ContentStore, type StoredContent, sniffImageType } from "@lantern/content";
import { cidOfBytes } from "@lantern/sdk";
import { RowError } from "./errors.ts";

export interface ImageLoaderOptions {
  /** Where relative paths start: the export file's directory. */
  baseDir: string;
  /** The content store to keep images in; without it (a dry run) they are only checked and hashed. */
  store?: ContentStore | undefined;
  /** Largest image accepted (the store's limit, or 5 MiB). */
  maxBytes?: number;
  /** How long one download may take, in milliseconds (15 s). */
  timeoutMs?: number;
}

/**
 * Brings a listing's images into the content store, from URLs (http, https) or local paths (relative to the
 * export). Each distinct reference is loaded once per run; a failure rejects the row that refers to it.
 */
export class ImageLoader {
  readonly #options: ImageLoaderOptions;
  readonly #loaded = new Map<string, Promise<StoredContent>>();
  readonly #maxBytes: number;

  constructor(options: ImageLoaderOptions) {
    this.#options = options;
    this.#maxBytes = options.maxBytes ?? options.store?.maxImageBytes ?? 5 * 1024 * 1024;
  }

  load(reference: string): Promise<StoredContent> {
    let loading = this.#loaded.get(reference);
    if (!loading) {
      loading = this.#load(reference);
      this.#loaded.set(reference, loading);
    }
    return loading;
  }

  async #load(reference: string): Promise<StoredContent> {
    const bytes = /^https?:\/\//i.test(reference)
      ? await this.#download(reference)
      : await this.#read(reference);
    const type = sniffImageType(bytes);
    if (!type) throw new RowError(`image "${reference}" is not a JPEG, PNG or WebP image`);
    if (bytes.length > this.#maxBytes) {
      throw new RowError(
        `image "${reference}" has ${bytes.length} bytes; at most ${this.#maxBytes} are accepted`,
      );
    }
    if (this.#options.store) return this.#options.store.putImage(bytes);
    return { cid: cidOfBytes(bytes).toString(), size: bytes.length, type };
  }

  async #download(url: string): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 15_000),
        redirect: "follow",
      });
    } catch (error) {
      const reason =
        (error as Error).name === "TimeoutError"
          ? "timed out"
          : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
      throw new RowError(`image "${url}" could not be fetched: ${reason}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new RowError(`image "${url}" could not be fetched: HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > this.#maxBytes) {
      await response.body?.cancel();
      throw new RowError(`image "${url}" has ${declared} bytes; at most ${this.#maxBytes} are accepted`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
      size += part.value.length;
      if (size > this.#maxBytes) {
        await reader?.cancel();
        throw new RowError(`image "${url}" is larger than ${this.#maxBytes} bytes`);
      }
      chunks.push(part.value);
    }
    return Buffer.concat(chunks);
  }

  async #read(reference: string): Promise<Uint8Array> {
    if (
      /^[a-z][a-z0-9+.-]*:/i.test(reference) &&
      !/^file:/i.test(reference) &&
      !/^[a-z]:[\\/]/i.test(reference)
    ) {
      throw new RowError(`image "${reference}" is neither an http(s) URL nor a file path`);
    }
    const file = /^file:/i.test(reference)
      ? fileURLToPath(reference)
      : path.resolve(this.#options.baseDir, reference);
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new RowError(`image "${reference}" is not a file`);
      if (info.size > this.#maxBytes) {
        throw new RowError(
          `image "${reference}" has ${info.size} bytes; at most ${this.#maxBytes} are accepted`,
        );
      }
      return await readFile(file);
    } catch (error) {
      if (error instanceof RowError) throw error;
      throw new RowError(
        `image "${reference}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
}
