import {
  type ComputeEpochReturnType,
  epochAtTime,
  epochBounds,
  getPostedRewardRoots,
  getRewardEvents,
  getRewardSchedule,
  isRewardActionSigned,
  REWARD_POINTS,
  type ReadContext,
  type RewardPointKind,
  type RewardSchedule,
  recomputeEpoch,
  rewardsAbi,
  type SignedRewardAction,
} from "@lantern/sdk";
import type { Address, Hex } from "viem";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import type { ApiDatabase } from "../database.ts";
import { ApiError, badParameter } from "../errors.ts";
import { defineRoute, parse } from "../route.ts";
import { address, uint } from "../validation.ts";

const KIND_NAMES = ["view", "like", "share"] as const satisfies readonly RewardPointKind[];

const signedActionSchema = z.strictObject({
  action: z.strictObject({
    account: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address"),
    kind: z.union([z.literal(0), z.literal(1), z.literal(2)], "must be 0 (view), 1 (like) or 2 (share)"),
    target: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex value"),
    epoch: uint,
    nonce: uint,
  }),
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, "must be a 0x-prefixed 65-byte signature"),
});

function chainOf(ctx: ApiContext): ReadContext {
  if (!ctx.chain?.deployment.contracts.Rewards) {
    throw new ApiError("unavailable", "This node serves no rewards: it was started without a chain to read.");
  }
  return ctx.chain;
}

interface EpochNow {
  schedule: RewardSchedule;
  now: bigint;
  epoch: bigint;
}

/** The current epoch by the chain's clock (the latest block's time), which is what the contract goes by. */
async function epochNow(chain: ReadContext): Promise<EpochNow> {
  const [schedule, block] = await Promise.all([getRewardSchedule(chain), chain.publicClient.getBlock()]);
  return { schedule, now: block.timestamp, epoch: epochAtTime(schedule, block.timestamp) };
}

interface ActionRow {
  account: string;
  kind: number;
  target: string;
  epoch: string;
  nonce: string;
  signature: string;
}

async function storedActions(
  db: ApiDatabase,
  epoch: bigint,
  account?: string,
): Promise<SignedRewardAction[]> {
  const rows = await db.query<ActionRow>(
    `SELECT account, kind, target, epoch::text, nonce::text, signature FROM reward_actions
     WHERE epoch = $1::numeric ${account ? "AND account = $2" : ""} ORDER BY account, nonce`,
    account ? [epoch.toString(), account] : [epoch.toString()],
  );
  return rows.map((row) => ({
    action: {
      account: row.account as Address,
      kind: row.kind as 0 | 1 | 2,
      target: row.target as Hex,
      epoch: BigInt(row.epoch),
      nonce: BigInt(row.nonce),
    },
    signature: row.signature as Hex,
  }));
}

const json = (signed: SignedRewardAction) => ({
  action: {
    ...signed.action,
    epoch: signed.action.epoch.toString(),
    nonce: signed.action.nonce.toString(),
  },
  signature: signed.signature,
});

