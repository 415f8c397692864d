import { type Address, getAddress, type Hex, parseEventLogs } from "viem";
import { daoAddress } from "../actions/dao/contracts.ts";
import { escrowAbi, reviewsAbi, rewardsAbi } from "../generated/abis.ts";
import { getOrderLogs } from "../readers/orderLogs.ts";
import type { ReadContext } from "../types.ts";
import type { SignedRewardAction } from "./actions.ts";
import {
  type ComputeEpochReturnType,
  computeEpoch,
  type RewardEvent,
  type RewardRules,
} from "./computeEpoch.ts";

/**
 * Lantern's published reward rules: points per action and the caps per account and epoch. They are part of
 * what anyone needs to recompute a root, so they live here, versioned with the SDK, and not in a server's
 * configuration. A cap per kind is a whole number of actions (a cap of 20 view points is 20 views).
 */
export const REWARD_POINTS: Pick<RewardRules, "points" | "capPerKind" | "capPerAccount"> = {
  points: { purchase: 10n, sale: 10n, review: 5n, view: 1n, like: 2n, share: 3n },
  capPerKind: { purchase: 50n, sale: 50n, review: 25n, view: 20n, like: 20n, share: 15n },
  capPerAccount: 100n,
};

export interface RewardSchedule {
  /** Unix seconds when epoch 0 started. */
  start: bigint;
  epochLength: bigint;
  /** Seconds after a root is posted during which it can be challenged (claims wait). */
  challengeWindow: bigint;
}

/** The Rewards contract's immutable schedule. */
export async function getRewardSchedule(context: ReadContext): Promise<RewardSchedule> {
  const [start, epochLength, challengeWindow] = await context.publicClient.readContract({
    address: daoAddress(context.deployment, "Rewards"),
    abi: rewardsAbi,
    functionName: "schedule",
  });
  return { start, epochLength, challengeWindow };
}

/** When `epoch` starts and ends (the end is the first second of the next epoch). */
export function epochBounds(schedule: RewardSchedule, epoch: bigint): { startsAt: bigint; endsAt: bigint } {
  const startsAt = schedule.start + epoch * schedule.epochLength;
  return { startsAt, endsAt: startsAt + schedule.epochLength };
}

/** The epoch at a time (unix seconds), as `Rewards.epochAt` computes it. */
export function epochAtTime(schedule: RewardSchedule, timestamp: bigint): bigint {
  return timestamp < schedule.start ? 0n : (timestamp - schedule.start) / schedule.epochLength;
}

export interface PostedRewardRoot {
  epoch: bigint;
  root: Hex;
  total: bigint;
  /** The budget the root was posted against: what `computeEpoch` shares out. */
  budget: bigint;
  blockNumber: bigint;
}

/** Every `RootPosted` of the Rewards contract, oldest first (a struck epoch's later root comes after). */
export async function getPostedRewardRoots(context: ReadContext): Promise<PostedRewardRoot[]> {
  const logs = await context.publicClient.getLogs({
    address: daoAddress(context.deployment, "Rewards"),
    event: rewardsAbi.find((item) => item.type === "event" && item.name === "RootPosted") as never,
    fromBlock: context.deployment.deploymentBlock,
    toBlock: "latest",
  });
  return parseEventLogs({ abi: rewardsAbi, logs, eventName: "RootPosted" }).map((log) => ({
    epoch: log.args.epoch,
    root: log.args.root,
    total: log.args.total,
    budget: log.args.budget,
    blockNumber: log.blockNumber,
  }));
}

/**
 * The on-chain actions of an epoch, from public logs: each order completed or ruled (`OrderCompleted`,
 * `OrderResolved`) and each review (`ReviewCreated`) in a block whose time lies in the epoch. Buyers and
 * sellers come from the orders' `OrderPaid`.
 */
