import type { Address, Hex } from "viem";
import { keyRegistryAbi } from "../generated/abis.ts";
import type { ReadContext } from "../types.ts";

export interface GetPublishedKeyParameters {
  account: Address;
}

/** The X25519 public key the account published, or undefined if it published none. */
export type GetPublishedKeyReturnType = Hex | undefined;

/** The encryption key a seller published: encrypt shipping details to it with `encryptShipping`. */
export async function getPublishedKey(
  context: ReadContext,
  parameters: GetPublishedKeyParameters,
): Promise<GetPublishedKeyReturnType> {
  const key = await context.publicClient.readContract({
    address: context.deployment.contracts.KeyRegistry,
    abi: keyRegistryAbi,
    functionName: "keyOf",
    args: [parameters.account],
  });
  return /^0x0{64}$/.test(key) ? undefined : key;
}
