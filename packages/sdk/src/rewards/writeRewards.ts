import type { Address, Hex } from "viem";
import { daoAddress } from "../actions/dao/contracts.ts";
import { rewardsAbi } from "../generated/abis.ts";
import { type WriteResult, write } from "../internal/write.ts";
import type { WriteContext } from "../types.ts";

/** The distributor posts an ended epoch's root and total (from `computeEpoch`). */
export async function postRewardRoot(
  context: WriteContext,
  parameters: { epoch: bigint; root: Hex; total: bigint },
): Promise<WriteResult> {
  return write(context, {
    address: daoAddress(context.deployment, "Rewards"),
    abi: rewardsAbi,
    functionName: "postRoot",
    args: [parameters.epoch, parameters.root, parameters.total],
  });
}

/** Claims an account's reward of an epoch with its proof (anyone may send it; the tokens go to the account). */
export async function claimReward(
  context: WriteContext,
  parameters: { epoch: bigint; index: bigint; account: Address; amount: bigint; proof: readonly Hex[] },
): Promise<WriteResult> {
  return write(context, {
    address: daoAddress(context.deployment, "Rewards"),
    abi: rewardsAbi,
    functionName: "claim",
    args: [parameters.epoch, parameters.index, parameters.account, parameters.amount, parameters.proof],
  });
}

/** Challenges a posted root within its window (for example when `computeEpoch` gives another root). */
export async function challengeRewardRoot(
  context: WriteContext,
  parameters: { epoch: bigint; reasonDigest: Hex },
): Promise<WriteResult> {
  return write(context, {
    address: daoAddress(context.deployment, "Rewards"),
    abi: rewardsAbi,
    functionName: "challengeRoot",
    args: [parameters.epoch, parameters.reasonDigest],
  });
}
