import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { importFile, loadSecret, readMilestones, SAMPLE_DIR, SAMPLE_FILES } from "@lantern/archive";
import type { ContentStore } from "@lantern/content";
import {
  anvilAccounts,
  buy,
  cidOfBytes,
  confirm,
  courtAbi,
  createListing,
  createReview,
  type Deployment,
  delegate,
  digestFromCid,
  encodeListingMetadata,
  encryptShipping,
  getOrders,
  getPublishedKey,
  getReviewStatus,
  type LanternPublicClient,
  type LanternWalletClient,
  lanternTokenAbi,
  listingFactoryAbi,
  NATIVE_CURRENCY,
  type OrderRecord,
  OrderState,
  orderStateName,
  publishKey,
  ship,
  stake,
  testTokenAbi,
  type WriteContext,
} from "@lantern/sdk";
import { shippingKey } from "@lantern/web";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  http,
  parseEther,
  parseUnits,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { DEMO_LISTINGS, DEMO_ORDERS, DEMO_REVIEWS, type DemoListingSpec } from "./catalog.ts";

/** Which development account (index into the printed list) plays which part in the demo. */
export const DEMO_ROLES = {
  /** Deployed the contracts; archive publisher, rewards distributor, and the holder whose votes pass a proposal. */
  operator: 0,
  sellers: [1, 2, 3],
  buyer: 4,
  /** Staked in the court: a committee of 3 is drawn from them, never from the parties above. */
  arbiters: [5, 6, 7, 8, 9],
} as const;

const ARBITER_TOKENS = parseEther("10000");
/** Different stakes, so the draw is visibly weighted. */
const ARBITER_STAKES = [1000, 2000, 3000, 4000, 5000].map((n) => parseEther(String(n)));
const BUYER_TOKENS = parseUnits("5000", 18);

interface DemoAccount {
  /** Index in the development accounts `lantern start` prints. */
  index: number;
  address: Address;
}

/** What `lantern start --demo` seeded, written to `<data-dir>/demo.json` for people and tests to read. */
export interface DemoSeed {
  version: 1;
  chainId: number;
  /** The deployment this seed belongs to: a data directory whose chain was replaced is seeded again. */
  escrow: Address;
  seededAt: string;
  accounts: {
    operator: DemoAccount;
    sellers: DemoAccount[];
    buyer: DemoAccount;
    arbiters: (DemoAccount & { stake: string })[];
  };
  /** The ERC-20 the token-priced listings use (a test token anyone may mint), if the deployment has one. */
  token: { address: Address; symbol: string } | null;
  listings: {
    address: Address;
    title: string;
    category: string;
    seller: Address;
    currency: Address;
    /** In the currency's smallest unit, as a decimal string. */
    price: string;
    stock: number;
    images: string[];
  }[];
  orders: {
    id: string;
    listing: Address;
    buyer: Address;
    seller: Address;
    state: string;
    escrowed: boolean;
    currency: Address;
    amount: string;
    review: { rating: number; text: string } | null;
  }[];
  court: { address: Address; committeeSize: number };
  governance: {
    governor: Address;
    /** The account whose self-delegated votes alone exceed the quorum and the proposal threshold. */
    proposer: Address;
    votes: string;
  };
  rewards: { address: Address; distributor: Address } | null;
  archive: {
    address: Address;
    /** The pseudonym secret the import used; keep it for later imports of the same marketplace. */
    secretFile: string;
    listings: number;
    reviews: number;
    rejected: number;
    milestones: { kind: string; id: string; label: string }[];
    /** A legacy listing with several images and reviews, for a first look in the archive viewer. */
    listingWithImages: string;
  };
}

export interface SeedDemoOptions {
  rpcUrl: string;
  dataDir: string;
  deployment: Deployment;
  content: ContentStore;
  /** One line per step (stderr unless given). */
  log?: (line: string) => void;
}

