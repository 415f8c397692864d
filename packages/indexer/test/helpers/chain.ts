import {
  type Anvil,
  anvilAccounts,
  buy,
  confirm,
  createListing,
  type Deployment,
  deploy,
  publishKey,
  refund,
  ship,
  startAnvil,
  updateListing,
  type WriteContext,
} from "@lantern/sdk";
import { type Chain, createPublicClient, createWalletClient, http, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";

export interface TestChain {
  anvil: Anvil;
  rpcUrl: string;
  chain: Chain;
  publicClient: PublicClient;
  deployment: Deployment;
  /** Account 1 sells, account 2 buys; account 0 deployed. */
  seller: WriteContext;
  buyer: WriteContext;
  context(accountIndex: number): WriteContext;
  /** JSON-RPC straight to anvil (evm_snapshot, evm_revert, evm_mine, ...). */
  rpc(method: string, params?: unknown[]): Promise<unknown>;
  stop(): Promise<void>;
}

/** A fresh anvil with Lantern deployed by the SDK. Every caller must `stop()` it. */
export async function startChain(args: readonly string[] = []): Promise<TestChain> {
  const anvil = await startAnvil({ args });
  try {
    const chain: Chain = {
      id: anvil.chainId,
      name: "anvil",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [anvil.rpcUrl] } },
    };
    const transport = http(anvil.rpcUrl, { maxResponseBodySize: false });
    const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
    const wallet = (i: number) =>
      createWalletClient({
        account: privateKeyToAccount(anvilAccounts[i]?.privateKey ?? "0x"),
        chain,
        transport,
      });
    const deployment = await deploy({ walletClient: wallet(0), publicClient } as never);
    const context = (i: number) =>
      ({ walletClient: wallet(i), publicClient, deployment }) as unknown as WriteContext;
    let id = 0;
    return {
      anvil,
      rpcUrl: anvil.rpcUrl,
      chain,
      publicClient,
      deployment,
      seller: context(1),
      buyer: context(2),
      context,
      async rpc(method, params = []) {
        const response = await fetch(anvil.rpcUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
        });
        const body = (await response.json()) as { result?: unknown; error?: { message: string } };
        if (body.error) throw new Error(`${method}: ${body.error.message}`);
        return body.result;
      },
      stop: () => anvil.stop(),
    };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

/**
 * A small marketplace day through the SDK, one transaction per block: listings created and changed
 * (price, stock, pause, resume, close), escrowed orders shipped and confirmed or refunded (which restocks),
 * direct purchases, and a published key. `tag` varies titles so two runs differ.
 */
export async function trade(chain: TestChain, rounds: number, tag = "a"): Promise<void> {
  const { seller, buyer } = chain;
  for (let i = 0; i < rounds; i++) {
    const { listing } = await createListing(seller, {
      price: 1000n + BigInt(i),
      stock: 5,
      metadataCid: `bafy-${tag}-${i}`,
      title: `Item ${tag} ${i}`,
      category: i % 2 ? "electronics/cameras" : "home/garden",
      location: "Lisbon",
    });
    if (i % 3 === 0) await updateListing(seller, { listing, type: "setPrice", price: 2000n + BigInt(i) });
    const escrowed = await buy(buyer, { listing, escrowed: true, quantity: 2 });
    await ship(seller, { orderId: escrowed.orderId, trackingDigest: `0x${"ab".repeat(32)}` });
    await confirm(buyer, { orderId: escrowed.orderId });
    const refunded = await buy(buyer, { listing, escrowed: true });
    await refund(seller, { orderId: refunded.orderId });
    await buy(buyer, { listing, escrowed: false });
    if (i % 4 === 1) {
      await updateListing(seller, { listing, type: "pause" });
      await updateListing(seller, { listing, type: "resume" });
      await updateListing(seller, { listing, type: "setStock", stock: 9 });
    }
    if (i % 5 === 4) await updateListing(seller, { listing, type: "close" });
  }
  await publishKey(seller, { publicKey: `0x${tag.charCodeAt(0).toString(16).padStart(2, "0").repeat(32)}` });
}
