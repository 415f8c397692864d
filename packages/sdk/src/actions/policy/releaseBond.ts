import type { Address } from "viem";
import { policyAbi } from "../../generated/abis.ts";
import { type WriteResult, write } from "../../internal/write.ts";
import type { WriteContext } from "../../types.ts";
import { daoAddress } from "../dao/contracts.ts";

/**
 * The seller of a closed listing asks for its bond back; the court can still slash it during the policy's
 * release delay, after which `releaseBond` returns it.
 */
export async function requestBondRelease(
  context: WriteContext,
  parameters: { listing: Address },
): Promise<WriteResult> {
  return write(context, {
    address: daoAddress(context.deployment, "Policy"),
    abi: policyAbi,
    functionName: "requestBondRelease",
    args: [parameters.listing],
  });
}

/** The seller takes back the bond of a closed listing once its release delay has passed. */
export async function releaseBond(
  context: WriteContext,
  parameters: { listing: Address },
): Promise<WriteResult> {
  return write(context, {
    address: daoAddress(context.deployment, "Policy"),
    abi: policyAbi,
    functionName: "releaseBond",
    args: [parameters.listing],
  });
}
