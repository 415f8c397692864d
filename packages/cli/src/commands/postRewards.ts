import { setTimeout as delay } from "node:timers/promises";
import {
  type Deployment,
  epochBounds,
  getRewardSchedule,
  postRewardRoot,
  recomputeEpoch,
  rewardsAbi,
  type SignedRewardAction,
  type WriteContext,
} from "@lantern/sdk";
import { type Address, createPublicClient, createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { CliError } from "../errors.ts";

export interface PostRewardsOptions {
  rpcUrl: string;
  deployment: Deployment;
  /** The distributor's key: the account governance appointed to post roots. */
  privateKey: Hex;
  /** An API of the marketplace: where the epoch's signed actions are published. */
  apiUrl: string;
}

export interface PostedEpoch {
  epoch: bigint;
  root: Hex;
  total: bigint;
  accounts: number;
  rejected: number;
}

/**
 * Posts the root of every ended epoch that has none yet, oldest first (the contract takes them in order).
 * Each root is `recomputeEpoch` over the chain's logs and the signed actions the API publishes for the epoch,
 * the same public data anyone can fetch to check it.
 */
export async function postEndedEpochs(options: PostRewardsOptions): Promise<PostedEpoch[]> {
  const context = writeContext(options);
  const rewards = options.deployment.contracts.Rewards;
  if (!rewards)
    throw new CliError(`The deployment on chain ${options.deployment.chainId} has no Rewards contract.`);
  const [distributor, schedule] = await Promise.all([
    context.publicClient.readContract({ address: rewards, abi: rewardsAbi, functionName: "distributor" }),
    getRewardSchedule(context),
  ]);
  const me = context.walletClient.account.address;
  if (distributor.toLowerCase() !== me.toLowerCase()) {
    throw new CliError(`${me} is not the rewards distributor (governance appointed ${distributor}).`);
  }
  const posted: PostedEpoch[] = [];
  for (;;) {
    const [epoch, block] = await Promise.all([
      context.publicClient.readContract({ address: rewards, abi: rewardsAbi, functionName: "nextEpoch" }),
      context.publicClient.getBlock(),
    ]);
    if (block.timestamp < epochBounds(schedule, epoch).endsAt) return posted;
    const signedActions = await fetchEpochActions(options.apiUrl, epoch);
    const result = await recomputeEpoch(context, { epoch, signedActions });
    await postRewardRoot(context, result);
    posted.push({
      epoch,
      root: result.root,
      total: result.total,
      accounts: result.payouts.length,
      rejected: result.rejected.length,
    });
  }
}

/** The signed actions the API published for an ended epoch (`GET /rewards/epochs/:epoch/actions`). */
export async function fetchEpochActions(apiUrl: string, epoch: bigint): Promise<SignedRewardAction[]> {
  const url = `${apiUrl.replace(/\/$/, "")}/rewards/epochs/${epoch}/actions`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new CliError(`Cannot reach the API at ${url}: ${(cause as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as {
    actions?: { action: Record<string, string | number>; signature: Hex }[];
    error?: { message?: string };
  };
  if (!response.ok || !body.actions) {
    throw new CliError(`${url} answered ${response.status}: ${body.error?.message ?? "no actions"}`);
  }
  return body.actions.map(({ action, signature }) => ({
    action: {
      account: action.account as Address,
      kind: Number(action.kind) as 0 | 1 | 2,
      target: action.target as Hex,
      epoch: BigInt(action.epoch ?? 0),
      nonce: BigInt(action.nonce ?? 0),
    },
    signature,
  }));
}

/**
 * On a local chain whose distributor is a development account: posts each epoch's root as soon as the epoch
 * ends, checking every `intervalMs`, until `signal` aborts. Failures are reported and retried at the next
 * check (the API may still be catching up with the chain).
 */
export async function runLocalDistributor(
  options: PostRewardsOptions & { intervalMs?: number; signal: AbortSignal; log: (line: string) => void },
): Promise<void> {
  let lastFailure = "";
  while (!options.signal.aborted) {
    try {
      for (const p of await postEndedEpochs(options)) {
        options.log(
          `Rewards: posted the root of epoch ${p.epoch} (${p.accounts} accounts, ${p.total} units, ${p.rejected} actions rejected).`,
        );
      }
      lastFailure = "";
    } catch (error) {
      const failure = (error as Error).message.split("\n")[0] ?? "";
      // Said once, not every few seconds while the cause lasts.
      if (failure !== lastFailure) options.log(`Rewards: could not post an epoch's root yet: ${failure}`);
      lastFailure = failure;
    }
    // Node's timer removes its abort listener when it fires; stopping ends the wait early.
    await delay(options.intervalMs ?? 2_000, undefined, { signal: options.signal }).catch(() => {});
  }
}

function writeContext(options: PostRewardsOptions): WriteContext {
  const transport = http(options.rpcUrl);
  const chain = {
    id: options.deployment.chainId,
    name: `chain ${options.deployment.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [options.rpcUrl] } },
  };
  return {
    publicClient: createPublicClient({ chain, transport }),
    walletClient: createWalletClient({ account: privateKeyToAccount(options.privateKey), chain, transport }),
    deployment: options.deployment,
  } as unknown as WriteContext;
}
