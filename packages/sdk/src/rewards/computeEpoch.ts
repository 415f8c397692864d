import { type Address, getAddress, type Hex, isAddressEqual, recoverTypedDataAddress } from "viem";
import { RewardActionKind, rewardActionTypes, rewardDomain, type SignedRewardAction } from "./actions.ts";
import { rewardLeaf, rewardTree } from "./merkle.ts";

/** An on-chain action of the epoch, read from the escrow's and the reviews' events. */
export type RewardEvent =
  /** `OrderCompleted` or `OrderResolved` of an order: points for its buyer and its seller. */
  | { type: "purchase"; orderId: bigint; buyer: Address; seller: Address }
  /** `ReviewCreated`: points for the reviewer. */
  | { type: "review"; orderId: bigint; buyer: Address };

export type RewardPointKind = "purchase" | "sale" | "review" | "view" | "like" | "share";

/** The epoch's rules: what the posted root must follow, so anyone can recompute it. */
export interface RewardRules {
  chainId: number;
  rewards: Address;
  epoch: bigint;
  /** `Rewards.budget(epoch)` when the root is posted. */
  budget: bigint;
  points: Record<RewardPointKind, bigint>;
  /** Most points one account earns from one kind of action in the epoch. */
  capPerKind: Record<RewardPointKind, bigint>;
  /** Most points one account earns in the epoch altogether. */
  capPerAccount: bigint;
}

export interface RewardPayout {
  /** The leaf's index: its position in the payouts, which are sorted by account. */
  index: bigint;
  account: Address;
  points: bigint;
  amount: bigint;
  proof: Hex[];
}

export interface RejectedAction {
  index: number;
  reason: string;
}

export interface ComputeEpochReturnType {
  epoch: bigint;
  root: Hex;
  total: bigint;
  /** By account address, ascending. */
  payouts: RewardPayout[];
  /** Signed actions not counted, by their index in the input, with the reason. */
  rejected: RejectedAction[];
}

const kindNames: Record<number, RewardPointKind> = {
  [RewardActionKind.View]: "view",
  [RewardActionKind.Like]: "like",
  [RewardActionKind.Share]: "share",
};

/**
 * Recomputes an epoch's payout from public data: the epoch's on-chain events and the off-chain actions users
 * signed. Deterministic: the same inputs in any order give the same root. Each account's points are capped
 * per kind and in all; the budget is shared in proportion to points, rounded down, so the total never
 * exceeds it. A signed action is rejected, with a reason, if its signature is not its account's under this
 * chain's and this contract's EIP-712 domain (so one signed for another chain or contract never counts), if
 * it names another epoch, or if the same account signed the same nonce, or the same kind and target, before.
 */
export async function computeEpoch(
  events: readonly RewardEvent[],
  signedActions: readonly SignedRewardAction[],
  rules: RewardRules,
): Promise<ComputeEpochReturnType> {
  const earned = new Map<Address, Map<RewardPointKind, bigint>>();
  const add = (account: Address, kind: RewardPointKind) => {
    const address = getAddress(account);
    const byKind = earned.get(address) ?? new Map<RewardPointKind, bigint>();
    const next = (byKind.get(kind) ?? 0n) + rules.points[kind];
    byKind.set(kind, next > rules.capPerKind[kind] ? rules.capPerKind[kind] : next);
    earned.set(address, byKind);
  };

  const seenOrders = new Set<string>();
  for (const event of [...events].sort(compareEvents)) {
    const key = `${event.type}:${event.orderId}`;
    if (seenOrders.has(key)) continue;
    seenOrders.add(key);
    if (event.type === "purchase") {
      add(event.buyer, "purchase");
      add(event.seller, "sale");
    } else {
      add(event.buyer, "review");
    }
  }

  const rejected: RejectedAction[] = [];
  const domain = rewardDomain(rules.chainId, rules.rewards);
  const checked = await Promise.all(
    signedActions.map(async ({ action, signature }, index) => {
      try {
        const signer = await recoverTypedDataAddress({
          domain,
          types: rewardActionTypes,
          primaryType: "Action",
          message: action,
          signature,
        });
        return { index, action, signer };
      } catch {
        return { index, action, signer: undefined };
      }
    }),
  );
  const usedNonces = new Set<string>();
  const usedTargets = new Set<string>();
  // Sorted by account, nonce and input position, so that which of two duplicates counts never depends on order.
  checked.sort(
    (a, b) =>
      compareText(a.action.account.toLowerCase(), b.action.account.toLowerCase()) ||
      compareBig(a.action.nonce, b.action.nonce) ||
      compareText(a.action.target.toLowerCase(), b.action.target.toLowerCase()) ||
      a.index - b.index,
  );
  for (const { index, action, signer } of checked) {
    const kind = kindNames[action.kind];
    const account = action.account.toLowerCase();
    if (!kind) rejected.push({ index, reason: `unknown action kind ${action.kind}` });
    else if (!signer || !isAddressEqual(signer, action.account)) {
      rejected.push({
        index,
        reason: `the signature is not ${action.account}'s for chain ${rules.chainId} and Rewards ${rules.rewards}`,
      });
    } else if (action.epoch !== rules.epoch) {
      rejected.push({ index, reason: `signed for epoch ${action.epoch}, not epoch ${rules.epoch}` });
    } else if (usedNonces.has(`${account}:${action.nonce}`)) {
      rejected.push({
        index,
        reason: `nonce ${action.nonce} of ${action.account} was used already (a replay)`,
      });
    } else if (usedTargets.has(`${account}:${kind}:${action.target.toLowerCase()}`)) {
      rejected.push({ index, reason: `${action.account} already had a ${kind} of ${action.target} counted` });
    } else {
      usedNonces.add(`${account}:${action.nonce}`);
      usedTargets.add(`${account}:${kind}:${action.target.toLowerCase()}`);
      add(action.account, kind);
    }
  }
  rejected.sort((a, b) => a.index - b.index);

  const accounts = [...earned.keys()].sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()));
  const points = accounts.map((account) => {
    let sum = 0n;
    for (const value of earned.get(account)?.values() ?? []) sum += value;
    return sum > rules.capPerAccount ? rules.capPerAccount : sum;
  });
  const totalPoints = points.reduce((a, b) => a + b, 0n);
  const amounts = points.map((p) => (totalPoints === 0n ? 0n : (rules.budget * p) / totalPoints));
  const kept = accounts.flatMap((account, i) =>
    (amounts[i] ?? 0n) > 0n ? [{ account, points: points[i] ?? 0n, amount: amounts[i] ?? 0n }] : [],
  );
  const { root, proofs } = rewardTree(
    kept.map((p, i) => rewardLeaf(rules.epoch, BigInt(i), p.account, p.amount)),
  );
  return {
    epoch: rules.epoch,
    root,
    total: kept.reduce((sum, p) => sum + p.amount, 0n),
    payouts: kept.map((p, i) => ({ index: BigInt(i), ...p, proof: proofs[i] ?? [] })),
    rejected,
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
function compareEvents(a: RewardEvent, b: RewardEvent): number {
  return compareText(a.type, b.type) || compareBig(a.orderId, b.orderId);
}
