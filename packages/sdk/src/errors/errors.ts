import type { Hash } from "viem";
import { LanternError, type LanternErrorOptions } from "./base.ts";

/** A transaction was mined but reverted (its simulation passed, so the chain changed in between). */
export class TransactionRevertedError extends LanternError {
  override name = "TransactionRevertedError";
  readonly hash: Hash;

  constructor(hash: Hash, options: LanternErrorOptions = {}) {
    super(
      `Transaction ${hash} reverted on chain; the state changed after it was simulated. Try again.`,
      options,
    );
    this.hash = hash;
  }
}

/** An order's events are not on chain (yet): no `OrderPaid` for its id. */
export class OrderNotFoundError extends LanternError {
  override name = "OrderNotFoundError";
  readonly orderId: bigint;

  constructor(orderId: bigint, options: LanternErrorOptions = {}) {
    super(`Order ${orderId} was not found: the escrow has no OrderPaid event for it.`, options);
    this.orderId = orderId;
  }
}

/** Input failed validation (listing metadata, shipping details, a CID, a key, a deployment file). */
export class ValidationError extends LanternError {
  override name = "ValidationError";
}

/** Encrypted shipping details could not be decrypted: wrong key, or the bytes were altered. */
export class DecryptionError extends LanternError {
  override name = "DecryptionError";
}
