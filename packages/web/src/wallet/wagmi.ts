import { defineChain } from "viem";
import { createConfig, http, injected } from "wagmi";
import type { AppConfig } from "../config.ts";
import { devWallet } from "./devWallet.ts";

/** wagmi's configuration for the node's chain: any injected EIP-1193 wallet, plus the development wallet locally. */
export function createWagmiConfig(app: AppConfig) {
  const chain = defineChain({
    id: app.chainId,
    name: app.chainName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [app.rpcUrl] } },
  });
  const connectors = [injected({ shimDisconnect: true })];
  return createConfig({
    chains: [chain],
    connectors: app.devWallet
      ? [devWallet({ rpcUrl: app.rpcUrl, chainId: app.chainId }), ...connectors]
      : connectors,
    // Anvil mines on demand: poll often so a confirmation shows as soon as it happens.
    pollingInterval: app.devWallet ? 500 : 4_000,
    transports: { [chain.id]: http(app.rpcUrl) },
  });
}
