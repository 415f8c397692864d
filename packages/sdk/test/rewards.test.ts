import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Hex, pad, parseEther } from "viem";
import { buy } from "../src/actions/buy.ts";
import { confirm } from "../src/actions/confirm.ts";
import { createReview } from "../src/actions/reviews/createReview.ts";
import { lanternTokenAbi, rewardsAbi } from "../src/generated/abis.ts";
import {
  RewardActionKind,
  rewardActionTypes,
  rewardDomain,
  type SignedRewardAction,
} from "../src/rewards/actions.ts";
import { computeEpoch, type RewardEvent, type RewardRules } from "../src/rewards/computeEpoch.ts";
import { signRewardAction } from "../src/rewards/signRewardAction.ts";
import { claimReward, postRewardRoot } from "../src/rewards/writeRewards.ts";
import { type Market, startMarket } from "./market.ts";

const DAY = 86_400;

describe("rewards through the SDK", () => {
  let market: Market;
  let rewards: `0x${string}`;
  before(async () => {
    market = await startMarket();
    const address = market.deployment.contracts.Rewards;
    assert.ok(address);
    rewards = address;
  });
  after(() => market?.stop());

  const rulesFor = async (epoch: bigint): Promise<RewardRules> => ({
    chainId: market.deployment.chainId,
    rewards,
    epoch,
    budget: await market.publicClient.readContract({
      address: rewards,
      abi: rewardsAbi,
      functionName: "budget",
      args: [epoch],
    }),
    points: { purchase: 10n, sale: 10n, review: 5n, view: 1n, like: 2n, share: 3n },
    capPerKind: { purchase: 50n, sale: 50n, review: 25n, view: 3n, like: 10n, share: 10n },
    capPerAccount: 100n,
  });

  test("an epoch's root is recomputed from public data, posted after the epoch, and claimed once", async () => {
    const buyer = market.buyer.walletClient.account.address;
    const seller = market.seller.walletClient.account.address;
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await confirm(market.buyer, { orderId });
    await createReview(market.buyer, { orderId, rating: 5 });
    const events: RewardEvent[] = [
      { type: "purchase", orderId, buyer, seller },
      { type: "review", orderId, buyer },
    ];
    const target = pad(listing);
    const view = await signRewardAction(market.buyer, {
      kind: RewardActionKind.View,
      target,
      epoch: 0n,
      nonce: 1n,
    });
    const like = await signRewardAction(market.buyer, {
      kind: RewardActionKind.Like,
      target,
      epoch: 0n,
      nonce: 2n,
    });
    const likeAgain = await signRewardAction(market.buyer, {
      kind: RewardActionKind.Like,
      target,
      epoch: 0n,
      nonce: 3n,
    });
    const nextEpoch = await signRewardAction(market.buyer, {
      kind: RewardActionKind.Share,
      target,
      epoch: 1n,
      nonce: 4n,
    });
    // The same message signed for another chain's Rewards contract.
    const otherChain: SignedRewardAction = {
      action: { account: buyer, kind: RewardActionKind.Share, target, epoch: 0n, nonce: 5n },
      signature: await market.wallets.buyer.signTypedData({
        domain: rewardDomain(1, rewards),
        types: rewardActionTypes,
        primaryType: "Action",
        message: { account: buyer, kind: RewardActionKind.Share, target, epoch: 0n, nonce: 5n },
      }),
    };
    const forged: SignedRewardAction = {
      action: { ...view.action, account: seller, nonce: 9n },
      signature: view.signature,
    };
    const signed = [view, like, view, likeAgain, nextEpoch, otherChain, forged];

    const rules = await rulesFor(0n);
    const result = await computeEpoch(events, signed, rules);
    assert.deepEqual(
      result.rejected.map((r) => r.index),
      [2, 3, 4, 5, 6],
    );
    assert.match(result.rejected[0]?.reason ?? "", /nonce 1 of .* was used already \(a replay\)/);
    assert.match(result.rejected[1]?.reason ?? "", /already had a like of/);
    assert.match(result.rejected[2]?.reason ?? "", /signed for epoch 1, not epoch 0/);
    assert.match(result.rejected[3]?.reason ?? "", /the signature is not .* for chain 31337/);
    assert.match(result.rejected[4]?.reason ?? "", /the signature is not/);
    // Buyer: purchase 10 + review 5 + view 1 + like 2 = 18 points; seller: sale 10.
    const byAccount = Object.fromEntries(result.payouts.map((p) => [p.account, p]));
    assert.equal(byAccount[buyer]?.points, 18n);
    assert.equal(byAccount[seller]?.points, 10n);
    assert.ok(result.total <= rules.budget);
    assert.equal(byAccount[buyer]?.amount, (rules.budget * 18n) / 28n);

    // Any order of the same inputs gives the same root.
    const shuffled = await computeEpoch([...events].reverse(), [...signed].reverse(), rules);
    assert.equal(shuffled.root, result.root);

    await assert.rejects(postRewardRoot(market.deployer, result), {
      errorName: "EpochNotEnded",
      shortMessage: /^Epoch 0 ends at .*; its root can be posted after that\.$/,
    });
    await market.travel(7 * DAY);
    await assert.rejects(postRewardRoot(market.buyer, result), { errorName: "NotDistributor" });
    await postRewardRoot(market.deployer, result);
    const payout = byAccount[buyer];
    assert.ok(payout);
    await assert.rejects(claimReward(market.stranger, { epoch: 0n, ...payout }), {
      errorName: "ChallengeWindowOpen",
    });
    await market.travel(2 * DAY);
    await claimReward(market.stranger, { epoch: 0n, ...payout });
    const balance = await market.publicClient.readContract({
      address: market.deployment.contracts.LanternToken as Hex,
      abi: lanternTokenAbi,
      functionName: "balanceOf",
      args: [buyer],
    });
    assert.equal(balance, payout.amount);
    await assert.rejects(claimReward(market.stranger, { epoch: 0n, ...payout }), {
      errorName: "AlreadyClaimed",
      shortMessage: `Payout ${payout.index} of epoch 0 has been claimed already.`,
    });
    const sellerPayout = byAccount[seller];
    assert.ok(sellerPayout);
    await assert.rejects(
      claimReward(market.stranger, { epoch: 0n, ...sellerPayout, amount: sellerPayout.amount + 1n }),
      { errorName: "InvalidProof" },
    );
    assert.ok(payout.amount <= parseEther("1000000"));
  });
});
