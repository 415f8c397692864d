import { type Address, getAddress, type Hash } from "viem";
import { encodeJson } from "./content/cid.ts";
import { curationMetaEvidence } from "./content/curationMetaEvidence.ts";
import { escrowMetaEvidence } from "./content/metaEvidence.ts";
import { LanternError } from "./errors/base.ts";
import { toLanternError } from "./errors/contract.ts";
import {
  courtAbi,
  courtViewsAbi,
  escrowAbi,
  fixedPriceListingAbi,
  keyRegistryAbi,
  listingCurationAbi,
  listingFactoryAbi,
  prevrandaoRandomnessAbi,
  stakingTokenPlaceholderAbi,
  testTokenAbi,
} from "./generated/abis.ts";
import {
  courtBytecode,
  courtViewsBytecode,
  escrowBytecode,
  fixedPriceListingBytecode,
  keyRegistryBytecode,
  listingCurationBytecode,
  listingFactoryBytecode,
  prevrandaoRandomnessBytecode,
  stakingTokenPlaceholderBytecode,
  testTokenBytecode,
} from "./generated/bytecode.ts";
import { waitForReceipt, write } from "./internal/write.ts";
import type { Deployment, LanternPublicClient, LanternWalletClient } from "./types.ts";

export interface DeployParameters {
  walletClient: LanternWalletClient;
  publicClient: LanternPublicClient;
  /**
   * Who owns the contracts (the DAO's timelock in production); the deploying account unless given. Another
   * owner receives the court and the curation at once, and the factory and the escrow through Ownable2Step:
   * it must call `acceptOwnership()` on both, because the deployer keeps them until then to wire them up.
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
  /**
   * The ERC-20 arbiters stake (the DAO's LanternToken). Unless given, a `StakingTokenPlaceholder` is deployed
   * with its whole supply (`stakingTokenSupply`) minted to the deploying account.
   */
  stakingToken?: Address;
  /** Supply of the placeholder staking token; 1,000,000 tokens (18 decimals) unless given. */
  stakingTokenSupply?: bigint;
  /** The court's parameters; see `DEFAULT_COURT_PARAMETERS`. */
  court?: Partial<CourtParameters>;
  /** Blocks between a randomness request and the block whose prevrandao answers it; 1 unless given. */
  randomnessLookahead?: number;
  /** The curation's base deposit (besides the arbitration cost), in wei; 0.05 ether unless given. */
  reportDeposit?: bigint;
  /** Seconds the seller has to contest a report; 3 days unless given. */
  contestWindow?: number;
}

/** The court's settings (`CourtParameters` in contracts/src/types/CourtTypes.sol). */
export interface CourtParameters {
  /** Native coin per seat: a round of N seats costs N times this. */
  feePerArbiter: bigint;
  /** The least stake, in staking-token units. */
  minStake: bigint;
  /** The part of the minimum stake each seat locks and an incoherent seat loses, in basis points. */
  penaltyBps: number;
  /** Seats of a first round (odd); appeals draw 2N + 1. */
  committeeSize: number;
  /** Seconds to commit, to reveal, and to appeal. */
  commitPeriod: number;
  revealPeriod: number;
  appealPeriod: number;
}

/** The court's settings in a fresh deployment, unless `deploy` is given others. */
export const DEFAULT_COURT_PARAMETERS: CourtParameters = {
  feePerArbiter: 10n ** 16n,
  minStake: 100n * 10n ** 18n,
  penaltyBps: 2_000,
  committeeSize: 3,
  commitPeriod: 86_400,
  revealPeriod: 86_400,
  appealPeriod: 2 * 86_400,
};

export type DeployReturnType = Deployment;

const DAY = 86_400;

/**
 * Deploys Lantern's contracts with the wallet's account, on any chain: ListingFactory, Escrow, the
 * FixedPriceListing template, KeyRegistry, the Court (with its views, its randomness source and, unless one
 * is given, a placeholder staking token) and ListingCuration; then approves the template and any given
 * currencies, makes the court the escrow's arbitrator and the curation the factory's curator.
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
      deployer,
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

  const court = await deployCourt(parameters, owner);
  const curation = await deployContract(parameters, "ListingCuration", {
    abi: listingCurationAbi,
    bytecode: listingCurationBytecode,
    args: [
      factory.address,
      court.court,
      "0x",
      parameters.reportDeposit ?? 5n * 10n ** 16n,
      parameters.contestWindow ?? 3 * DAY,
      `/ipfs/${encodeJson(curationMetaEvidence).cid}`,
      owner,
    ],
  });

  await write(parameters, {
    address: factory.address,
    abi: listingFactoryAbi,
    functionName: "setTemplate",
    args: [template.address, true],
  });
  await write(parameters, {
    address: factory.address,
    abi: listingFactoryAbi,
    functionName: "setCurator",
    args: [curation.address],
  });
  await write(parameters, {
    address: escrow.address,
    abi: escrowAbi,
    functionName: "setArbitrator",
    args: [court.court, "0x"],
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
    await write(parameters, {
      address: escrow.address,
      abi: escrowAbi,
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
      Court: court.court,
      ListingCuration: curation.address,
      Randomness: court.randomness,
      StakingToken: court.token,
    },
  };
}

/** The court and what it needs: the staking token (unless given), the randomness source and the views. */
async function deployCourt(
  parameters: DeployParameters,
  owner: Address,
): Promise<{ court: Address; randomness: Address; token: Address }> {
  const deployer = parameters.walletClient.account.address;
  const token =
    parameters.stakingToken ??
    (
      await deployContract(parameters, "StakingTokenPlaceholder", {
        abi: stakingTokenPlaceholderAbi,
        bytecode: stakingTokenPlaceholderBytecode,
        args: [deployer, parameters.stakingTokenSupply ?? 1_000_000n * 10n ** 18n],
      })
    ).address;
  const randomness = await deployContract(parameters, "PrevrandaoRandomness", {
    abi: prevrandaoRandomnessAbi,
    bytecode: prevrandaoRandomnessBytecode,
    args: [BigInt(parameters.randomnessLookahead ?? 1)],
  });
  const views = await deployContract(parameters, "CourtViews", {
    abi: courtViewsAbi,
    bytecode: courtViewsBytecode,
    args: [],
  });
  const p = { ...DEFAULT_COURT_PARAMETERS, ...parameters.court };
  const court = await deployContract(parameters, "Court", {
    abi: courtAbi,
    bytecode: courtBytecode,
    args: [
      token,
      randomness.address,
      {
        feePerArbiter: p.feePerArbiter,
        minStake: p.minStake,
        penaltyBps: p.penaltyBps,
        committeeSize: p.committeeSize,
        commitPeriod: p.commitPeriod,
        revealPeriod: p.revealPeriod,
        appealPeriod: p.appealPeriod,
      },
      owner,
      views.address,
    ],
  });
  return { court: court.address, randomness: randomness.address, token };
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
