import { type Address, getAddress, getContractAddress, type Hash, parseEther, zeroAddress } from "viem";
import { encodeJson } from "./content/cid.ts";
import { curationMetaEvidence } from "./content/curationMetaEvidence.ts";
import { escrowMetaEvidence } from "./content/metaEvidence.ts";
import { LanternError } from "./errors/base.ts";
import { toLanternError } from "./errors/contract.ts";
import {
  archiveAbi,
  courtAbi,
  courtViewsAbi,
  escrowAbi,
  fixedPriceListingAbi,
  keyRegistryAbi,
  lanternGovernorAbi,
  lanternTimelockAbi,
  lanternTokenAbi,
  listingCurationAbi,
  listingFactoryAbi,
  policyAbi,
  prevrandaoRandomnessAbi,
  reviewsAbi,
  rewardsAbi,
  testTokenAbi,
} from "./generated/abis.ts";
import {
  archiveBytecode,
  courtBytecode,
  courtViewsBytecode,
  escrowBytecode,
  fixedPriceListingBytecode,
  keyRegistryBytecode,
  lanternGovernorBytecode,
  lanternTimelockBytecode,
  lanternTokenBytecode,
  listingCurationBytecode,
  listingFactoryBytecode,
  policyBytecode,
  prevrandaoRandomnessBytecode,
  reviewsBytecode,
  rewardsBytecode,
  testTokenBytecode,
} from "./generated/bytecode.ts";
import { handOver, type OwnedContract } from "./internal/handOver.ts";
import { waitForReceipt, write } from "./internal/write.ts";
import type { Deployment, LanternPublicClient, LanternWalletClient } from "./types.ts";

export interface DeployParameters {
  walletClient: LanternWalletClient;
  publicClient: LanternPublicClient;
  /** The DAO's token: its hard cap and genesis allocation. */
  token?: TokenParameters;
  /** Governor and timelock settings; the defaults suit a public chain. */
  governance?: GovernanceParameters;
  /** The reward schedule, fixed for good at deployment, and the first distributor. */
  rewards?: RewardsParameters;
  /**
   * Leave the deploying account owning every parameter instead of handing them to the timelock. Only for
   * tests and benchmarks that set parameters directly; a marketplace deployed this way has an admin key.
   */
  keepAdmin?: boolean;
  /** Seconds the seller has to ship an escrowed order; 3 days unless given. */
  shipWindow?: number;
  /** Seconds the buyer has to check a shipped item before anyone may release payment; 14 days unless given. */
  deliveryWindow?: number;
  /** ERC-20 tokens to approve as payment currencies (the native coin always is). */
  currencies?: readonly Address[];
  /** ERC-1497 meta-evidence URI of escrow disputes; `/ipfs/<CID of escrowMetaEvidence>` unless given. */
  metaEvidence?: string;
  /** The court's parameters; see `DEFAULT_COURT_PARAMETERS`. */
  court?: Partial<CourtParameters>;
  /** Blocks between a randomness request and the block whose prevrandao answers it; 1 unless given. */
  randomnessLookahead?: number;
  /** The curation's base deposit (besides the arbitration cost), in wei; 0.05 ether unless given. */
  reportDeposit?: bigint;
  /** Seconds the seller has to contest a report; 3 days unless given. */
  contestWindow?: number;
  /**
   * Accounts the Archive authorizes to publish legacy records from the start; none unless given, so only a
   * governance vote adds one. A local chain names a development account so `lantern import` works at once.
   */
  archivePublishers?: readonly Address[];
}

/** The court's settings (`CourtParameters` in contracts/src/types/CourtTypes.sol). */
export interface CourtParameters {
  /** Seconds to commit, to reveal, and to appeal. */
  commitPeriod: number;
  revealPeriod: number;
  appealPeriod: number;
  /** The part of the minimum stake each seat locks and an incoherent seat loses, in basis points. */
  penaltyBps: number;
  /** Seats of a first round (odd); appeals draw 2N + 1. */
  committeeSize: number;
  /** Native coin per seat: a round of N seats costs N times this. */
  feePerArbiter: bigint;
  /** The least stake, in LanternToken units. */
  minStake: bigint;
}