/** The seed file of this data directory, if it was seeded for this deployment. */
export function readDemoSeed(dataDir: string, deployment: Deployment): DemoSeed | undefined {
  const file = demoFile(dataDir);
  if (!existsSync(file)) return undefined;
  const seed = JSON.parse(readFileSync(file, "utf8")) as DemoSeed;
  return seed.escrow?.toLowerCase() === deployment.contracts.Escrow.toLowerCase() ? seed : undefined;
}

export const demoFile = (dataDir: string) => path.join(dataDir, "demo.json");

/**
 * Seeds a realistic local marketplace with real transactions through the SDK and the archive importer: the
 * sample archive, a dozen listings with images from three sellers, orders in several states, five staked
 * arbiters, votes delegated. Writes `<data-dir>/demo.json` last. A seed cut short (Ctrl-C reaches anvil too,
 * which saves the chain as far as it got) resumes: before each transaction the step looks on chain for
 * what an earlier run already did (the archive import keeps a journal), so a restart ends with the demo's
 * listings and orders exactly once.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<DemoSeed> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { deployment, content } = options;
  const publicClient = createPublicClient({
    transport: http(options.rpcUrl),
    pollingInterval: 50,
  }) as LanternPublicClient;
  const chain = {
    id: deployment.chainId,
    name: "Local chain",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [options.rpcUrl] } },
  };
  const account = (index: number): DemoAccount & { context: WriteContext } => {
    const dev = anvilAccounts[index];
    if (!dev) throw new Error(`There is no development account ${index}.`);
    const walletClient: LanternWalletClient = createWalletClient({
      account: privateKeyToAccount(dev.privateKey),
      chain,
      transport: http(options.rpcUrl),
      pollingInterval: 50,
    });
    return { index, address: dev.address, context: { publicClient, walletClient, deployment } };
  };
  const operator = account(DEMO_ROLES.operator);
  const sellers = DEMO_ROLES.sellers.map(account);
  const buyer = account(DEMO_ROLES.buyer);
  const arbiters = DEMO_ROLES.arbiters.map(account);
  const contracts = deployment.contracts;
  const { LanternToken: lantern, Court: court, LanternGovernor: governor, Archive: archive } = contracts;
  if (!lantern || !court || !governor || !archive) {
    throw new Error(
      "This deployment has no DAO, Court or Archive (it predates them): start a fresh data directory for the demo.",
    );
  }
  const tokenBalance = (address: Address) =>
    publicClient.readContract({
      address: lantern,
      abi: lanternTokenAbi,
      functionName: "balanceOf",
      args: [address],
    });
  const send = async (from: WriteContext, request: Parameters<LanternWalletClient["writeContract"]>[0]) => {
    const hash = await from.walletClient.writeContract(request);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`Transaction ${hash} reverted.`);
  };

  // 1. The archive first: the sample export, pseudonymized under a secret kept in the data directory.
  const archiveDir = path.join(options.dataDir, "archive");
  mkdirSync(archiveDir, { recursive: true });
  const secretFile = path.join(archiveDir, "demo-secret.hex");
  if (!existsSync(secretFile))
    writeFileSync(secretFile, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  const secret = loadSecret({ file: secretFile });
  const milestones = readMilestones(SAMPLE_FILES.milestones);
  const imported: Record<"listings" | "reviews", number> = { listings: 0, reviews: 0 };
  let rejected = 0;
  for (const kind of ["listings", "reviews"] as const) {
    const file = SAMPLE_FILES[kind];
    const report = await importFile({
      file,
      secret,
      chain: { publicClient, walletClient: operator.context.walletClient, archive },
      store: content,
      journalFile: path.join(archiveDir, `${deployment.chainId}-${archive.toLowerCase()}.journal.jsonl`),
      rejectsFile: path.join(archiveDir, `${path.basename(file)}.rejects.jsonl`),
      source: "Sample marketplace",
      // Reviews name listings; the review milestone waits for the reviews.
      milestones: milestones.filter((m) =>
        kind === "listings" ? m.kind === "listing" : m.kind === "review",
      ),
      progress: false,
      log: () => {},
    });
    imported[kind] = report.published + report.alreadyArchived;
    rejected += report.rejected;
    log(
      `  Archive: ${imported[kind]} legacy ${kind} from ${path.relative(process.cwd(), file)} (${report.rejected} rejected rows, ${report.scrubbed} contact details scrubbed)`,
    );
  }

  // 2. Tokens from the genesis allocation to the arbiters, who stake them; the operator's votes count.
  for (const [i, arbiter] of arbiters.entries()) {
    const target = ARBITER_STAKES[i] ?? ARBITER_STAKES[0] ?? 0n;
    const [staked] = await publicClient.readContract({
      address: court,
      abi: courtAbi,
      functionName: "stakeOf",
      args: [arbiter.address],
    });
    if (staked === target) continue;
    // What the arbiter staked already came from the tokens it was sent.
    if ((await tokenBalance(arbiter.address)) + staked < ARBITER_TOKENS) {
      await send(operator.context, {
        address: lantern,
        abi: lanternTokenAbi,
        functionName: "transfer",
        args: [arbiter.address, ARBITER_TOKENS],
        account: operator.context.walletClient.account,
        chain,
      });
    }
    await stake(arbiter.context, { amount: target });
  }
  const delegatee = await publicClient.readContract({
    address: lantern,
    abi: lanternTokenAbi,
    functionName: "delegates",
    args: [operator.address],
  });
  if (delegatee.toLowerCase() !== operator.address.toLowerCase()) await delegate(operator.context);
  const votes = await tokenBalance(operator.address);
  log(
    `  Court: ${arbiters.length} arbiters staked (accounts ${DEMO_ROLES.arbiters.join(", ")}); governance: account ${DEMO_ROLES.operator} delegated ${votes / 10n ** 18n} LNTN of votes to itself`,
  );

  // 3. Listings with images in the content store, in ETH and in the test token if the factory takes one.
  const token = await approvedToken(publicClient, deployment);
  if (token && !(await mintedTo(publicClient, deployment, token.address, buyer.address))) {
    await send(buyer.context, {
      address: token.address,
      abi: testTokenAbi,
      functionName: "mint",
      args: [buyer.address, BUYER_TOKENS],
      account: buyer.context.walletClient.account,
      chain,
    });
  }
  for (const seller of sellers) {
    // The key the DApp derives from the seller's signature, so the seller reads buyers' addresses there too.
    const pair = await shippingKey(seller.context);
    const published = await getPublishedKey(seller.context, { account: seller.address });
    if (published?.toLowerCase() !== pair.publicKey.toLowerCase())
      await publishKey(seller.context, { publicKey: pair.publicKey });
  }
  const earlier = await listingsCreated(
    publicClient,
    deployment,
    sellers.map((s) => s.address),
  );
  const listings: DemoSeed["listings"] = [];
  for (const [i, spec] of DEMO_LISTINGS.entries()) {
    const seller = sellers[i % sellers.length];
    if (!seller) throw new Error("no seller");
    const currency = spec.tokenPrice && token ? token.address : NATIVE_CURRENCY;
    const price =
      currency === NATIVE_CURRENCY ? parseEther(spec.ethPrice) : parseUnits(spec.tokenPrice ?? "0", 18);
    const images = await storeImages(content, spec);
    const metadata = encodeListingMetadata({
      title: spec.title,
      description: spec.description,
      category: spec.category,
      images,
      condition: spec.condition,
      location: spec.location,
      attributes: spec.attributes ?? {},
    });
    const stored = await content.putJson(JSON.parse(new TextDecoder().decode(metadata.bytes)));
    if (stored.cid.toString() !== metadata.cid.toString())
      throw new Error(`The content store filed the metadata of "${spec.title}" under another CID.`);
    // The metadata's CID names the listing: the same spec, images and seller give the same one.
    const listing =
      earlier.get(`${seller.address.toLowerCase()} ${metadata.cid.toString()}`) ??
      (
        await createListing(seller.context, {
          price,
          stock: spec.stock,
          metadataCid: metadata.cid.toString(),
          title: spec.title,
          category: spec.category,
          location: spec.location,
          currency,
        })
      ).listing;
    listings.push({
      address: listing,
      title: spec.title,
      category: spec.category,
      seller: seller.address,
      currency,
      price: price.toString(),
      stock: spec.stock,
      images,
    });
  }
  log(
    `  Listings: ${listings.length} live listings from sellers ${DEMO_ROLES.sellers.join(", ")} (${listings.filter((l) => l.currency !== NATIVE_CURRENCY).length} priced in ${token?.symbol ?? "a token"})${resumed(earlier.size)}`,
  );

  // 4. Orders by the buyer in several states; completed ones reviewed. An order an earlier run paid for is
  // the buyer's next unclaimed one on the same listing, taken on from the state it reached.
  const paidBefore = await getOrders(buyer.context, { buyer: buyer.address });
  const unclaimed = [...paidBefore];
  const orders: DemoSeed["orders"] = [];
  for (const spec of DEMO_ORDERS) {
    const listing = listings[spec.listing];
    const seller = sellers.find((s) => s.address === listing?.seller);
    if (!listing || !seller) throw new Error(`Demo order of listing ${spec.listing}: no such listing.`);
    const taken = unclaimed.findIndex(
      (o) => o.listing.toLowerCase() === listing.address.toLowerCase() && o.escrowed === spec.escrowed,
    );
    let order: OrderRecord;
    if (taken >= 0) {
      order = unclaimed.splice(taken, 1)[0] as OrderRecord;
    } else {
      const encrypted = encryptShipping((await shippingKey(seller.context)).publicKey, {
        name: "Demo Buyer",
        street: "1 Example Street",
        city: "Springfield",
        postalCode: "00000",
        country: "US",
      });
      await content.putRaw(encrypted);
      order = (
        await buy(buyer.context, {
          listing: listing.address,
          escrowed: spec.escrowed,
          shippingDigest: digestFromCid(cidOfBytes(encrypted)),
        })
      ).order;
    }
    const orderId = order.orderId;
    const amount = order.amount;
    let review: DemoSeed["orders"][number]["review"] = null;
    if (spec.escrowed && spec.state !== "Paid" && order.state === OrderState.Paid) {
      order = (await ship(seller.context, { orderId, order })).order;
    }
    if (spec.escrowed && spec.state === "Completed" && order.state === OrderState.Shipped) {
      order = (await confirm(buyer.context, { orderId, order })).order;
    }
    const reviewSpec = DEMO_REVIEWS[spec.listing];
    if (spec.state === "Completed" && reviewSpec) {
      const text = new TextEncoder().encode(reviewSpec.text);
      await content.putRaw(text);
      if (!(await getReviewStatus(buyer.context, { orderId })).reviewed) {
        await createReview(buyer.context, {
          orderId,
          order,
          rating: reviewSpec.rating,
          textDigest: digestFromCid(cidOfBytes(text)),
        });
      }
      review = reviewSpec;
    }
    orders.push({
      id: orderId.toString(),
      listing: listing.address,
      buyer: buyer.address,
      seller: seller.address,
      // A direct purchase pays the seller at once; the escrow keeps no state to move on.
      state: spec.escrowed ? orderStateName(order.state) : "Direct",
      escrowed: spec.escrowed,
      currency: listing.currency,
      amount: amount.toString(),
      review,
    });
  }
  const byState = new Map<string, number>();
  for (const o of orders) byState.set(o.state, (byState.get(o.state) ?? 0) + 1);
  log(
    `  Orders: ${orders.length} by account ${DEMO_ROLES.buyer} (${[...byState].map(([s, n]) => `${n} ${s}`).join(", ")}); ${orders.filter((o) => o.review).length} reviewed${resumed(paidBefore.length)}`,
  );

  const seed: DemoSeed = {
    version: 1,
    chainId: deployment.chainId,
    escrow: contracts.Escrow,
    seededAt: new Date().toISOString(),
    accounts: {
      operator: { index: operator.index, address: operator.address },
      sellers: sellers.map(({ index, address }) => ({ index, address })),
      buyer: { index: buyer.index, address: buyer.address },
      arbiters: arbiters.map(({ index, address }, i) => ({
        index,
        address,
        stake: (ARBITER_STAKES[i] ?? 0n).toString(),
      })),
    },
    token,
    listings,
    orders,
    court: { address: court, committeeSize: 3 },
    governance: { governor, proposer: operator.address, votes: votes.toString() },
    rewards: contracts.Rewards ? { address: contracts.Rewards, distributor: operator.address } : null,
    archive: {
      address: archive,
      secretFile,
      listings: imported.listings,
      reviews: imported.reviews,
      rejected,
      milestones,
      // In the fixed sample: three images and three reviews (the e2e test checks it).
      listingWithImages: "10008",
    },
  };
  const file = demoFile(options.dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(seed, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return seed;
}

/** The first ERC-20 the factory takes as payment, if any (`deploy({ currencies })`). */
async function approvedToken(
  publicClient: LanternPublicClient,
  deployment: Deployment,
): Promise<DemoSeed["token"]> {
  const logs = await publicClient.getContractEvents({
    address: deployment.contracts.ListingFactory,
    abi: listingFactoryAbi,
    eventName: "CurrencyApproved",
    fromBlock: deployment.deploymentBlock,
    strict: true,
  });
  const approved = logs.find((log) => log.args.approved && log.args.currency !== NATIVE_CURRENCY);
  if (!approved) return null;
  const symbol = await publicClient.readContract({
    address: approved.args.currency,
    abi: testTokenAbi,
    functionName: "symbol",
  });
  return { address: approved.args.currency, symbol };
}

