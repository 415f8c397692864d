import { type Address, parseEventLogs } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { NATIVE_CURRENCY, type WriteContext } from "../types.ts";

export interface WithdrawParameters {
  /** The currency to withdraw; the native coin unless given. */
  currency?: Address;
}

export interface WithdrawReturnType extends WriteResult {
  /** How much was withdrawn. */
  amount: bigint;
}

/** Collects the payments the escrow credited to the wallet's account because it could not push them. */
export async function withdraw(
  context: WriteContext,
  parameters: WithdrawParameters = {},
): Promise<WithdrawReturnType> {
  const escrow = context.deployment.contracts.Escrow;
  const result = await write(context, {
    address: escrow,
    abi: escrowAbi,
    functionName: "withdraw",
    args: [parameters.currency ?? NATIVE_CURRENCY],
  });
  const [withdrawn] = parseEventLogs({
    abi: escrowAbi,
    logs: result.receipt.logs.filter((log) => log.address.toLowerCase() === escrow.toLowerCase()),
    eventName: "Withdrawn",
  });
  return { ...result, amount: withdrawn?.args.amount ?? 0n };
}
