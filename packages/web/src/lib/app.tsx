import type { LanternPublicClient, ReadContext, WriteContext } from "@lantern/sdk";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { createPublicClient, http } from "viem";
import { useConnection, useWalletClient } from "wagmi";
import type { AppConfig } from "../config.ts";
import { Api } from "./api.ts";

interface App {
  config: AppConfig;
  read: ReadContext;
  api: Api;
}

const AppContext = createContext<App | undefined>(undefined);

export function AppProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  const value = useMemo<App>(() => {
    const publicClient = createPublicClient({
      transport: http(config.rpcUrl),
      pollingInterval: config.devWallet ? 250 : 4_000,
    }) as LanternPublicClient;
    return { config, read: { publicClient, deployment: config.deployment }, api: new Api(config.apiUrl) };
  }, [config]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error("useApp outside AppProvider");
  return app;
}

/** The SDK's write context for the connected wallet, or undefined while none is connected. */
export function useWriteContext(): WriteContext | undefined {
  const { read } = useApp();
  const { data: walletClient } = useWalletClient();
  return useMemo(
    () =>
      walletClient ? { ...read, walletClient: walletClient as WriteContext["walletClient"] } : undefined,
    [read, walletClient],
  );
}

/** The connected account's address, if any. */
export function useAddress() {
  return useConnection().address;
}
