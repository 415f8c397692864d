import { type Address, getAddress, type Hash } from "viem";
import { encodeJson } from "./content/cid.ts";
import { escrowMetaEvidence } from "./content/metaEvidence.ts";
import { LanternError } from "./errors/base.ts";
import { toLanternError } from "./errors/contract.ts";
import {
  escrowAbi,
  fixedPriceListingAbi,
  keyRegistryAbi,
  listingFactoryAbi,
  testTokenAbi,
} from "./generated/abis.ts";
import {
  escrowBytecode,
  fixedPriceListingBytecode,
  keyRegistryBytecode,
  listingFactoryBytecode,
  testTokenBytecode,
} from "./generated/bytecode.ts";
import { waitForReceipt, write } from "./internal/write.ts";
import type { Deployment, LanternPublicClient, LanternWalletClient } from "./types.ts";

export interface DeployParameters {
  walletClient: LanternWalletClient;
  publicClient: LanternPublicClient;
  /**
   * Who owns the factory and the escrow (the DAO's timelock in production); the deploying account unless
   * given. Another owner receives the escrow at once and the factory through Ownable2Step: it must call
   * `acceptOwnership()` on the factory, because the deployer keeps it until then to approve the template.
   */
  owner?: Address;
  /** Seconds the seller has to ship an escrowed order; 3 days unless given. */
  shipWindow?: number;
  /** Seconds the buyer has to check a shipped item before anyone may release payment; 14 days unless given. */
  deliveryWindow?: number;
  /** ERC-20 tokens to approve as payment currencies (the native coin always is). */
  currencies?: readonly Address[];
  /** ERC-1497 meta-evidence URI of escrow disputes; `/ipfs/<CID of escrowMetaEvidence>` unless given. */
  metaEvidence?: string;
}

export type DeployReturnType = Deployment;

const DAY = 86_400;

/**
 * Deploys Lantern's contracts with the wallet's account, on any chain: ListingFactory, Escrow, the
 * FixedPriceListing template and KeyRegistry; then approves the template and any given currencies.
 */
export async function deploy(parameters: DeployParameters): Promise<DeployReturnType> {
  const { walletClient, publicClient } = parameters;
  const deployer = walletClient.account.address;
  const owner = parameters.owner ?? deployer;
  const chainId = await publicClient.getChainId();

  const factory = await deployContract(parameters, "ListingFactory", {
    abi: listingFactoryAbi,
    bytecode: listingFactoryBytecode,
    args: [deployer],
  });
  const escrow = await deployContract(parameters, "Escrow", {
    abi: escrowAbi,
    bytecode: escrowBytecode,
    args: [
      factory.address,
      owner,
      parameters.shipWindow ?? 3 * DAY,
      parameters.deliveryWindow ?? 14 * DAY,
      parameters.metaEvidence ?? `/ipfs/${encodeJson(escrowMetaEvidence).cid}`,
    ],
  });
  const template = await deployContract(parameters, "FixedPriceListing", {
    abi: fixedPriceListingAbi,
    bytecode: fixedPriceListingBytecode,
    args: [factory.address, escrow.address],
  });
  const keys = await deployContract(parameters, "KeyRegistry", {
    abi: keyRegistryAbi,
    bytecode: keyRegistryBytecode,
    args: [],
  });

  await write(parameters, {
    address: factory.address,
    abi: listingFactoryAbi,
    functionName: "setTemplate",
    args: [template.address, true],
  });
  for (const currency of parameters.currencies ?? []) {
    await write(parameters, {
      address: factory.address,
      abi: listingFactoryAbi,
      functionName: "setCurrency",
      args: [currency, true],
    });
  }
  if (owner.toLowerCase() !== deployer.toLowerCase()) {
    await write(parameters, {
      address: factory.address,
      abi: listingFactoryAbi,
      functionName: "transferOwnership",
      args: [owner],
    });
  }

  return {
    chainId,
    deploymentBlock: factory.blockNumber,
    contracts: {
      ListingFactory: factory.address,
      Escrow: escrow.address,
      FixedPriceListing: template.address,
      KeyRegistry: keys.address,
    },
  };
}

/**
 * Deploys `TestToken`, a plain EIP-2612 ERC-20 whose `mint` is open to anyone: a fixture for tests,
 * benchmarks and the local chain, never part of a production deployment.
 */
export async function deployTestToken(
  walletClient: LanternWalletClient,
  publicClient: LanternPublicClient,
  name: string,
): Promise<Address> {
  const { address } = await deployContract({ walletClient, publicClient }, "TestToken", {
    abi: testTokenAbi,
    bytecode: testTokenBytecode,
    args: [name],
  });
  return address;
}

async function deployContract(
  clients: { walletClient: LanternWalletClient; publicClient: LanternPublicClient },
  name: string,
  // Each caller passes a generated ABI with its constructor's arguments.
  contract: { abi: readonly unknown[]; bytecode: `0x${string}`; args: readonly unknown[] },
): Promise<{ address: Address; blockNumber: bigint }> {
  const { walletClient, publicClient } = clients;
  let hash: Hash;
  try {
    hash = await walletClient.deployContract({
      abi: contract.abi,
      bytecode: contract.bytecode,
      args: contract.args,
      account: walletClient.account,
      chain: walletClient.chain ?? null,
    } as Parameters<typeof walletClient.deployContract>[0]);
  } catch (error) {
    throw toLanternError(error);
  }
  const receipt = await waitForReceipt(publicClient, hash);
  if (!receipt.contractAddress) throw new LanternError(`Deploying ${name} created no contract (${hash}).`);
  return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber };
}
