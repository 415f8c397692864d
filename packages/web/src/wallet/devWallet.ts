import { anvilAccounts } from "@lantern/sdk";
import {
  type Address,
  createWalletClient,
  type EIP1193RequestFn,
  getAddress,
  http,
  numberToHex,
  type TransactionRequest,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { rpc } from "viem/utils";
import { createConnector } from "wagmi";

/** The anvil accounts the development wallet offers: well-known keys, never for a real chain. */
export const devAccounts = anvilAccounts;

const STORAGE_KEY = "lantern.devWallet.account";
const CONNECTED_KEY = "lantern.devWallet.connected";

/** The development account in use (an index into `devAccounts`), remembered across reloads. */
export function selectedDevAccount(): number {
  const stored = Number(globalThis.localStorage?.getItem(STORAGE_KEY) ?? "0");
  return Number.isInteger(stored) && stored >= 0 && stored < devAccounts.length ? stored : 0;
}

type Listener = (accounts: Address[]) => void;
const listeners = new Set<Listener>();

/** Switches the development wallet to another funded account; connected pages follow at once. */
export function switchDevAccount(index: number): void {
  localStorage.setItem(STORAGE_KEY, String(index));
  const account = devAccounts[index];
  if (account) for (const listener of listeners) listener([account.address]);
}

/**
 * A wagmi connector whose EIP-1193 provider signs with anvil's funded development keys in the page and
 * forwards everything else to the chain. It exists only for local chains (the DApp offers it only when
 * the node says `devWallet`), so a first-time user can try a whole trade without installing a wallet.
 */
export function devWallet(parameters: { rpcUrl: string; chainId: number }) {
  const { rpcUrl, chainId } = parameters;
  // Remembered so a reload reconnects, as an injected wallet does.
  let connected = globalThis.localStorage?.getItem(CONNECTED_KEY) === "1";
  const setConnected = (value: boolean) => {
    connected = value;
    localStorage.setItem(CONNECTED_KEY, value ? "1" : "0");
  };
  const current = () => {
    const account = devAccounts[selectedDevAccount()] ?? devAccounts[0];
    if (!account) throw new Error("no development account");
    return privateKeyToAccount(account.privateKey);
  };

  const request: EIP1193RequestFn = async ({ method, params }) => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case "eth_chainId":
        return numberToHex(chainId);
      case "eth_accounts":
      case "eth_requestAccounts":
        return [current().address];
      case "personal_sign": {
        const [message] = args as [`0x${string}`];
        return current().signMessage({ message: { raw: message } });
      }
      case "eth_signTypedData_v4": {
        const [, typed] = args as [string, string];
        return current().signTypedData(JSON.parse(typed));
      }
      case "eth_sendTransaction": {
        const [tx] = args as [Record<string, `0x${string}` | undefined>];
        const client = createWalletClient({ account: current(), transport: http(rpcUrl) });
        const request: TransactionRequest = {
          to: tx.to as Address | undefined,
          data: tx.data ?? tx.input,
          value: tx.value ? BigInt(tx.value) : undefined,
          gas: tx.gas ? BigInt(tx.gas) : undefined,
        };
        return client.sendTransaction({ ...request, chain: null } as Parameters<
          typeof client.sendTransaction
        >[0]);
      }
      case "wallet_switchEthereumChain":
        return null;
      default: {
        const { result, error } = await rpc.http(rpcUrl, { body: { method, params } });
        if (error) throw Object.assign(new Error(error.message), { code: error.code, data: error.data });
        return result;
      }
    }
  };

  return createConnector((config) => {
    const onAccounts: Listener = (accounts) =>
      config.emitter.emit("change", { accounts: accounts.map((a) => getAddress(a)) });
    return {
      id: "lanternDevWallet",
      name: "Development wallet (local chain only)",
      type: "lanternDevWallet",
      async connect(_options) {
        setConnected(true);
        listeners.add(onAccounts);
        // biome-ignore lint/suspicious/noExplicitAny: wagmi's connect return type depends on a generic flag.
        return { accounts: [current().address], chainId } as any;
      },
      async disconnect() {
        setConnected(false);
        listeners.delete(onAccounts);
      },
      async getAccounts() {
        return connected ? [current().address] : [];
      },
      async getChainId() {
        return chainId;
      },
      async getProvider() {
        return { request };
      },
      async isAuthorized() {
        if (connected) listeners.add(onAccounts);
        return connected;
      },
      onAccountsChanged: onAccounts,
      onChainChanged() {},
      onDisconnect() {
        setConnected(false);
        config.emitter.emit("disconnect");
      },
    };
  });
}
