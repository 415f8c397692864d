import {
  courtAbi,
  escrowAbi,
  type GetProposalReturnType,
  getProposal,
  lanternGovernorAbi,
  lanternTimelockAbi,
  listingCurationAbi,
  listingFactoryAbi,
  type Proposal,
  type ProposalCall,
  policyAbi,
  type ReadContext,
  rewardsAbi,
  toLanternError,
} from "@lantern/sdk";
import { type Abi, type Address, decodeFunctionData, formatEther, type Hex } from "viem";
import { formatDuration, shortAddress } from "./format.ts";

/** Every contract the timelock governs, with the ABI its proposals' calldata is decoded against. */
const GOVERNED: Record<string, Abi> = {
  Escrow: escrowAbi as Abi,
  ListingFactory: listingFactoryAbi as Abi,
  Policy: policyAbi as Abi,
  Rewards: rewardsAbi as Abi,
  Court: courtAbi as Abi,
  ListingCuration: listingCurationAbi as Abi,
  LanternGovernor: lanternGovernorAbi as Abi,
  LanternTimelock: lanternTimelockAbi as Abi,
};

const READABLE_NAMES: Record<string, string> = {
  Escrow: "Escrow",
  ListingFactory: "Listing factory",
  Policy: "Policy",
  Rewards: "Rewards",
  Court: "Court",
  ListingCuration: "Reports",
  LanternGovernor: "Governance",
  LanternTimelock: "Timelock",
};

type Format = (value: unknown) => string;
const seconds: Format = (v) => formatDuration(BigInt(v as bigint));
const tokens: Format = (v) => `${formatEther(BigInt(v as bigint))} LNTN`;
const address: Format = (v) => shortAddress(String(v));
const yesNo: Format = (v) => (v ? "yes" : "no");
const percent: Format = (v) => `${String(v)} %`;

/** One value a setter changes: what it is called, how to read it now, and where its new value is. */
interface Field {
  label: (args: readonly unknown[]) => string;
  read: {
    functionName: string;
    args?: (args: readonly unknown[]) => readonly unknown[];
    pick?: (r: unknown) => unknown;
  };
  next: (args: readonly unknown[]) => unknown;
  format: Format;
}

const field = (
  label: string | ((args: readonly unknown[]) => string),
  functionName: string,
  next: (args: readonly unknown[]) => unknown,
  format: Format,
  more: Partial<Field["read"]> = {},
): Field => ({
  label: typeof label === "string" ? () => label : label,
  read: { functionName, ...more },
  next,
  format,
});

