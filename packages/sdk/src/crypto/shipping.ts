import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { randomBytes } from "@noble/ciphers/utils.js";
import { x25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, type Hex, hexToBytes, isHex } from "viem";
import { z } from "zod";
import { DecryptionError, ValidationError } from "../errors/errors.ts";

const line = (max: number) => z.string().trim().min(1).max(max);

/** What a buyer tells the seller to ship an order; encrypted to the seller, never on chain in clear. */
export const shippingDetailsSchema = z.object({
  name: line(200),
  street: line(500),
  city: line(200),
  /** State, province or county, where addresses need one. */
  region: line(200).optional(),
  postalCode: line(32),
  country: line(100),
  phone: line(50).optional(),
  notes: z.string().trim().max(2000).optional(),
});
export type ShippingDetails = z.output<typeof shippingDetailsSchema>;

/** An X25519 key pair, 32 bytes each. Sellers publish the public key with `publishKey`. */
export interface EncryptionKeyPair {
  privateKey: Hex;
  publicKey: Hex;
}

const PUBLIC_KEY_LENGTH = 32;
const NONCE_LENGTH = 24;
const TAG_LENGTH = 16;
const INFO = new TextEncoder().encode("lantern/shipping-details/v1");

/** A new random X25519 key pair for receiving encrypted shipping details. */
export function generateEncryptionKey(): EncryptionKeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { privateKey: bytesToHex(secretKey), publicKey: bytesToHex(publicKey) };
}

/** The X25519 public key of a private key. */
export function encryptionPublicKey(privateKey: Hex): Hex {
  return bytesToHex(x25519.getPublicKey(key32(privateKey, "private key")));
}

/**
 * Encrypts shipping details to a seller's X25519 public key: a fresh ephemeral key pair, X25519 ECDH,
 * HKDF-SHA256 (salt: both public keys) to a 32-byte key, then XChaCha20-Poly1305 with a random nonce.
 * Returns `ephemeral public key (32) || nonce (24) || ciphertext with tag`; put its raw-codec CID's digest
 * on chain (`digestFromCid(cidOfBytes(bytes))`).
 */
export function encryptShipping(sellerPublicKey: Hex, details: ShippingDetails): Uint8Array {
  const parsed = shippingDetailsSchema.safeParse(details);
  if (!parsed.success) {
    throw new ValidationError("The shipping details are not valid.", {
      details: z.prettifyError(parsed.error),
    });
  }
  const recipient = key32(sellerPublicKey, "seller public key");
  const ephemeral = x25519.keygen();
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(ephemeral.secretKey, recipient);
  } catch (cause) {
    // A low-order point (such as zero) would give every eavesdropper the same shared secret.
    throw new ValidationError("The seller public key is not a usable X25519 key.", { cause });
  }
  const key = deriveKey(shared, ephemeral.publicKey, recipient);
  const nonce = randomBytes(NONCE_LENGTH);
  const plaintext = new TextEncoder().encode(JSON.stringify(parsed.data));
  const ciphertext = xchacha20poly1305(key, nonce).encrypt(plaintext);
  const out = new Uint8Array(PUBLIC_KEY_LENGTH + NONCE_LENGTH + ciphertext.length);
  out.set(ephemeral.publicKey, 0);
  out.set(nonce, PUBLIC_KEY_LENGTH);
  out.set(ciphertext, PUBLIC_KEY_LENGTH + NONCE_LENGTH);
  return out;
}

/**
 * Decrypts what `encryptShipping` produced with the seller's private key. Throws a `DecryptionError` if the
 * key is not the one the details were encrypted to or if a single byte was changed.
 */
export function decryptShipping(sellerPrivateKey: Hex, encrypted: Uint8Array | Hex): ShippingDetails {
  const bytes = typeof encrypted === "string" ? hexToBytes(encrypted) : encrypted;
  if (bytes.length < PUBLIC_KEY_LENGTH + NONCE_LENGTH + TAG_LENGTH) {
    throw new DecryptionError(`Encrypted shipping details are ${bytes.length} bytes, too short to be valid.`);
  }
  const secretKey = key32(sellerPrivateKey, "private key");
  const ephemeralPublicKey = bytes.subarray(0, PUBLIC_KEY_LENGTH);
  const nonce = bytes.subarray(PUBLIC_KEY_LENGTH, PUBLIC_KEY_LENGTH + NONCE_LENGTH);
  let plaintext: Uint8Array;
  try {
    const shared = x25519.getSharedSecret(secretKey, ephemeralPublicKey);
    const key = deriveKey(shared, ephemeralPublicKey, x25519.getPublicKey(secretKey));
    plaintext = xchacha20poly1305(key, nonce).decrypt(bytes.subarray(PUBLIC_KEY_LENGTH + NONCE_LENGTH));
  } catch (cause) {
    throw new DecryptionError(
      "The shipping details cannot be decrypted: they were altered, or encrypted to another key.",
      { cause },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plaintext));
  } catch (cause) {
    throw new DecryptionError("The decrypted shipping details are not JSON.", { cause });
  }
  const parsed = shippingDetailsSchema.safeParse(value);
  if (!parsed.success) {
    throw new DecryptionError("The decrypted shipping details do not have the expected fields.", {
      details: z.prettifyError(parsed.error),
    });
  }
  return parsed.data;
}

function deriveKey(shared: Uint8Array, ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array) {
  const salt = new Uint8Array(PUBLIC_KEY_LENGTH * 2);
  salt.set(ephemeralPublicKey, 0);
  salt.set(recipientPublicKey, PUBLIC_KEY_LENGTH);
  return hkdf(sha256, shared, salt, INFO, 32);
}

function key32(value: Hex, what: string): Uint8Array {
  if (!isHex(value) || value.length !== 66) throw new ValidationError(`The ${what} must be 32 bytes of hex.`);
  return hexToBytes(value);
}
