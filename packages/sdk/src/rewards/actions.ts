import { type Address, type Hex, isAddressEqual, recoverTypedDataAddress } from "viem";

/** Off-chain actions a user signs to earn points; the numbers are the `kind` in the signed message. */
export const RewardActionKind = { View: 0, Like: 1, Share: 2 } as const;
export type RewardActionKind = (typeof RewardActionKind)[keyof typeof RewardActionKind];

/** The EIP-712 message of an off-chain action. The domain binds it to one chain and one Rewards contract. */
export interface RewardAction {
  account: Address;
  kind: RewardActionKind;
  /** What was viewed, liked or shared: a listing address, left-padded to 32 bytes. */
  target: Hex;
  epoch: bigint;
  nonce: bigint;
}

export interface SignedRewardAction {
  action: RewardAction;
  signature: Hex;
}

export const rewardActionTypes = {
  Action: [
    { name: "account", type: "address" },
    { name: "kind", type: "uint8" },
    { name: "target", type: "bytes32" },
    { name: "epoch", type: "uint256" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** The EIP-712 domain of a Rewards contract on a chain. */
export function rewardDomain(chainId: number, rewards: Address) {
  return { name: "Lantern Rewards", version: "1", chainId, verifyingContract: rewards } as const;
}

/**
 * Whether a signed action is its account's under this chain's and this contract's domain: the check
 * `computeEpoch` makes, for collectors (the API) that refuse a bad action before storing it.
 */
export async function isRewardActionSigned(
  chainId: number,
  rewards: Address,
  { action, signature }: SignedRewardAction,
): Promise<boolean> {
  try {
    const signer = await recoverTypedDataAddress({
      domain: rewardDomain(chainId, rewards),
      types: rewardActionTypes,
      primaryType: "Action",
      message: action,
      signature,
    });
    return isAddressEqual(signer, action.account);
  } catch {
    return false;
  }
}
