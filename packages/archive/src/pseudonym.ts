import { readFileSync } from "node:fs";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, type Hex, hexToBytes } from "viem";
import { ImportError } from "./errors.ts";

/** The shortest secret accepted: 256 bits, so nobody can guess it to reverse pseudonyms of small ids. */
export const MIN_SECRET_BYTES = 32;
const encoder = new TextEncoder();

/**
 * Seller and reviewer ids become pseudonyms: the first 16 bytes of HMAC-SHA256 under a secret the operator
 * keeps. The same person gets the same pseudonym in every row and every run; nobody without the secret can
 * tell whose it is, or test a guess.
 */
export class Pseudonymizer {
  readonly #secret: Uint8Array;

  constructor(secret: Uint8Array) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new ImportError(
        `The pseudonym secret has ${secret.length} bytes; at least ${MIN_SECRET_BYTES} are needed (for example \`openssl rand -hex 32\`).`,
      );
    }
    this.#secret = secret;
  }

  /** The pseudonym of an old marketplace's user id, as 16 bytes of hex. */
  of(userId: string): Hex {
    return bytesToHex(
      hmac(sha256, this.#secret, encoder.encode(`lantern/archive/user:${userId}`)).subarray(0, 16),
    );
  }

  /** Names the secret without revealing it, so a later run can tell it was given another one. */
  fingerprint(): Hex {
    return bytesToHex(
      hmac(sha256, this.#secret, encoder.encode("lantern/archive/secret-check")).subarray(0, 8),
    );
  }
}

/**
 * Reads the secret from a file or a value (the environment): 64 or more hex digits are decoded, anything
 * else is taken as its UTF-8 bytes. Surrounding whitespace is ignored.
 */
export function loadSecret(source: { file?: string | undefined; value?: string | undefined }): Uint8Array {
  let text: string;
  if (source.file) {
    try {
      text = readFileSync(source.file, "utf8");
    } catch (cause) {
      throw new ImportError(`The secret file ${source.file} cannot be read.`, { cause });
    }
  } else if (source.value) {
    text = source.value;
  } else {
    throw new ImportError(
      "No pseudonym secret: pass --secret-file <file> or set LANTERN_ARCHIVE_SECRET. Keep it: the same secret must be used for every run.",
    );
  }
  const trimmed = text.trim();
  if (/^(0x)?[0-9a-fA-F]{64,}$/.test(trimmed) && trimmed.replace(/^0x/, "").length % 2 === 0) {
    return hexToBytes(trimmed.startsWith("0x") ? (trimmed as Hex) : `0x${trimmed}`);
  }
  return encoder.encode(trimmed);
}