/** Every governed setter the SDK's contracts have, by contract and function. */
const SETTERS: Record<string, Record<string, Field[]>> = {
  Escrow: {
    setWindows: [
      field("ship window", "shipWindow", (a) => a[0], seconds),
      field("delivery window", "deliveryWindow", (a) => a[1], seconds),
    ],
    setFeeWindow: [field("arbitration fee window", "feeWindow", (a) => a[0], seconds)],
    setArbitrator: [field("arbitrator", "arbitrator", (a) => a[0], address)],
  },
  ListingFactory: {
    setTemplate: [
      field(
        (a) => `template ${shortAddress(String(a[0]))} approved`,
        "isTemplate",
        (a) => a[1],
        yesNo,
        {
          args: (a) => [a[0]],
        },
      ),
    ],
    setCurrency: [
      field(
        (a) => `currency ${shortAddress(String(a[0]))} accepted`,
        "isCurrency",
        (a) => a[1],
        yesNo,
        {
          args: (a) => [a[0]],
        },
      ),
    ],
    setCurator: [field("curator", "curator", (a) => a[0], address)],
    setPolicy: [field("policy", "policy", (a) => a[0], address)],
  },
  Policy: {
    setCategoryRule: [
      field(
        (a) => `category “${String(a[0]) || "(default)"}” allowed`,
        "ruleOf",
        (a) => (a[1] as { allowed: boolean }).allowed,
        yesNo,
        {
          args: (a) => [a[0]],
          pick: (r) => (r as readonly [{ allowed: boolean }])[0].allowed,
        },
      ),
      field(
        (a) => `category “${String(a[0]) || "(default)"}” bought with escrow only`,
        "ruleOf",
        (a) => (a[1] as { escrowRequired: boolean }).escrowRequired,
        yesNo,
        {
          args: (a) => [a[0]],
          pick: (r) => (r as readonly [{ escrowRequired: boolean }])[0].escrowRequired,
        },
      ),
      field(
        (a) => `category “${String(a[0]) || "(default)"}” seller bond`,
        "ruleOf",
        (a) => (a[1] as { bond: bigint }).bond,
        tokens,
        {
          args: (a) => [a[0]],
          pick: (r) => (r as readonly [{ bond: bigint }])[0].bond,
        },
      ),
    ],
    setPriceCeiling: [
      field(
        (a) => `price ceiling of “${String(a[0])}” in ${shortAddress(String(a[1]))}`,
        "priceCeiling",
        (a) => a[2],
        (v) => String(v),
        {
          args: (a) => [a[0], a[1]],
        },
      ),
    ],
    setBondReleaseDelay: [field("bond release delay", "bondReleaseDelay", (a) => a[0], seconds)],
  },
  Rewards: {
    setDistributor: [field("distributor", "distributor", (a) => a[0], address)],
  },
  ListingCuration: {
    setTerms: [
      field(
        "report base deposit",
        "terms",
        (a) => a[0],
        (v) => `${formatEther(BigInt(v as bigint))} ETH`,
        {
          pick: (r) => (r as readonly [bigint, bigint])[0],
        },
      ),
      field("report contest window", "terms", (a) => a[1], seconds, {
        pick: (r) => (r as readonly [bigint, bigint])[1],
      }),
    ],
    setArbitrator: [
      field("arbitrator", "arbitrator", (a) => a[0], address, { pick: (r) => (r as readonly [Address])[0] }),
    ],
  },
  LanternGovernor: {
    setVotingDelay: [field("voting delay", "votingDelay", (a) => a[0], seconds)],
    setVotingPeriod: [field("voting period", "votingPeriod", (a) => a[0], seconds)],
    setProposalThreshold: [field("proposal threshold", "proposalThreshold", (a) => a[0], tokens)],
    updateQuorumNumerator: [field("quorum", "quorumNumerator", (a) => a[0], percent)],
  },
  LanternTimelock: {
    updateDelay: [field("timelock delay", "getMinDelay", (a) => a[0], seconds)],
  },
};

export interface Change {
  label: string;
  before: string;
  after: string;
}

export interface CallDescription {
  /** "Escrow.setWindows(3600, 864000)" or the raw call when nothing decodes it. */
  signature: string;
  /** Readable before → after changes for the setters we know; empty otherwise. */
  changes: Change[];
}

function contractOf(read: ReadContext, target: Address): string | undefined {
  return Object.entries(read.deployment.contracts).find(
    ([name, at]) => typeof at === "string" && at.toLowerCase() === target.toLowerCase() && GOVERNED[name],
  )?.[0];
}

/**
 * What a proposal's call does, decoded from its calldata against the target's ABI, with each value it
 * changes read now from the chain ("Escrow delivery window: 14 days → 10 days"). A call to anything else
 * shows its target and raw data.
 */