/** The court's settings in a fresh deployment, unless `deploy` is given others. */
export const DEFAULT_COURT_PARAMETERS: CourtParameters = {
  commitPeriod: 86_400,
  revealPeriod: 86_400,
  appealPeriod: 2 * 86_400,
  penaltyBps: 2_000,
  committeeSize: 3,
  feePerArbiter: 10n ** 16n,
  minStake: 100n * 10n ** 18n,
};

export interface TokenParameters {
  /** The most tokens that can ever exist; 1,000,000,000 tokens unless given. */
  cap?: bigint;
  /** Who gets tokens at genesis, and how many; 100,000,000 tokens to the deploying account unless given. */
  allocation?: readonly { account: Address; amount: bigint }[];
}

export interface GovernanceParameters {
  /** Seconds between a proposal and the start of its vote; 1 day unless given. */
  votingDelay?: number;
  /** Seconds a vote lasts; 5 days unless given. */
  votingPeriod?: number;
  /** Votes needed to propose; 100,000 tokens unless given. */
  proposalThreshold?: bigint;
  /** Percent of the supply that must vote for (or abstain) for a proposal to pass; 4 unless given. */
  quorumPercent?: number;
  /** Seconds between queueing an accepted proposal and running it; 2 days unless given. */
  timelockDelay?: number;
}

export interface RewardsParameters {
  /** Unix seconds when epoch 0 starts; the latest block's time unless given. */
  start?: bigint;
  /** Seconds per epoch; 7 days unless given. */
  epochLength?: number;
  /** Tokens epoch 0 pays out; 1,000,000 unless given. */
  firstEmission?: bigint;
  /** How much smaller each epoch's emission is, in basis points; 100 (1%) unless given. */
  decayBps?: number;
  /** Seconds during which a posted root can be challenged; 2 days unless given. */
  challengeWindow?: number;
  /** Who posts roots until governance appoints another; the deploying account unless given. */
  distributor?: Address;
}

export type DeployReturnType = Deployment;

const DAY = 86_400;
const DEFAULT_CAP = parseEther("1000000000");
const DEFAULT_GENESIS = parseEther("100000000");

/**
 * Deploys Lantern's contracts with the wallet's account, on any chain: ListingFactory, Escrow, the
 * FixedPriceListing template, KeyRegistry and Reviews, then the DAO (LanternToken, LanternTimelock,
 * LanternGovernor) and the Policy, the Court (staking LanternToken, with its views and prevrandao randomness)
 * as the escrow's arbitrator, ListingCuration as the factory's curator, and the Archive (authorizing
 * `archivePublishers`); approves the template and any given currencies; and hands every owned contract to the timelock, leaving
 * the deploying account no role anywhere (unless `keepAdmin`).
 */
export async function deploy(parameters: DeployParameters): Promise<DeployReturnType> {
  const { walletClient, publicClient } = parameters;
  const deployer = walletClient.account.address;
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
  const reviews = await deployContract(parameters, "Reviews", {
    abi: reviewsAbi,
    bytecode: reviewsBytecode,
    args: [escrow.address],
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

  const dao = await deployDao(parameters);
  // The rules start empty: every category allowed, no ceiling, no escrow requirement, no bond. The policy
  // writes the factory's creation rules and (through the factory) the escrow's purchase rules.
  const policy = await deployContract(parameters, "Policy", {
    abi: policyAbi,
    bytecode: policyBytecode,
    args: [deployer, factory.address, escrow.address, dao.token],
  });
  await write(parameters, {
    address: factory.address,
    abi: listingFactoryAbi,
    functionName: "setPolicy",
    args: [policy.address],
  });
  // Arbiters stake the DAO's token; the court judges trade disputes and reported listings.
  const court = await deployCourt(parameters, dao.token);
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
      deployer,
    ],
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
  // Legacy records of a marketplace moving here; its publishers are authorized before the timelock owns it.
  const archive = await deployContract(parameters, "Archive", {
    abi: archiveAbi,
    bytecode: archiveBytecode,
    args: [deployer],
  });
  for (const publisher of parameters.archivePublishers ?? []) {
    await write(parameters, {
      address: archive.address,
      abi: archiveAbi,
      functionName: "setPublisher",
      args: [publisher, true],
    });
  }
  // Every contract with an owner: the timelock takes each of them. A new owned contract joins here.
  const owned: OwnedContract[] = [
    { name: "Archive", address: archive.address },
    { name: "ListingFactory", address: factory.address },
    { name: "Escrow", address: escrow.address },
    { name: "Court", address: court.court },
    { name: "ListingCuration", address: curation.address },
    { name: "Policy", address: policy.address },
    { name: "Rewards", address: dao.rewards },
  ];
  if (!parameters.keepAdmin) {
    await handOver(parameters, {
      timelock: dao.timelock,
      governor: dao.governor,
      delay: BigInt(parameters.governance?.timelockDelay ?? 2 * DAY),
      owned,
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
      LanternToken: dao.token,
      LanternGovernor: dao.governor,
      LanternTimelock: dao.timelock,
      Reviews: reviews.address,
      Court: court.court,
      ListingCuration: curation.address,
      Randomness: court.randomness,
      Policy: policy.address,
      Rewards: dao.rewards,
      Archive: archive.address,
    },
  };
}

/** The court and what it needs besides the staking token: its randomness source and its views. */
async function deployCourt(
  parameters: DeployParameters,
  token: Address,
): Promise<{ court: Address; randomness: Address }> {
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
        commitPeriod: p.commitPeriod,
        revealPeriod: p.revealPeriod,
        appealPeriod: p.appealPeriod,
        penaltyBps: p.penaltyBps,
        committeeSize: p.committeeSize,
        feePerArbiter: p.feePerArbiter,
        minStake: p.minStake,
      },
      parameters.walletClient.account.address,
      views.address,
    ],
  });
  return { court: court.address, randomness: randomness.address };
}

