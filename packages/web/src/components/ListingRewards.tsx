import { useEffect, useState } from "react";
import type { Address } from "viem";
import { useAddress, useApp, useWriteContext } from "../lib/app.tsx";
import { noteView, RewardActionKind, sendRewardAction, useRewards } from "../lib/rewards.ts";
import { reasonOf } from "../lib/useTransaction.ts";

/**
 * The listing's reward actions: the view is noted (signed later, from the Rewards page, so browsing never
 * prompts the wallet) and a like is signed at once, since the user asked for it by clicking.
 */
export function ListingRewards({ listing }: { listing: Address }) {
  const { api, config } = useApp();
  const account = useAddress();
  const context = useWriteContext();
  const rewards = useRewards(account);
  const epoch = rewards.data?.epoch;
  const [state, setState] = useState<{ busy: boolean; message: string; failed?: boolean }>({
    busy: false,
    message: "",
  });
  useEffect(() => {
    if (account && epoch !== undefined) noteView(config.chainId, account, epoch, listing);
  }, [account, epoch, listing, config.chainId]);
  if (!config.deployment.contracts.Rewards) return null;
  const like = async () => {
    if (!context || epoch === undefined) return;
    setState({ busy: true, message: "Sign the like in your wallet…" });
    try {
      await sendRewardAction(context, api, { kind: RewardActionKind.Like, listing, epoch: BigInt(epoch) });
      setState({
        busy: false,
        message: `Liked: +${rewards.data?.rules.points.like ?? ""} points this epoch.`,
      });
      await rewards.refetch();
    } catch (error) {
      setState({ busy: false, message: `Not liked. ${reasonOf(error)}`, failed: true });
    }
  };
  return (
    <div className="listing-rewards">
      <button
        type="button"
        onClick={like}
        disabled={!context || epoch === undefined || state.busy}
        aria-describedby="like-why"
      >
        Like
      </button>
      <span id="like-why" className="hint">
        {context
          ? " A like is signed with your wallet (no transaction, no fee) and earns reward points."
          : " Connect a wallet to like listings and earn reward points."}
      </span>
      <p role={state.failed ? "alert" : "status"} aria-live="polite" data-like-status>
        {state.message}
      </p>
    </div>
  );
}
