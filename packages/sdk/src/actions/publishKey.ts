import type { Hex } from "viem";
import { keyRegistryAbi } from "../generated/abis.ts";
import { type WriteResult, write } from "../internal/write.ts";
import type { WriteContext } from "../types.ts";

export interface PublishKeyParameters {
  /** The X25519 public key buyers encrypt shipping details to (`generateEncryptionKey().publicKey`). */
  publicKey: Hex;
}

export type PublishKeyReturnType = WriteResult;

/** Publishes (or replaces) the wallet account's encryption key in the key registry. */
export async function publishKey(
  context: WriteContext,
  parameters: PublishKeyParameters,
): Promise<PublishKeyReturnType> {
  return write(context, {
    address: context.deployment.contracts.KeyRegistry,
    abi: keyRegistryAbi,
    functionName: "publishKey",
    args: [parameters.publicKey],
  });
}