/** How a step's log line says that an earlier, interrupted run had done part of it. */
const resumed = (found: number) => (found > 0 ? `; ${found} of them found from an earlier run` : "");

/** The listings these sellers created, by seller and metadata CID. */
async function listingsCreated(
  publicClient: LanternPublicClient,
  deployment: Deployment,
  sellers: Address[],
): Promise<Map<string, Address>> {
  const logs = await publicClient.getContractEvents({
    address: deployment.contracts.ListingFactory,
    abi: listingFactoryAbi,
    eventName: "ListingCreated",
    args: { seller: sellers },
    fromBlock: deployment.deploymentBlock,
    strict: true,
  });
  const out = new Map<string, Address>();
  for (const log of logs) {
    const key = `${log.args.seller.toLowerCase()} ${log.args.params.metadataCid}`;
    if (!out.has(key)) out.set(key, log.args.listing);
  }
  return out;
}

/** Whether the test token was ever minted to this account (the buyer's allowance of it is minted once). */
async function mintedTo(
  publicClient: LanternPublicClient,
  deployment: Deployment,
  token: Address,
  to: Address,
): Promise<boolean> {
  const logs = await publicClient.getContractEvents({
    address: token,
    abi: testTokenAbi,
    eventName: "Transfer",
    args: { from: zeroAddress, to },
    fromBlock: deployment.deploymentBlock,
  });
  return logs.length > 0;
}

/** The sample's images a listing shows, put into the content store; their CIDs, cover first. */
async function storeImages(content: ContentStore, spec: DemoListingSpec): Promise<string[]> {
  const cids: string[] = [];
  for (const name of spec.images) {
    const stored = await content.putImage(readFileSync(path.join(SAMPLE_DIR, "images", name)));
    cids.push(stored.cid.toString());
  }
  return cids;
}
