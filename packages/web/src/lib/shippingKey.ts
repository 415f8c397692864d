import {
  type EncryptionKeyPair,
  encryptionPublicKey,
  getPublishedKey,
  publishKey,
  type WriteContext,
} from "@lantern/sdk";
import { type Address, bytesToHex, hexToBytes, sha256 } from "viem";

/**
 * What the seller signs to unlock their shipping key. Wallets sign deterministically (RFC 6979), so the same
 * account derives the same key on any device, and the key is computed here and never sent anywhere.
 */
export const SHIPPING_KEY_MESSAGE =
  "Lantern shipping key, version 1.\n\nSigning this unlocks the key buyers encrypt their shipping " +
  "addresses to. It is computed in this browser and never sent anywhere. It costs nothing.";

const keys = new Map<string, EncryptionKeyPair>();

/** The account's X25519 shipping key, derived from its signature of `SHIPPING_KEY_MESSAGE`. */
export async function shippingKey(context: WriteContext): Promise<EncryptionKeyPair> {
  const account = context.walletClient.account.address.toLowerCase();
  const cached = keys.get(account);
  if (cached) return cached;
  const signature = await context.walletClient.signMessage({
    account: context.walletClient.account,
    message: SHIPPING_KEY_MESSAGE,
  });
  const privateKey = bytesToHex(sha256(hexToBytes(signature), "bytes"));
  const pair = { privateKey, publicKey: encryptionPublicKey(privateKey) };
  keys.set(account, pair);
  return pair;
}

/**
 * Makes sure buyers can encrypt to this seller: publishes the derived public key unless the registry already
 * holds it. Returns the transaction hash when one was needed.
 */
export async function ensureShippingKeyPublished(context: WriteContext): Promise<string | undefined> {
  const pair = await shippingKey(context);
  const published = await getPublishedKey(context, {
    account: context.walletClient.account.address as Address,
  });
  if (published?.toLowerCase() === pair.publicKey.toLowerCase()) return undefined;
  const { hash } = await publishKey(context, { publicKey: pair.publicKey });
  return hash;
}