export const postActionRoute = defineRoute({
  method: "POST",
  url: "/actions",
  tag: "rewards",
  summary: "Collect a signed off-chain action (view, like, share)",
  description:
    'A JSON body `{ "action": { account, kind, target, epoch, nonce }, "signature" }` as the SDK\'s signRewardAction makes it (epoch and nonce as decimal strings). Accepted only if the signature is the account\'s under this chain\'s Rewards EIP-712 domain, the epoch is the current one, the target is a listing of this marketplace, the nonce and the (kind, target) pair are new for the account this epoch, and the account has not reached the cap for that kind. A refused action is never stored, so it never counts.',
  body: { description: "One signed action", mediaTypes: ["application/json"] },
  responses: {
    201: "Stored: it counts in the epoch's computation",
    400: "Malformed, badly signed, for another epoch, or not about a listing",
    409: "A replay: the nonce, or the same kind of action on the same listing, was collected already",
    422: "The account reached this epoch's cap for this kind of action",
    503: "The node reads no chain",
  },
  handler: async ({ request, reply }, ctx) => {
    const bytes = request.body instanceof Uint8Array ? request.body : new Uint8Array();
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      throw badParameter("body", "must be a JSON document");
    }
    const body = parse(signedActionSchema, value, "body");
    const chain = chainOf(ctx);
    const rewards = chain.deployment.contracts.Rewards as Address;
    const signed: SignedRewardAction = {
      action: {
        account: body.action.account as Address,
        kind: body.action.kind,
        target: body.action.target.toLowerCase() as Hex,
        epoch: BigInt(body.action.epoch),
        nonce: BigInt(body.action.nonce),
      },
      signature: body.signature as Hex,
    };
    if (!(await isRewardActionSigned(chain.deployment.chainId, rewards, signed))) {
      throw badParameter(
        "body.signature",
        `is not ${body.action.account}'s signature of this action for chain ${chain.deployment.chainId} and Rewards ${rewards}`,
      );
    }
    const { epoch } = await epochNow(chain);
    if (signed.action.epoch !== epoch) {
      throw badParameter("body.action.epoch", `must be the current epoch, ${epoch}`);
    }
    const listing = `0x${signed.action.target.slice(26)}`;
    const padded = signed.action.target.startsWith(`0x${"0".repeat(24)}`);
    const [known] = padded
      ? await ctx.db.query<{ n: number }>("SELECT 1 AS n FROM listings WHERE address = $1", [listing])
      : [];
    if (!known)
      throw badParameter("body.action.target", "must be a listing of this marketplace (left-padded)");

    const account = signed.action.account.toLowerCase();
    const kindName = KIND_NAMES[signed.action.kind];
    const [counts] = await ctx.db.query<{ same_kind: number; points: string }>(
      `SELECT count(*) FILTER (WHERE kind = $3)::int AS same_kind,
         coalesce(sum(CASE kind WHEN 0 THEN $4::numeric WHEN 1 THEN $5::numeric ELSE $6::numeric END), 0)::text AS points
       FROM reward_actions WHERE epoch = $1::numeric AND account = $2`,
      [
        epoch.toString(),
        account,
        signed.action.kind,
        REWARD_POINTS.points.view.toString(),
        REWARD_POINTS.points.like.toString(),
        REWARD_POINTS.points.share.toString(),
      ],
    );
    const perAction = REWARD_POINTS.points[kindName];
    if (BigInt(counts?.same_kind ?? 0) * perAction >= REWARD_POINTS.capPerKind[kindName]) {
      throw new ApiError(
        "limit_reached",
        `${signed.action.account} has reached this epoch's cap of ${REWARD_POINTS.capPerKind[kindName]} points for ${kindName}s.`,
        { field: "body.action.kind", rule: "at most the cap per kind per account and epoch" },
      );
    }
    if (BigInt(counts?.points ?? 0) >= REWARD_POINTS.capPerAccount) {
      throw new ApiError(
        "limit_reached",
        `${signed.action.account} has reached this epoch's cap of ${REWARD_POINTS.capPerAccount} points.`,
        { field: "body.action.account", rule: "at most the cap per account and epoch" },
      );
    }
    const [replayed] = await ctx.db.query<{ nonce: boolean; target: boolean }>(
      `SELECT bool_or(nonce = $3::numeric) AS nonce, bool_or(kind = $4 AND target = $5) AS target
       FROM reward_actions WHERE epoch = $1::numeric AND account = $2`,
      [epoch.toString(), account, signed.action.nonce.toString(), signed.action.kind, signed.action.target],
    );
    if (replayed?.nonce)
      throw replay("body.action.nonce", `nonce ${signed.action.nonce} was used already this epoch`);
    if (replayed?.target) {
      throw replay(
        "body.action.target",
        `this account's ${kindName} of this listing was collected already this epoch`,
      );
    }
    // The unique keys settle a race between two requests that both passed the checks above.
    const inserted = await ctx.db.query(
      `INSERT INTO reward_actions (epoch, account, kind, target, nonce, signature)
       VALUES ($1::numeric, $2, $3, $4, $5::numeric, $6) ON CONFLICT DO NOTHING RETURNING 1`,
      [
        epoch.toString(),
        account,
        signed.action.kind,
        signed.action.target,
        signed.action.nonce.toString(),
        signed.signature,
      ],
    );
    if (inserted.length === 0)
      throw replay("body.action.nonce", "the same action was collected already this epoch");
    reply.code(201);
    return { accepted: true, epoch: epoch.toString(), kind: kindName, points: perAction.toString() };
  },
});

const replay = (field: string, rule: string) =>
  new ApiError("conflict", `A replay: ${rule}.`, { field, rule });

export const epochActionsRoute = defineRoute({
  method: "GET",
  url: "/rewards/epochs/:epoch/actions",
  tag: "rewards",
  summary: "The signed actions of an ended epoch, and the rules",
  description:
    "Everything beyond the chain's own logs that the epoch's root is computed from: every signed action collected, with its signature, and the points and caps. Rerun the SDK's recomputeEpoch (computeEpoch over the epoch's chain events) with them to check the posted root.",
  params: z.strictObject({ epoch: uint }),
  responses: {
    200: "The actions and the rules",
    400: "The epoch has not ended",
    503: "The node reads no chain",
  },
  handler: async ({ params }, ctx) => {
    const chain = chainOf(ctx);
    const epoch = BigInt(params.epoch);
    const now = await epochNow(chain);
    if (epoch >= now.epoch)
      throw badParameter("params.epoch", `must be an ended epoch (the current one is ${now.epoch})`);
    const actions = await storedActions(ctx.db, epoch);
    return {
      epoch: epoch.toString(),
      chainId: chain.deployment.chainId,
      rewards: chain.deployment.contracts.Rewards,
      rules: stringify(REWARD_POINTS),
      actions: actions.map(json),
    };
  },
});

/** Recomputed epochs by posted root: a root, once posted, always has the same payout. */
const payouts = new Map<string, Promise<ComputeEpochReturnType>>();

