import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import {
  cidOfBytes,
  encodeJson,
  JSON_CODEC,
  parseCid,
  RAW_CODEC,
  SHA2_256,
  verifyContent,
} from "@lantern/sdk";
import type { CID } from "multiformats/cid";
import {
  ContentError,
  ContentIntegrityError,
  ContentTooLargeError,
  UnsupportedContentTypeError,
} from "./errors.ts";
import { type ImageType, sniffImageType } from "./sniff.ts";

export type ContentType = "application/json" | ImageType | "application/octet-stream";

export interface StoredContent {
  /** CIDv1 in its canonical base32 form: json codec for documents, raw codec for images and other bytes. */
  cid: string;
  size: number;
  type: ContentType;
}

export interface Content extends StoredContent {
  bytes: Uint8Array;
}

export interface ContentStoreOptions {
  /** The directory the files live under; `.lantern/content` unless given. */
  dir?: string;
  /** Largest image accepted, in bytes (5 MiB unless given). */
  maxImageBytes?: number;
  /** Largest JSON document accepted, in bytes (256 KiB unless given). */
  maxJsonBytes?: number;
  /** Largest opaque blob accepted (encrypted shipping details, ...), in bytes (64 KiB unless given). */
  maxRawBytes?: number;
}

let temporaryCount = 0;

export const DEFAULT_CONTENT_DIR = path.join(".lantern", "content");

/**
 * Content-addressed files on disk: JSON documents and images under the CIDs IPFS would give them, so the
 * same content moves to IPFS unchanged. Every read is hashed and checked against its CID, so the store never
 * returns bytes that do not match; writes are atomic (temporary file, then rename) and idempotent.
 */
export class ContentStore {
  readonly dir: string;
  readonly maxImageBytes: number;
  readonly maxJsonBytes: number;
  readonly maxRawBytes: number;
  readonly #dirs = new Set<string>();

  constructor(options: ContentStoreOptions = {}) {
    this.dir = path.resolve(options.dir ?? DEFAULT_CONTENT_DIR);
    this.maxImageBytes = options.maxImageBytes ?? 5 * 1024 * 1024;
    this.maxJsonBytes = options.maxJsonBytes ?? 256 * 1024;
    this.maxRawBytes = options.maxRawBytes ?? 64 * 1024;
  }

  /** Stores a JSON document in Lantern's canonical encoding (sorted keys, no whitespace). */
  async putJson(value: unknown): Promise<StoredContent> {
    const { bytes, cid } = encodeJson(value);
    if (bytes.length > this.maxJsonBytes)
      throw new ContentTooLargeError("JSON document", bytes.length, this.maxJsonBytes);
    await this.#write(cid, bytes);
    return { cid: cid.toString(), size: bytes.length, type: "application/json" };
  }

  /** Stores a JPEG, PNG or WebP image, recognised from its bytes; anything else is refused. */
  async putImage(bytes: Uint8Array): Promise<StoredContent> {
    const type = sniffImageType(bytes);
    if (!type) throw new UnsupportedContentTypeError("Only JPEG, PNG and WebP images are accepted.");
    if (bytes.length > this.maxImageBytes)
      throw new ContentTooLargeError("image", bytes.length, this.maxImageBytes);
    const cid = cidOfBytes(bytes);
    await this.#write(cid, bytes);
    return { cid: cid.toString(), size: bytes.length, type };
  }

  /** Stores opaque bytes (encrypted details and the like) under their raw-codec CID. */
  async putRaw(bytes: Uint8Array): Promise<StoredContent> {
    if (bytes.length > this.maxRawBytes)
      throw new ContentTooLargeError("content", bytes.length, this.maxRawBytes);
    const cid = cidOfBytes(bytes);
    await this.#write(cid, bytes);
    return {
      cid: cid.toString(),
      size: bytes.length,
      type: sniffImageType(bytes) ?? "application/octet-stream",
    };
  }

  /**
   * The content `cid` names, verified against it; undefined if the store does not hold it. A file that no
   * longer matches its CID is removed and reported as a `ContentIntegrityError`.
   */
  async get(cid: CID | string): Promise<Content | undefined> {
    const parsed = this.#parse(cid);
    const file = this.#path(parsed);
    let bytes: Uint8Array;
    try {
      const buffer = await readFile(file);
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new ContentError(`The content ${parsed} could not be read.`, { cause: error });
    }
    if (!verifyContent(parsed, bytes)) {
      await rm(file, { force: true });
      throw new ContentIntegrityError(parsed.toString(), file);
    }
    const type: ContentType =
      parsed.code === JSON_CODEC ? "application/json" : (sniffImageType(bytes) ?? "application/octet-stream");
    return { cid: parsed.toString(), size: bytes.length, type, bytes };
  }

  /** The JSON document `cid` names (a json-codec CID), verified and parsed; undefined if not held. */
  async getJson(cid: CID | string): Promise<unknown> {
    const parsed = this.#parse(cid);
    if (parsed.code !== JSON_CODEC) throw new ContentError(`${parsed} is not a JSON document's CID.`);
    const content = await this.get(parsed);
    return content && JSON.parse(new TextDecoder().decode(content.bytes));
  }

  /** Whether the store holds a file for `cid` (not verified; `get` verifies). */
  async has(cid: CID | string): Promise<boolean> {
    try {
      await stat(this.#path(this.#parse(cid)));
      return true;
    } catch {
      return false;
    }
  }

  /** The file that holds `cid`'s content: `<dir>/<last two characters>/<cid>`. */
  pathOf(cid: CID | string): string {
    return this.#path(this.#parse(cid));
  }

  #parse(cid: CID | string): CID {
    const parsed = typeof cid === "string" ? parseCid(cid) : cid;
    if (parsed.version !== 1 || parsed.multihash.code !== SHA2_256) {
      throw new ContentError(`${parsed} is not a sha2-256 CIDv1, the only kind the store holds.`);
    }
    if (parsed.code !== JSON_CODEC && parsed.code !== RAW_CODEC) {
      throw new ContentError(`${parsed} has a codec the store does not hold (json and raw only).`);
    }
    return parsed;
  }

  // The CID's canonical string is base32 lower case: safe as a file name, never a path.
  #path(cid: CID): string {
    const name = cid.toString();
    return path.join(this.dir, name.slice(-2), name);
  }

  // Synchronous on purpose: documents and images are small, and thousands of asynchronous writes queue
  // behind Node's four file-system threads (an import writes one document per record).
  async #write(cid: CID, bytes: Uint8Array): Promise<void> {
    const file = this.#path(cid);
    // Content-addressed: a file under this name holds these bytes (`get` checks, and removes one that does not).
    if (statSync(file, { throwIfNoEntry: false })) return;
    const dir = path.dirname(file);
    const temporary = `${file}.${process.pid}-${++temporaryCount}.tmp`;
    try {
      if (!this.#dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.#dirs.add(dir);
      }
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new ContentError(`The content ${cid} could not be stored under ${this.dir}.`, { cause: error });
    }
  }
}
