import type { Address } from "viem";
import { lanternTokenAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { daoAddress } from "./contracts.ts";

export interface DelegateParameters {
  /** Who votes with the account's tokens; the account itself unless given. */
  delegatee?: Address;
}

export type DelegateReturnType = WriteResult;

/** Delegates the account's votes: tokens count in votes only once delegated, to oneself or another. */
export async function delegate(
  context: WriteContext,
  parameters: DelegateParameters = {},
): Promise<DelegateReturnType> {
  return write(context, {
    address: daoAddress(context.deployment, "LanternToken"),
    abi: lanternTokenAbi,
    functionName: "delegate",
    args: [parameters.delegatee ?? context.walletClient.account.address],
  });
}
