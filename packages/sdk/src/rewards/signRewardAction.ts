import { daoAddress } from "../actions/dao/contracts.ts";
import type { WriteContext } from "../types.ts";
import { type RewardAction, rewardActionTypes, rewardDomain, type SignedRewardAction } from "./actions.ts";

/** The account signs an off-chain action (view, like, share) for this chain's Rewards contract. */
export async function signRewardAction(
  context: Pick<WriteContext, "walletClient" | "deployment">,
  action: Omit<RewardAction, "account">,
): Promise<SignedRewardAction> {
  const message: RewardAction = { ...action, account: context.walletClient.account.address };
  const signature = await context.walletClient.signTypedData({
    account: context.walletClient.account,
    domain: rewardDomain(context.deployment.chainId, daoAddress(context.deployment, "Rewards")),
    types: rewardActionTypes,
    primaryType: "Action",
    message,
  });
  return { action: message, signature };
}
