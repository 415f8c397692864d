import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bytesToHex } from "viem";
import { cidOfBytes, digestFromCid } from "../content/cid.ts";
import { DecryptionError, ValidationError } from "../errors/errors.ts";
import {
  decryptShipping,
  encryptionPublicKey,
  encryptShipping,
  generateEncryptionKey,
  type ShippingDetails,
} from "./shipping.ts";

const details: ShippingDetails = {
  name: "Ada Lovelace",
  street: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
  phone: "+44 20 7946 0000",
  notes: "Ring twice",
};

describe("shipping encryption", () => {
  test("the seller decrypts what the buyer encrypted to the seller's public key", () => {
    const seller = generateEncryptionKey();
    assert.equal(encryptionPublicKey(seller.privateKey), seller.publicKey);
    const encrypted = encryptShipping(seller.publicKey, details);
    assert.deepEqual(decryptShipping(seller.privateKey, encrypted), details);
    assert.deepEqual(decryptShipping(seller.privateKey, bytesToHex(encrypted)), details);
  });

  test("is laid out as ephemeral public key, nonce, then ciphertext with its tag", () => {
    const seller = generateEncryptionKey();
    const encrypted = encryptShipping(seller.publicKey, details);
    const plaintext = new TextEncoder().encode(JSON.stringify(details));
    assert.equal(encrypted.length, 32 + 24 + plaintext.length + 16);
  });

  test("encrypts the same details differently each time, so digests do not reveal addresses", () => {
    const seller = generateEncryptionKey();
    const a = encryptShipping(seller.publicKey, details);
    const b = encryptShipping(seller.publicKey, details);
    assert.notEqual(digestFromCid(cidOfBytes(a)), digestFromCid(cidOfBytes(b)));
  });

  test("fails clearly when any byte was changed", () => {
    const seller = generateEncryptionKey();
    const encrypted = encryptShipping(seller.publicKey, details);
    for (const index of [0, 31, 32, 55, 56, encrypted.length - 1]) {
      const tampered = encrypted.slice();
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      assert.throws(() => decryptShipping(seller.privateKey, tampered), {
        name: "DecryptionError",
        shortMessage:
          "The shipping details cannot be decrypted: they were altered, or encrypted to another key.",
      });
    }
  });

  test("fails clearly with another key or truncated bytes", () => {
    const seller = generateEncryptionKey();
    const encrypted = encryptShipping(seller.publicKey, details);
    assert.throws(() => decryptShipping(generateEncryptionKey().privateKey, encrypted), DecryptionError);
    assert.throws(() => decryptShipping(seller.privateKey, encrypted.slice(0, 60)), /too short/);
  });

  test("validates the details and the key before encrypting", () => {
    const { publicKey } = generateEncryptionKey();
    assert.throws(
      () => encryptShipping(publicKey, { ...details, city: "" }),
      (error: unknown) => error instanceof ValidationError && /city/.test(error.details),
    );
    assert.throws(() => encryptShipping("0x1234", details), /seller public key must be 32 bytes/);
    assert.throws(() => encryptShipping(`0x${"00".repeat(32)}`, details), /not a usable X25519 key/);
  });
});
