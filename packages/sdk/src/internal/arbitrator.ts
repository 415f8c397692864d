import type { Address, Hex } from "viem";
import type { LanternPublicClient } from "../types.ts";

/** The part of ERC-792 the SDK reads to price a dispute. */
const arbitrationCostAbi = [
  {
    type: "function",
    name: "arbitrationCost",
    stateMutability: "view",
    inputs: [{ name: "extraData", type: "bytes" }],
    outputs: [{ name: "cost", type: "uint256" }],
  },
] as const;

/** What `arbitrator` charges now for a dispute with `extraData`, in the native coin. */
export function arbitrationCost(
  publicClient: LanternPublicClient,
  arbitrator: Address,
  extraData: Hex,
): Promise<bigint> {
  return publicClient.readContract({
    address: arbitrator,
    abi: arbitrationCostAbi,
    functionName: "arbitrationCost",
    args: [extraData],
  });
}
