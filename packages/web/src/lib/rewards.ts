import { RewardActionKind, signRewardAction, type WriteContext } from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import { type Address, type Hex, pad } from "viem";
import type { Api } from "./api.ts";
import { useApp } from "./app.tsx";

export type ClaimStatus = "claimable" | "challenge_window" | "frozen" | "claimed" | "mismatch";

export interface RewardClaim {
  epoch: string;
  root: Hex;
  status: ClaimStatus;
  index?: string;
  amount?: string;
  points?: string;
  proof?: Hex[];
  /** Unix seconds when the challenge window ends. */
  opensAt?: number | null;
}

export interface RewardsView {
  account: string;
  now: number;
  epoch: string;
  epochEndsAt: number;
  budget: string;
  points: Record<"purchase" | "sale" | "review" | "view" | "like" | "share", string>;
  totalPoints: string;
  rules: { points: Record<string, string>; capPerKind: Record<string, string>; capPerAccount: string };
  claims: RewardClaim[];
}

/** The account's points this epoch and its claims, as the API computes them from public data. */
export function useRewards(account: Address | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ["rewards", account],
    enabled: Boolean(account),
    queryFn: () => api.get<RewardsView>(`/rewards/${account}`),
  });
}

/**
 * Signs one off-chain action with the wallet (EIP-712) and hands it to the API. The nonce is random: the
 * API refuses a nonce used before this epoch, and a random 64-bit one never needs a counter kept anywhere.
 */
export async function sendRewardAction(
  context: WriteContext,
  api: Api,
  parameters: { kind: RewardActionKind; listing: Address; epoch: bigint },
): Promise<void> {
  const random = crypto.getRandomValues(new Uint32Array(2));
  const nonce = (BigInt(random[0] ?? 0) << 32n) | BigInt(random[1] ?? 0);
  const signed = await signRewardAction(context, {
    kind: parameters.kind,
    target: pad(parameters.listing),
    epoch: parameters.epoch,
    nonce,
  });
  await api.postJson("/actions", {
    action: {
      ...signed.action,
      epoch: signed.action.epoch.toString(),
      nonce: signed.action.nonce.toString(),
    },
    signature: signed.signature,
  });
}

/**
 * Views are not signed as they happen: a wallet prompt on every page would make browsing unbearable. A view
 * is noted here, once per listing per epoch, and the Rewards page signs the waiting ones when the user asks
 * (one click; the development wallet signs silently, an injected wallet asks once per view, at most the
 * epoch's cap of views). Nothing leaves the browser until then.
 */
const viewsKey = (chainId: number, account: string) => `lantern:views:${chainId}:${account.toLowerCase()}`;

interface NotedViews {
  epoch: string;
  listings: string[];
  sent: string[];
}

export function notedViews(chainId: number, account: string, epoch: string): NotedViews {
  try {
    const saved = JSON.parse(localStorage.getItem(viewsKey(chainId, account)) ?? "null") as NotedViews | null;
    if (saved && saved.epoch === epoch) return saved;
  } catch {
    // A damaged entry is as good as none.
  }
  return { epoch, listings: [], sent: [] };
}

export function noteView(chainId: number, account: string, epoch: string, listing: string): void {
  const views = notedViews(chainId, account, epoch);
  const address = listing.toLowerCase();
  if (views.listings.includes(address)) return;
  views.listings.push(address);
  localStorage.setItem(viewsKey(chainId, account), JSON.stringify(views));
}

export function markViewSent(chainId: number, account: string, epoch: string, listing: string): void {
  const views = notedViews(chainId, account, epoch);
  views.sent.push(listing.toLowerCase());
  localStorage.setItem(viewsKey(chainId, account), JSON.stringify(views));
}

export { RewardActionKind };