export async function describeCall(read: ReadContext, call: ProposalCall): Promise<CallDescription> {
  const name = contractOf(read, call.target);
  const abi = name ? GOVERNED[name] : undefined;
  if (!name || !abi) {
    return {
      signature: `call ${call.target} with ${call.data.slice(0, 10)}… (${(call.data.length - 2) / 2} bytes)`,
      changes: [],
    };
  }
  let decoded: { functionName: string; args?: readonly unknown[] };
  try {
    decoded = decodeFunctionData({ abi, data: call.data });
  } catch {
    return { signature: `${READABLE_NAMES[name]}: unknown function ${call.data.slice(0, 10)}`, changes: [] };
  }
  const args = decoded.args ?? [];
  const signature = `${name}.${decoded.functionName}(${args.map(show).join(", ")})`;
  const fields = SETTERS[name]?.[decoded.functionName] ?? [];
  const changes = await Promise.all(
    fields.map(async (f) => {
      let before = "?";
      try {
        const value = await read.publicClient.readContract({
          address: call.target,
          abi,
          functionName: f.read.functionName,
          args: f.read.args?.(args) ?? [],
        } as never);
        before = f.format(f.read.pick ? f.read.pick(value) : value);
      } catch {
        // The value could not be read (an older contract): the diff shows only the new value.
      }
      return { label: `${READABLE_NAMES[name]} ${f.label(args)}`, before, after: f.format(f.next(args)) };
    }),
  );
  return { signature, changes };
}

function show(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value.length > 20 ? shortAddress(value) : JSON.stringify(value);
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/**
 * Runs a proposal's calls as the timelock would (an `eth_call` from the timelock's address, each on the
 * current state), so a proposal that would fail on execution is caught before anyone proposes, queues or
 * executes it. Returns the first failure as a sentence, or undefined when every call succeeds.
 */
export async function simulateAsTimelock(
  read: ReadContext,
  calls: readonly ProposalCall[],
): Promise<string | undefined> {
  const timelock = read.deployment.contracts.LanternTimelock;
  if (!timelock) return "This deployment has no timelock, so nothing is governed by proposals.";
  for (const [i, call] of calls.entries()) {
    try {
      await read.publicClient.call({
        account: timelock,
        to: call.target,
        data: call.data,
        value: call.value ?? 0n,
      });
    } catch (error) {
      const reason = toLanternError(error).shortMessage;
      return `Call ${i + 1} of the proposal would fail when the timelock runs it: ${reason}`;
    }
  }
  return undefined;
}

export interface ProposalView extends GetProposalReturnType {
  proposalId: bigint;
  proposer: Address;
  proposal: Proposal;
}

/** Every proposal made to the governor, newest first, with its state, tally and schedule now. */
export async function listProposals(read: ReadContext): Promise<ProposalView[]> {
  const governor = read.deployment.contracts.LanternGovernor;
  if (!governor) return [];
  const created = await read.publicClient.getContractEvents({
    address: governor,
    abi: lanternGovernorAbi,
    eventName: "ProposalCreated",
    fromBlock: read.deployment.deploymentBlock,
    toBlock: "latest",
    strict: true,
  });
  const views = await Promise.all(
    created.map(async (log) => {
      const { proposalId, proposer, targets, calldatas, description } = log.args;
      const values = log.args.values as readonly bigint[];
      const calls = targets.map((target, i) => ({
        target,
        value: values[i] ?? 0n,
        data: (calldatas[i] ?? "0x") as Hex,
      }));
      const state = await getProposal(read, { proposalId });
      return { ...state, proposalId, proposer, proposal: { calls, description } };
    }),
  );
  return views.reverse();
}

/** The governor's and the timelock's delays, to show how long each step waits. */
export async function governanceSettings(read: ReadContext) {
  const governor = read.deployment.contracts.LanternGovernor as Address;
  const timelock = read.deployment.contracts.LanternTimelock as Address;
  const g = { address: governor, abi: lanternGovernorAbi } as const;
  const [votingDelay, votingPeriod, threshold, timelockDelay, deliveryWindow] = await Promise.all([
    read.publicClient.readContract({ ...g, functionName: "votingDelay" }),
    read.publicClient.readContract({ ...g, functionName: "votingPeriod" }),
    read.publicClient.readContract({ ...g, functionName: "proposalThreshold" }),
    read.publicClient.readContract({
      address: timelock,
      abi: lanternTimelockAbi,
      functionName: "getMinDelay",
    }),
    read.publicClient.readContract({
      address: read.deployment.contracts.Escrow,
      abi: escrowAbi,
      functionName: "deliveryWindow",
    }),
  ]);
  return { votingDelay, votingPeriod, threshold, timelockDelay, deliveryWindow };
}
