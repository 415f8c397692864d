import type { Address } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { NATIVE_CURRENCY, type ReadContext } from "../types.ts";

export interface GetOwedParameters {
  account: Address;
  /** The currency; the native coin unless given. */
  currency?: Address;
}

export type GetOwedReturnType = bigint;

/** What the escrow owes `account` in a currency: payments it could not push, to collect with `withdraw`. */
export async function getOwed(
  context: ReadContext,
  parameters: GetOwedParameters,
): Promise<GetOwedReturnType> {
  return context.publicClient.readContract({
    address: context.deployment.contracts.Escrow,
    abi: escrowAbi,
    functionName: "owed",
    args: [parameters.account, parameters.currency ?? NATIVE_CURRENCY],
  });
}