export const rewardsRoute = defineRoute({
  method: "GET",
  url: "/rewards/:address",
  tag: "rewards",
  summary: "An account's points this epoch and what it can claim",
  description:
    "The current epoch (its end and budget), the account's points in it by kind (on-chain purchases, sales and reviews, and the signed actions collected), and for every posted root the account's payout with its Merkle proof and whether it can be claimed now, is still in its challenge window, is frozen by a challenge, or was claimed. A root is recomputed from public data before its proofs are given; one that does not match is reported as `mismatch`.",
  params: z.strictObject({ address }),
  responses: { 200: "Points and claims", 400: "Not an address", 503: "The node reads no chain" },
  handler: async ({ params }, ctx) => {
    const chain = chainOf(ctx);
    const rewards = chain.deployment.contracts.Rewards as Address;
    const account = params.address;
    const { schedule, now, epoch } = await epochNow(chain);
    const { endsAt } = epochBounds(schedule, epoch);
    const read = <T>(functionName: string, args: readonly unknown[]) =>
      chain.publicClient.readContract({
        address: rewards,
        abi: rewardsAbi,
        functionName,
        args,
      } as never) as Promise<T>;
    const nextEpoch = await read<bigint>("nextEpoch", []);
    // While earlier epochs wait for their roots, the current one's budget is at least its emission.
    const budget =
      epoch === nextEpoch ? await read<bigint>("budget", [epoch]) : await read<bigint>("emission", [epoch]);

    const points: Record<RewardPointKind, bigint> = {
      purchase: 0n,
      sale: 0n,
      review: 0n,
      view: 0n,
      like: 0n,
      share: 0n,
    };
    const add = (kind: RewardPointKind) => {
      const next = points[kind] + REWARD_POINTS.points[kind];
      points[kind] = next > REWARD_POINTS.capPerKind[kind] ? REWARD_POINTS.capPerKind[kind] : next;
    };
    for (const event of await getRewardEvents(chain, { epoch, schedule })) {
      if (event.type === "purchase") {
        if (event.buyer.toLowerCase() === account) add("purchase");
        if (event.seller.toLowerCase() === account) add("sale");
      } else if (event.buyer.toLowerCase() === account) add("review");
    }
    for (const { action } of await storedActions(ctx.db, epoch, account))
      add(KIND_NAMES[action.kind] ?? "view");
    const sum = Object.values(points).reduce((a, b) => a + b, 0n);
    let total = sum;
    if (total > REWARD_POINTS.capPerAccount) total = REWARD_POINTS.capPerAccount;

    const latestRoots = new Map<bigint, Awaited<ReturnType<typeof getPostedRewardRoots>>[number]>();
    for (const root of await getPostedRewardRoots(chain)) latestRoots.set(root.epoch, root);
    const claims = [];
    for (const posted of latestRoots.values()) {
      const key = `${chain.deployment.chainId}:${rewards}:${posted.epoch}:${posted.root}`;
      let computing = payouts.get(key);
      if (!computing) {
        computing = storedActions(ctx.db, posted.epoch).then((signedActions) =>
          recomputeEpoch(chain, { epoch: posted.epoch, signedActions, budget: posted.budget }),
        );
        payouts.set(key, computing);
        computing.catch(() => payouts.delete(key));
      }
      const computed = await computing;
      const onChain = await read<{ root: Hex; postedAt: number; status: number }>("epochRoot", [
        posted.epoch,
      ]);
      if (onChain.status === 0 || onChain.root !== posted.root) continue; // struck: it will be posted anew
      if (computed.root !== posted.root) {
        claims.push({ epoch: posted.epoch.toString(), root: posted.root, status: "mismatch" });
        continue;
      }
      const payout = computed.payouts.find((p) => p.account.toLowerCase() === account);
      if (!payout) continue;
      const claimed = await read<boolean>("hasClaimed", [posted.epoch, payout.index]);
      const opensAt = onChain.postedAt === 0 ? null : BigInt(onChain.postedAt) + schedule.challengeWindow;
      const status = claimed
        ? "claimed"
        : onChain.status === 2
          ? "frozen"
          : opensAt !== null && now < opensAt
            ? "challenge_window"
            : "claimable";
      claims.push({
        epoch: posted.epoch.toString(),
        root: posted.root,
        status,
        index: payout.index.toString(),
        amount: payout.amount.toString(),
        points: payout.points.toString(),
        proof: payout.proof,
        opensAt: opensAt === null ? null : Number(opensAt),
      });
    }
    return {
      account,
      now: Number(now),
      epoch: epoch.toString(),
      epochEndsAt: Number(endsAt),
      budget: budget.toString(),
      points: Object.fromEntries(Object.entries(points).map(([k, v]) => [k, v.toString()])),
      totalPoints: total.toString(),
      rules: stringify(REWARD_POINTS),
      claims,
    };
  },
});

function stringify(rules: typeof REWARD_POINTS) {
  const text = (record: Record<string, bigint>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.toString()]));
  return {
    points: text(rules.points),
    capPerKind: text(rules.capPerKind),
    capPerAccount: rules.capPerAccount.toString(),
  };
}
