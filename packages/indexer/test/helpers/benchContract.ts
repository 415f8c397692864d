import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Abi, Address, Hex, PublicClient, WalletClient } from "viem";

const contracts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../contracts");
const source = path.join(contracts, "test/utils/bench/IndexerBench.sol");
const artifactFile = path.join(contracts, "out/IndexerBench.sol/IndexerBench.json");

/**
 * The IndexerBench test contract (contracts/test/utils/bench), from forge's build output: it is a test
 * fixture, not part of the SDK. Builds the contracts first if the artifact is missing or older than its
 * source or the contracts it calls (forge is installed with npm, so this works offline).
 */
export function indexerBenchArtifact(): { abi: Abi; bytecode: Hex } {
  if (!existsSync(artifactFile) || statSync(artifactFile).mtimeMs < newestSource()) {
    try {
      execFileSync(process.execPath, ["tools/forge.mjs", "build"], { cwd: contracts, stdio: "pipe" });
    } catch (error) {
      // Another contract may not compile right now; an earlier build of this one still serves if its calls
      // match the escrow (a mismatch shows as a revert in run()).
      if (!existsSync(artifactFile)) throw error;
      process.stderr.write("forge build failed; using the IndexerBench artifact from an earlier build\n");
    }
  }
  const json = JSON.parse(readFileSync(artifactFile, "utf8"));
  return { abi: json.abi as Abi, bytecode: json.bytecode.object as Hex };
}

/** The latest change to the bench contract or to the contracts it calls. */
function newestSource(): number {
  let newest = statSync(source).mtimeMs;
  const src = path.join(contracts, "src");
  for (const file of readdirSync(src, { recursive: true, encoding: "utf8" })) {
    if (file.endsWith(".sol")) newest = Math.max(newest, statSync(path.join(src, file)).mtimeMs);
  }
  return newest;
}

export interface BenchGenerator {
  address: Address;
  /** One transaction: `listings` listings with `ordersPerListing` shipped and confirmed orders each. */
  run(listings: number, ordersPerListing: number): Promise<{ events: number; blockNumber: bigint }>;
}

/** Events one `run` emits: ListingCreated + PriceChanged per listing, three escrow events per order. */
export function eventsPerRun(listings: number, ordersPerListing: number): number {
  return listings * (2 + 3 * ordersPerListing);
}

export async function deployBenchGenerator(
  walletClient: WalletClient,
  publicClient: PublicClient,
  contracts: { ListingFactory: Address; Escrow: Address; FixedPriceListing: Address },
): Promise<BenchGenerator> {
  const { abi, bytecode } = indexerBenchArtifact();
  const account = walletClient.account;
  if (!account) throw new Error("the wallet client needs an account");
  const hash = await walletClient.deployContract({
    abi,
    bytecode,
    account,
    chain: walletClient.chain,
    args: [contracts.ListingFactory, contracts.Escrow, contracts.FixedPriceListing],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  const address = receipt.contractAddress;
  if (!address) throw new Error("IndexerBench was not deployed");
  return {
    address,
    async run(listings, ordersPerListing) {
      const tx = await walletClient.writeContract({
        address,
        abi,
        functionName: "run",
        args: [BigInt(listings), BigInt(ordersPerListing)],
        value: BigInt(listings * ordersPerListing * 2),
        account,
        chain: walletClient.chain,
        // Far above a normal block; the bench's anvil runs with a raised block gas limit.
        gas: BigInt(listings) * (200_000n + 80_000n * BigInt(ordersPerListing)) + 1_000_000n,
      });
      const r = await publicClient.waitForTransactionReceipt({ hash: tx, pollingInterval: 20 });
      if (r.status !== "success") throw new Error(`IndexerBench.run reverted in ${tx}`);
      return { events: eventsPerRun(listings, ordersPerListing), blockNumber: r.blockNumber };
    },
  };
}
