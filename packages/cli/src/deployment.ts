import path from "node:path";
import {
  type Deployment,
  deploy,
  deployTestToken,
  readDeploymentFile,
  writeDeploymentFile,
} from "@lantern/sdk";
import { createPublicClient, createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

/** The local chain's test payment token (its symbol too): a fixture, never part of a public deployment. */
export const TEST_TOKEN_NAME = "tUSD";

export interface EnsureDeploymentOptions {
  rpcUrl: string;
  privateKey: Hex;
  dataDir: string;
}

/**
 * Deploys the contracts unless the deployment file names contracts that exist on this chain, so a restart
 * reuses the marketplace it saved. A deployment file left from a chain that was wiped is replaced. The
 * deploying account is the Archive's first publisher, and a test token is a payment currency: this is a
 * local chain with well-known keys.
 */
export async function ensureDeployment(
  options: EnsureDeploymentOptions,
): Promise<{ deployment: Deployment; deployedNow: boolean }> {
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ transport });
  const chainId = await publicClient.getChainId();
  const dir = path.join(options.dataDir, "deployments");
  const saved = readDeploymentFile(dir, chainId);
  if (saved) {
    const code = await publicClient.getCode({ address: saved.contracts.Escrow });
    if (code && code !== "0x") return { deployment: saved, deployedNow: false };
  }
  const account = privateKeyToAccount(options.privateKey);
  const chain = {
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [options.rpcUrl] } },
  };
  const walletClient = createWalletClient({ account, chain, transport });
  // A token anyone may mint, so listings can be priced in an ERC-20 here; the deploying development account
  // may publish to the Archive, so `lantern import` needs no vote here.
  const token = await deployTestToken(walletClient, publicClient, TEST_TOKEN_NAME);
  const deployment = await deploy({
    walletClient,
    publicClient,
    currencies: [token],
    archivePublishers: [account.address],
  });
  writeDeploymentFile(dir, deployment);
  return { deployment, deployedNow: true };
}
