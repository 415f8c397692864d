import type { Address } from "viem";
import { courtAbi } from "../../generated/abis.ts";
import type { ReadContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export interface GetArbiterParameters {
  arbiter: Address;
}

export interface GetArbiterReturnType {
  stake: bigint;
  /** The part of the stake that open seats lock. */
  locked: bigint;
  /** What the court owes the account, to withdraw. */
  owedNative: bigint;
  owedTokens: bigint;
}

/** An arbiter's stake, locked stake and what the court owes it. */
export async function getArbiter(
  context: ReadContext,
  parameters: GetArbiterParameters,
): Promise<GetArbiterReturnType> {
  const on = { address: courtAddress(context.deployment, "Court"), abi: courtAbi } as const;
  const [[stake, locked], [owedNative, owedTokens]] = await Promise.all([
    context.publicClient.readContract({ ...on, functionName: "stakeOf", args: [parameters.arbiter] }),
    context.publicClient.readContract({ ...on, functionName: "owed", args: [parameters.arbiter] }),
  ]);
  return { stake, locked, owedNative, owedTokens };
}