export async function getRewardEvents(
  context: ReadContext,
  parameters: { epoch: bigint; schedule?: RewardSchedule },
): Promise<RewardEvent[]> {
  const { publicClient, deployment } = context;
  const schedule = parameters.schedule ?? (await getRewardSchedule(context));
  const { startsAt, endsAt } = epochBounds(schedule, parameters.epoch);
  const range = { fromBlock: deployment.deploymentBlock, toBlock: "latest" as const };
  const [escrowLogs, reviewLogs] = await Promise.all([
    publicClient.getLogs({
      address: deployment.contracts.Escrow,
      events: escrowAbi.filter(
        (item) => item.type === "event" && (item.name === "OrderCompleted" || item.name === "OrderResolved"),
      ) as never,
      ...range,
    }),
    deployment.contracts.Reviews
      ? publicClient.getLogs({
          address: deployment.contracts.Reviews,
          event: reviewsAbi.find((item) => item.type === "event" && item.name === "ReviewCreated") as never,
          ...range,
        })
      : Promise.resolve([]),
  ]);
  const times = new Map<bigint, bigint>();
  const inEpoch = async (blockNumber: bigint | null) => {
    if (blockNumber === null) return false;
    let time = times.get(blockNumber);
    if (time === undefined) {
      time = (await publicClient.getBlock({ blockNumber })).timestamp;
      times.set(blockNumber, time);
    }
    return time >= startsAt && time < endsAt;
  };

  const ended = parseEventLogs({
    abi: escrowAbi,
    logs: escrowLogs,
    eventName: ["OrderCompleted", "OrderResolved"],
  });
  const endedIds: bigint[] = [];
  for (const log of ended) if (await inEpoch(log.blockNumber)) endedIds.push(log.args.orderId);
  const parties = new Map<bigint, { buyer: Address; seller: Address }>();
  if (endedIds.length > 0) {
    for (const log of await getOrderLogs(context, { orderIds: endedIds, eventNames: ["OrderPaid"] })) {
      if (log.eventName === "OrderPaid") {
        parties.set(log.args.orderId, {
          buyer: getAddress(log.args.buyer),
          seller: getAddress(log.args.seller),
        });
      }
    }
  }
  const events: RewardEvent[] = [];
  for (const orderId of endedIds) {
    const party = parties.get(orderId);
    if (party) events.push({ type: "purchase", orderId, ...party });
  }
  for (const log of parseEventLogs({ abi: reviewsAbi, logs: reviewLogs, eventName: "ReviewCreated" })) {
    if (await inEpoch(log.blockNumber)) {
      events.push({ type: "review", orderId: log.args.orderId, buyer: getAddress(log.args.buyer) });
    }
  }
  return events;
}

/** The rules of an epoch: Lantern's published points and caps, this chain and contract, and a budget. */
export function rewardRulesFor(context: ReadContext, epoch: bigint, budget: bigint): RewardRules {
  return {
    chainId: context.deployment.chainId,
    rewards: daoAddress(context.deployment, "Rewards"),
    epoch,
    budget,
    ...REWARD_POINTS,
  };
}

/**
 * Recomputes an epoch's payout from public data alone: its on-chain actions read from the chain, the signed
 * actions given (as the API publishes them at `/rewards/epochs/:epoch/actions`), Lantern's reward rules, and
 * the budget: the one the epoch's root was posted against when it has one, else what a root posted now may
 * pay. What the distributor posts and what a third party checks are both this function's result.
 */
export async function recomputeEpoch(
  context: ReadContext,
  parameters: { epoch: bigint; signedActions: readonly SignedRewardAction[]; budget?: bigint },
): Promise<ComputeEpochReturnType> {
  const budget =
    parameters.budget ??
    (await context.publicClient.readContract({
      address: daoAddress(context.deployment, "Rewards"),
      abi: rewardsAbi,
      functionName: "budget",
      args: [parameters.epoch],
    }));
  const events = await getRewardEvents(context, { epoch: parameters.epoch });
  return computeEpoch(events, parameters.signedActions, rewardRulesFor(context, parameters.epoch, budget));
}
