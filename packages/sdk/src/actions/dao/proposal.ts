import { type Address, type Hex, keccak256, toHex } from "viem";

/** One call a proposal makes through the timelock. */
export interface ProposalCall {
  target: Address;
  /** Native coin sent with the call; none unless given. */
  value?: bigint;
  data: Hex;
}

/** What a proposal does and why: the governor identifies it by these (and the description's hash). */
export interface Proposal {
  calls: readonly ProposalCall[];
  description: string;
}

/** The governor's arguments for a proposal: targets, values, calldatas. */
export function proposalArgs(proposal: Proposal) {
  return [
    proposal.calls.map((c) => c.target),
    proposal.calls.map((c) => c.value ?? 0n),
    proposal.calls.map((c) => c.data),
  ] as const;
}

export const descriptionHash = (proposal: Proposal): Hex => keccak256(toHex(proposal.description));
