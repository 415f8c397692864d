import path from "node:path";
import { type Deployment, deploy, readDeploymentFile, writeDeploymentFile } from "@lantern/sdk";
import { createPublicClient, createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

export interface EnsureDeploymentOptions {
  rpcUrl: string;
  privateKey: Hex;
  dataDir: string;
}

/**
 * Deploys the contracts unless the deployment file names contracts that exist on this chain, so a restart
 * reuses the marketplace it saved. A deployment file left from a chain that was wiped is replaced.
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
  const deployment = await deploy({ walletClient, publicClient });
  writeDeploymentFile(dir, deployment);
  return { deployment, deployedNow: true };
}
