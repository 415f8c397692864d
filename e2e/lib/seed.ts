import {
  anvilAccounts,
  buy,
  createListing,
  type Deployment,
  encodeListingMetadata,
  type LanternPublicClient,
  type LanternWalletClient,
  lanternTokenAbi,
  type WriteContext,
} from "@lantern/sdk";
import { type Address, createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { Stack } from "./stack.ts";

/*
 * What a test needs on chain before its browser steps, sent through the SDK as any client would: the steps
 * the browser tests cover elsewhere (listing, buying) are not repeated through the UI.
 */

/** The deployment the stack's DApp was configured with, from its /config.json. */
export async function stackDeployment(stack: Stack): Promise<Deployment> {
  const config = (await (await fetch(`${stack.url}/config.json`)).json()) as {
    deployment: Deployment & { deploymentBlock: string };
  };
  return { ...config.deployment, deploymentBlock: BigInt(config.deployment.deploymentBlock) };
}

export function devAddress(index: number): Address {
  return (anvilAccounts[index] as { address: Address }).address;
}

/** The SDK's write context for development account `index` on the stack's chain. */
export function sdkContext(stack: Stack, deployment: Deployment, index: number): WriteContext {
  const account = privateKeyToAccount((anvilAccounts[index] as { privateKey: `0x${string}` }).privateKey);
  const transport = http(stack.rpcUrl);
  return {
    deployment,
    publicClient: createPublicClient({ transport, pollingInterval: 100 }) as LanternPublicClient,
    walletClient: createWalletClient({ account, transport, pollingInterval: 100 }) as LanternWalletClient,
  };
}

/** Lists an item for `price` wei, its metadata document uploaded to the stack's content store. */
export async function listItem(
  stack: Stack,
  seller: WriteContext,
  item: { title: string; description: string; category: string; price: bigint; stock?: number },
): Promise<Address> {
  const { bytes, cid } = encodeListingMetadata({
    title: item.title,
    description: item.description,
    category: item.category,
    condition: "used",
  });
  const response = await fetch(`${stack.url}/content`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: bytes as BodyInit,
  });
  if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`);
  const created = await createListing(seller, {
    price: item.price,
    stock: item.stock ?? 5,
    metadataCid: cid.toString(),
    title: item.title,
    category: item.category,
  });
  return created.listing;
}

/** An escrowed purchase of one item; returns the order id. */
export async function buyWithEscrow(buyer: WriteContext, listing: Address): Promise<bigint> {
  return (await buy(buyer, { listing, escrowed: true })).orderId;
}

/** Sends LANTERN from the genesis holder (development account 0) to `to`. */
export async function giveTokens(genesis: WriteContext, to: Address, amount: bigint): Promise<void> {
  const hash = await genesis.walletClient.writeContract({
    address: genesis.deployment.contracts.LanternToken as Address,
    abi: lanternTokenAbi,
    functionName: "transfer",
    args: [to, amount],
    chain: null,
  });
  await genesis.publicClient.waitForTransactionReceipt({ hash });
}
