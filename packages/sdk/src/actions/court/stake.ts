import { erc20Abi } from "viem";
import { courtAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

export interface StakeParameters {
  /** The stake to hold from now on, in staking-token units: zero leaves the court. */
  amount: bigint;
}

export interface StakeReturnType extends WriteResult {
  /** The stake before this transaction. */
  previous: bigint;
}

/**
 * Sets the account's stake in the court. Raising it approves the court for the difference first (one more
 * transaction when the allowance is short); lowering it sends tokens back, down to what open seats lock.
 */
export async function stake(context: WriteContext, parameters: StakeParameters): Promise<StakeReturnType> {
  const court = courtAddress(context.deployment, "Court");
  const token = await context.publicClient.readContract({
    address: court,
    abi: courtAbi,
    functionName: "token",
  });
  const account = context.walletClient.account.address;
  const [previous] = await context.publicClient.readContract({
    address: court,
    abi: courtAbi,
    functionName: "stakeOf",
    args: [account],
  });
  if (parameters.amount > previous) {
    const needed = parameters.amount - previous;
    const allowance = await context.publicClient.readContract({
      address: token,
      abi: erc20Abi,
      functionName: "allowance",
      args: [account, court],
    });
    if (allowance < needed) {
      await write(context, { address: token, abi: erc20Abi, functionName: "approve", args: [court, needed] });
    }
  }
  const result = await write(context, {
    address: court,
    abi: courtAbi,
    functionName: "setStake",
    args: [parameters.amount],
  });
  return { ...result, previous };
}
