import type { Address } from "viem";
import { ValidationError } from "../../errors/errors.ts";
import type { Deployment } from "../../types.ts";

type CourtContract = "Court" | "ListingCuration";

/** The address of the court or the curation, or a readable error for a deployment that predates them. */
export function courtAddress(deployment: Deployment, name: CourtContract): Address {
  const address = deployment.contracts[name];
  if (!address) {
    throw new ValidationError(
      `This deployment (chain ${deployment.chainId}) has no ${name}: it was made before that contract existed.`,
    );
  }
  return address;
}
