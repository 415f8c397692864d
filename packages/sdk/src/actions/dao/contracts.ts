import type { Address } from "viem";
import { ValidationError } from "../../errors/errors.ts";
import type { Deployment } from "../../types.ts";

type DaoContract = "LanternToken" | "LanternGovernor" | "LanternTimelock" | "Reviews" | "Policy" | "Rewards";

/** The address of one of the DAO's contracts, or a readable error for a deployment that predates it. */
export function daoAddress(deployment: Deployment, name: DaoContract): Address {
  const address = deployment.contracts[name];
  if (!address) {
    throw new ValidationError(
      `This deployment (chain ${deployment.chainId}) has no ${name}: it was made before that contract existed.`,
    );
  }
  return address;
}
