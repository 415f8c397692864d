import type { Address, Hash } from "viem";
import { LanternError } from "../../errors/base.ts";
import { archiveAbi } from "../../generated/abis.ts";
import { archiveBytecode } from "../../generated/bytecode.ts";
import { waitForReceipt } from "../../internal/write.ts";
import type { LanternPublicClient, LanternWalletClient } from "../../types.ts";
import { toArchiveError } from "./errors.ts";
import { writeArchive } from "./write.ts";

export interface DeployArchiveParameters {
  walletClient: LanternWalletClient;
  publicClient: LanternPublicClient;
  /** Accounts to authorize as publishers right away. */
  publishers?: readonly Address[];
  /**
   * The owner (the DAO's timelock in production); the deploying account unless given. Another owner
   * receives the archive through Ownable2Step: it must call `acceptOwnership()`.
   */
  owner?: Address;
}

export interface DeployArchiveReturnType {
  archive: Address;
  /** The block it was deployed in: where log queries start. */
  deploymentBlock: bigint;
}

/** Deploys an `Archive`, authorizes the given publishers, and offers ownership to `owner`. */
export async function deployArchive(parameters: DeployArchiveParameters): Promise<DeployArchiveReturnType> {
  const { walletClient, publicClient } = parameters;
  const deployer = walletClient.account.address;
  let hash: Hash;
  try {
    hash = await walletClient.deployContract({
      abi: archiveAbi,
      bytecode: archiveBytecode,
      args: [deployer],
      account: walletClient.account,
      chain: walletClient.chain ?? null,
    });
  } catch (error) {
    throw toArchiveError(error);
  }
  const receipt = await waitForReceipt(publicClient, hash);
  const archive = receipt.contractAddress;
  if (!archive) throw new LanternError(`Deploying the Archive created no contract (${hash}).`);
  const context = { walletClient, publicClient, archive };
  for (const publisher of parameters.publishers ?? []) {
    await writeArchive(context, "setPublisher", [publisher, true]);
  }
  const owner = parameters.owner;
  if (owner && owner.toLowerCase() !== deployer.toLowerCase()) {
    await writeArchive(context, "transferOwnership", [owner]);
  }
  return { archive, deploymentBlock: receipt.blockNumber };
}
