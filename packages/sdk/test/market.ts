// A fresh marketplace on a fresh anvil for integration tests: deployed contracts, a test token, and
// the contexts of a deployer (owner), a seller, a buyer and a stranger.
//
// The deployer keeps its admin role unless told (`deploy({ keepAdmin })`), so that a test can set the
// escrow's arbitrator in one call: a proposal takes eight days of chain time, longer than the windows of
// the orders these tests follow. test/governance.test.ts runs the real handover and a whole proposal.
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  parseEther,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createListing } from "../src/actions/createListing.ts";
import { deploy, deployTestToken } from "../src/deploy.ts";
import { testTokenAbi } from "../src/generated/abis.ts";
import { startAnvil } from "../src/testing/anvil.ts";
import type { WriteContext } from "../src/types.ts";

export const TITLE = "Nikon D750 body, 24MP, low shutter count";
export const METADATA_CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

export async function startMarket(options: { keepAdmin?: boolean } = {}) {
  const anvil = await startAnvil();
  try {
    const transport = http(anvil.rpcUrl);
    const foundry = defineChain({
      id: anvil.chainId,
      name: "Anvil",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [anvil.rpcUrl] } },
    });
    const publicClient = createPublicClient({ chain: foundry, transport });
    const testClient = createTestClient({ chain: foundry, mode: "anvil", transport });
    const wallet = (privateKey: Hex) =>
      createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(privateKey) });
    const [deployerKey, sellerKey, buyerKey, strangerKey] = anvil.accounts.map((a) => a.privateKey);
    if (!deployerKey || !sellerKey || !buyerKey || !strangerKey)
      throw new Error("anvil has too few accounts");
    const deployerWallet = wallet(deployerKey);
    const token = await deployTestToken(deployerWallet, publicClient, "USD Test");
    const deployment = await deploy({
      walletClient: deployerWallet,
      publicClient,
      currencies: [token],
      keepAdmin: options.keepAdmin ?? true,
    });
    const context = (walletClient: ReturnType<typeof wallet>): WriteContext => ({
      publicClient,
      walletClient,
      deployment,
    });
    const wallets = {
      deployer: deployerWallet,
      seller: wallet(sellerKey),
      buyer: wallet(buyerKey),
      stranger: wallet(strangerKey),
    };
    const deployer = context(wallets.deployer);
    const seller = context(wallets.seller);
    const buyer = context(wallets.buyer);
    const stranger = context(wallets.stranger);

    /** Lists an item as the seller: 0.05 ether (or 25 tokens) a piece, 10 in stock unless told. */
    async function list(options: { currency?: Address; price?: bigint; stock?: number } = {}) {
      const currency = options.currency ?? zeroAddress;
      const { listing } = await createListing(seller, {
        price: options.price ?? (currency === zeroAddress ? parseEther("0.05") : parseEther("25")),
        stock: options.stock ?? 10,
        metadataCid: METADATA_CID,
        title: TITLE,
        category: "electronics/cameras",
        location: "Austin, TX",
        currency,
      });
      return listing;
    }

    /** Mints test tokens to an account. */
    async function mint(to: Address, amount: bigint) {
      const hash = await deployerWallet.writeContract({
        address: token,
        abi: testTokenAbi,
        functionName: "mint",
        args: [to, amount],
      });
      await publicClient.waitForTransactionReceipt({ hash });
    }

    /** Moves the chain's clock forward and mines a block. */
    async function travel(seconds: number) {
      await testClient.increaseTime({ seconds });
      await testClient.mine({ blocks: 1 });
    }

    const balance = (address: Address) => publicClient.getBalance({ address });
    const tokenBalance = (address: Address) =>
      publicClient.readContract({
        address: token,
        abi: testTokenAbi,
        functionName: "balanceOf",
        args: [address],
      });

    return {
      anvil,
      /** A context for any other anvil account. */
      contextOf: (privateKey: Hex) => context(wallet(privateKey)),
      publicClient,
      testClient,
      deployment,
      token,
      deployer,
      seller,
      buyer,
      stranger,
      /** The same accounts' wallet clients, typed for their chain, for calls the SDK does not wrap. */
      wallets,
      list,
      mint,
      travel,
      balance,
      tokenBalance,
      stop: anvil.stop,
    };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

export type Market = Awaited<ReturnType<typeof startMarket>>;