/**
 * The token with its genesis allocation and `Rewards` as its only minter (the Rewards address is predicted
 * from the deployer's nonce: the token, the timelock, the governor and Rewards are its next four
 * transactions), a timelock whose only proposer and executor is, for now, the deployer (with no delay, so
 * `handOver` can run its batch at once), the governor, and Rewards with its schedule and distributor.
 */
async function deployDao(
  parameters: DeployParameters,
): Promise<{ token: Address; timelock: Address; governor: Address; rewards: Address }> {
  const { publicClient } = parameters;
  const deployer = parameters.walletClient.account.address;
  const nonce = await publicClient.getTransactionCount({ address: deployer, blockTag: "pending" });
  const predictedRewards = getContractAddress({ from: deployer, nonce: BigInt(nonce + 3) });
  const allocation = parameters.token?.allocation ?? [{ account: deployer, amount: DEFAULT_GENESIS }];
  const token = await deployContract(parameters, "LanternToken", {
    abi: lanternTokenAbi,
    bytecode: lanternTokenBytecode,
    args: [
      parameters.token?.cap ?? DEFAULT_CAP,
      predictedRewards,
      allocation.map((a) => a.account),
      allocation.map((a) => a.amount),
    ],
  });
  const timelock = await deployContract(parameters, "LanternTimelock", {
    abi: lanternTimelockAbi,
    bytecode: lanternTimelockBytecode,
    args: [0n, [deployer], [deployer], zeroAddress],
  });
  const g = parameters.governance ?? {};
  const governor = await deployContract(parameters, "LanternGovernor", {
    abi: lanternGovernorAbi,
    bytecode: lanternGovernorBytecode,
    args: [
      token.address,
      timelock.address,
      g.votingDelay ?? DAY,
      g.votingPeriod ?? 5 * DAY,
      g.proposalThreshold ?? parseEther("100000"),
      BigInt(g.quorumPercent ?? 4),
    ],
  });
  const r = parameters.rewards ?? {};
  const start = r.start ?? (await publicClient.getBlock()).timestamp;
  const rewards = await deployContract(parameters, "Rewards", {
    abi: rewardsAbi,
    bytecode: rewardsBytecode,
    args: [
      deployer,
      token.address,
      start,
      BigInt(r.epochLength ?? 7 * DAY),
      r.firstEmission ?? parseEther("1000000"),
      BigInt(r.decayBps ?? 100),
      BigInt(r.challengeWindow ?? 2 * DAY),
    ],
  });
  if (rewards.address !== getAddress(predictedRewards)) {
    throw new LanternError(
      `Rewards was deployed at ${rewards.address}, not at ${predictedRewards} as the token expects; ` +
        "another transaction from the deploying account must have run during the deployment.",
    );
  }
  await write(parameters, {
    address: rewards.address,
    abi: rewardsAbi,
    functionName: "setDistributor",
    args: [r.distributor ?? deployer],
  });
  return {
    token: token.address,
    timelock: timelock.address,
    governor: governor.address,
    rewards: rewards.address,
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
