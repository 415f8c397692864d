import { contractNames, type Deployment, optionalContractNames } from "@lantern/sdk";
import { type Address, isAddress } from "viem";

/**
 * What the node that serves the DApp tells it at run time (`/config.json`, written by `server/`), so one
 * build works on any chain and behind any API address.
 */
export interface AppConfig {
  chainId: number;
  chainName: string;
  /** JSON-RPC endpoint the browser reads the chain from. */
  rpcUrl: string;
  /** Base URL of Lantern's HTTP API; empty for the origin that served the page. */
  apiUrl: string;
  /** True only on a local development chain: offers its funded accounts as a built-in wallet. */
  devWallet: boolean;
  deployment: Deployment;
}

/** Reads and checks `/config.json`; throws a sentence a person can act on. */
export async function loadConfig(url = "/config.json"): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch {
    throw new Error("The Lantern node that served this page cannot be reached. Is it still running?");
  }
  if (!response.ok) throw new Error(`The Lantern node answered ${response.status} for its configuration.`);
  const raw = (await response.json()) as Record<string, unknown>;
  const deployment = raw.deployment as Record<string, unknown> | undefined;
  const contracts = deployment?.contracts as Record<string, unknown> | undefined;
  if (
    typeof raw.chainId !== "number" ||
    typeof raw.rpcUrl !== "string" ||
    !contracts ||
    contractNames.some((name) => typeof contracts[name] !== "string" || !isAddress(contracts[name] as string))
  ) {
    throw new Error("The Lantern node's configuration is incomplete: no chain or no contracts.");
  }
  // Contracts later issues added (the DAO, reviews, the court, the policy) are optional: older deployments do not have them.
  const extra = Object.fromEntries(
    optionalContractNames
      .filter((name) => typeof contracts[name] === "string" && isAddress(contracts[name] as string))
      .map((name) => [name, contracts[name] as Address]),
  );
  return {
    chainId: raw.chainId,
    chainName: typeof raw.chainName === "string" ? raw.chainName : `Chain ${raw.chainId}`,
    rpcUrl: raw.rpcUrl,
    apiUrl: typeof raw.apiUrl === "string" ? raw.apiUrl.replace(/\/$/, "") : "",
    devWallet: raw.devWallet === true,
    deployment: {
      chainId: raw.chainId,
      deploymentBlock: BigInt(String(deployment?.deploymentBlock ?? "0")),
      contracts: {
        ...(Object.fromEntries(
          contractNames.map((name) => [name, contracts[name] as Address]),
        ) as Deployment["contracts"]),
        ...extra,
      },
    },
  };
}
