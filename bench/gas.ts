// Gas of every marketplace action, from real transactions on a fresh anvil: `npm run bench:gas`.
// Prints a table against the targets and writes bench/results/gas.json as { "<operation>": gasUsed }.
//
// The scenario places one listing and one order before measuring, because the very first listing and
// order of a marketplace's life also pay to create its counters' storage; every later one does not.
import {
  applyOrderEvent,
  computeEpoch,
  courtAbi,
  DEFAULT_COURT_PARAMETERS,
  deploy,
  deployTestToken,
  escrowAbi,
  hashVote,
  lanternGovernorAbi,
  lanternTokenAbi,
  listingCurationAbi,
  listingFactoryAbi,
  type OrderEvent,
  type OrderRecord,
  orderEventNames,
  policyAbi,
  reviewsAbi,
  rewardsAbi,
  startAnvil,
  testTokenAbi,
} from "@lantern/sdk";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  decodeEventLog,
  encodeFunctionData,
  type Hex,
  http,
  parseEther,
  parseEventLogs,
  parseSignature,
  type TransactionReceipt,
  zeroAddress,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { printTable, writeResult } from "./lib/report.ts";

const TARGETS: Record<string, number> = {
  createListing: 120_000,
  buyDirectNative: 60_000,
  buyEscrowNative: 75_000,
  buyEscrowTokenPermit: 110_000,
  markShipped: 35_000,
  confirmReceipt: 50_000,
  proposeSettlement: 55_000,
  acceptSettlement: 60_000,
  stake: 120_000,
  drawCommittee: 200_000,
  commitVote: 55_000,
  revealVote: 65_000,
  createReview: 70_000,
  claimReward: 80_000,
  policyOverheadPurchaseRuled: 8_000,
  policyOverheadPurchaseRuledEscrow: 8_000,
  policyOverheadPurchaseDefaultRuled: 8_000,
};

/** Arbiters staked before the court's gas is measured: the draw picks 3 of them. */
const ARBITERS = 1_000;

/** 40 characters, and a 46-character CIDv0, as the targets are stated for. */
const TITLE = "Nikon D750 body, 24MP, low shutter count";
const CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
const PRICE = parseEther("0.05");
const TOKEN_PRICE = parseEther("25");
const DIGEST = `0x${"ab".repeat(32)}` as Hex;
const RULED_CATEGORY = "electronics/drones";
/**
 * What creating a listing cost before the policy check existed (bench/results/gas.json at 2b44bfa), and
 * what buying cost before the purchase-time check (at b1b7687).
 */
const BEFORE_POLICY = { createListing: 116_262, buyDirectNative: 58_398, buyEscrowNative: 71_974 };

const anvil = await startAnvil();
try {
  const publicClient = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
  const [deployerKey, sellerKey, buyerKey, otherBuyerKey] = anvil.accounts.map((a) => a.privateKey);
  if (!deployerKey || !sellerKey || !buyerKey || !otherBuyerKey)
    throw new Error("anvil has too few accounts");
  const wallet = (key: Hex) =>
    createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account: privateKeyToAccount(key) });
  const deployer = wallet(deployerKey);
  const seller = wallet(sellerKey);
  const buyer = wallet(buyerKey);
  const otherBuyer = wallet(otherBuyerKey);

  const token = await deployTestToken(deployer, publicClient, "USD Test");
  // The deployer keeps its admin role, as a test deployment; governance is measured by itself below.
  const deployment = await deploy({
    walletClient: deployer,
    publicClient,
    currencies: [token],
    keepAdmin: true,
  });
  const { ListingFactory: factory, Escrow: escrow, FixedPriceListing: template } = deployment.contracts;
  const gas: Record<string, number> = {};

  async function send(
    name: string | undefined,
    client: typeof seller,
    request: {
      address: Address;
      abi: readonly unknown[];
      functionName: string;
      args: readonly unknown[];
      value?: bigint;
    },
  ): Promise<TransactionReceipt> {
    // A fixed gas limit skips estimation: what is measured is the transaction alone.
    const hash = await client.writeContract({ ...request, gas: 1_000_000n } as Parameters<
      typeof client.writeContract
    >[0]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${name ?? request.functionName} reverted`);
    if (name) gas[name] = Number(receipt.gasUsed);
    return receipt;
  }

  let salt = 0n;
  async function list(
    name: string | undefined,
    currency: Address,
    price: bigint,
    category = "electronics/cameras",
  ): Promise<Address> {
    const receipt = await send(name, seller, {
      address: factory,
      abi: listingFactoryAbi,
      functionName: "createListing",
      args: [
        template,
        salt++,
        {
          currency,
          price,
          stock: 1_000n,
          metadataCid: CID,
          title: TITLE,
          category,
          location: "Austin, TX",
        },
      ],
    });
    for (const log of receipt.logs) {
      const event = decodeEventLog({ abi: listingFactoryAbi, ...log, strict: false });
      if (event.eventName === "ListingCreated") return event.args.listing as Address;
    }
    throw new Error("no ListingCreated event");
  }

  /** The order struct the escrow stored, rebuilt from receipts with the SDK's reducer. */
  function ordersFromReceipts(receipts: TransactionReceipt[]) {
    let order: OrderRecord | undefined;
    for (const receipt of receipts) {
      const logs = receipt.logs.filter((log) => log.address.toLowerCase() === escrow.toLowerCase());
      for (const event of parseEventLogs({ abi: escrowAbi, logs })) {
        if ((orderEventNames as readonly string[]).includes(event.eventName)) {
          order = applyOrderEvent(order, event as OrderEvent);
        }
      }
    }
    if (!order) throw new Error("no OrderPaid event");
    return { id: order.orderId, value: order };
  }

  const buy = (name: string | undefined, client: typeof buyer, listing: Address, escrowed: boolean) =>
    send(name, client, {
      address: escrow,
      abi: escrowAbi,
      functionName: "buy",
      args: [listing, 1, escrowed, PRICE, escrowed ? DIGEST : `0x${"00".repeat(32)}`],
      value: PRICE,
    });

  const increaseTime = async (seconds: number) => {
    await publicClient.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
  };

  // Warm-up: the marketplace's first listing and first order.
  const warm = await list(undefined, zeroAddress, PRICE);
  await buy(undefined, otherBuyer, warm, false);

  const listing = await list("createListing", zeroAddress, PRICE);
  await buy("buyDirectNative", buyer, listing, false);

  // Escrow: pay, ship, confirm.
  const paid = await buy("buyEscrowNative", buyer, listing, true);
  let order = ordersFromReceipts([paid]);
  const shipped = await send("markShipped", seller, {
    address: escrow,
    abi: escrowAbi,
    functionName: "markShipped",
    args: [order.id, order.value, DIGEST],
  });
  order = ordersFromReceipts([paid, shipped]);
  await send("confirmReceipt", buyer, {
    address: escrow,
    abi: escrowAbi,
    functionName: "confirmReceipt",
    args: [order.id, order.value],
  });

  // Escrow: ship, then nobody confirms; anyone releases after the delivery window.
  const paid2 = await buy(undefined, buyer, listing, true);
  let order2 = ordersFromReceipts([paid2]);
  const shipped2 = await send(undefined, seller, {
    address: escrow,
    abi: escrowAbi,
    functionName: "markShipped",
    args: [order2.id, order2.value, DIGEST],
  });
  order2 = ordersFromReceipts([paid2, shipped2]);
  await increaseTime(order2.value.deliveryWindow);
  await send("releaseAfterTimeout", otherBuyer, {
    address: escrow,
    abi: escrowAbi,
    functionName: "release",
    args: [order2.id, order2.value],
  });

  // The seller refunds a paid order.
  const order3 = ordersFromReceipts([await buy(undefined, buyer, listing, true)]);
  await send("refund", seller, {
    address: escrow,
    abi: escrowAbi,
    functionName: "refund",
    args: [order3.id, order3.value],
  });

  // The seller never ships; the buyer cancels after the ship window.
  const order4 = ordersFromReceipts([await buy(undefined, buyer, listing, true)]);
  await increaseTime(order4.value.shipWindow);
  await send("cancelUnshipped", buyer, {
    address: escrow,
    abi: escrowAbi,
    functionName: "cancel",
    args: [order4.id, order4.value],
  });

  // Disputes go to the court, which deploy() made the escrow's arbitrator. Both parties pay the arbitration
  // fee: the buyer opens the dispute, the seller's fee creates it at the court.
  const court = deployment.contracts.Court as Address;
  const arbitratorFee = await publicClient.readContract({
    address: court,
    abi: courtAbi,
    functionName: "arbitrationCost",
    args: ["0x"],
  });
  const order5 = ordersFromReceipts([await buy(undefined, buyer, listing, true)]);
  await send("openDispute", buyer, {
    address: escrow,
    abi: escrowAbi,
    functionName: "openDispute",
    args: [order5.id, order5.value, `/ipfs/${CID}`],
    value: arbitratorFee,
  });
  await send("payArbitrationFee", seller, {
    address: escrow,
    abi: escrowAbi,
    functionName: "payArbitrationFee",
    args: [order5.id, ""],
    value: arbitratorFee,
  });

  // Settlement by agreement on a shipped order: the buyer offers a 30 % refund with a message (a digest),
  // the seller accepts, and the escrow pays both sides.
  const paid6 = await buy(undefined, buyer, listing, true);
  const shipped6 = await send(undefined, seller, {
    address: escrow,
    abi: escrowAbi,
    functionName: "markShipped",
    args: [ordersFromReceipts([paid6]).id, ordersFromReceipts([paid6]).value, DIGEST],
  });
  const order6 = ordersFromReceipts([paid6, shipped6]);
  const expiry = (await publicClient.getBlock()).timestamp + 3n * 86_400n;
  const proposed = await send("proposeSettlement", buyer, {
    address: escrow,
    abi: escrowAbi,
    functionName: "proposeSettlement",
    args: [order6.id, order6.value, 3_000n, expiry, DIGEST],
  });
  const [offer] = parseEventLogs({ abi: escrowAbi, logs: proposed.logs, eventName: "SettlementProposed" });
  if (!offer) throw new Error("no SettlementProposed event");
  await send("acceptSettlement", seller, {
    address: escrow,
    abi: escrowAbi,
    functionName: "acceptSettlement",
    args: [order6.id, order6.value, offer.args.offerId],
  });

  // A token purchase in one transaction with an EIP-2612 permit, into an escrow that already holds that
  // token. A buyer's first permit on a token also pays the token ~20,000 gas to set its permit nonce from
  // zero; that is the token's one-time cost, reported on its own row, and the target applies to the rest.
  const tokenListing = await list(undefined, token, TOKEN_PRICE);
  for (const client of [buyer, otherBuyer]) {
    await send(undefined, deployer, {
      address: token,
      abi: testTokenAbi,
      functionName: "mint",
      args: [client.account.address, parseEther("1000")],
    });
  }
  await send(undefined, otherBuyer, {
    address: token,
    abi: testTokenAbi,
    functionName: "approve",
    args: [escrow, TOKEN_PRICE],
  });
  await send(undefined, otherBuyer, {
    address: escrow,
    abi: escrowAbi,
    functionName: "buy",
    args: [tokenListing, 1, true, TOKEN_PRICE, DIGEST],
  });
  for (const [name, nonce] of [
    ["buyEscrowTokenPermitFirstUse", 0n],
    ["buyEscrowTokenPermit", 1n],
  ] as const) {
    // The scenario moved the chain's clock forward, so the deadline comes from the chain, not the wall clock.
    const deadline = (await publicClient.getBlock()).timestamp + 3600n;
    const signature = await buyer.signTypedData({
      domain: { name: "USD Test", version: "1", chainId: anvil.chainId, verifyingContract: token },
      types: {
        Permit: [
          { name: "owner", type: "address" },
          { name: "spender", type: "address" },
          { name: "value", type: "uint256" },
          { name: "nonce", type: "uint256" },
          { name: "deadline", type: "uint256" },
        ],
      },
      primaryType: "Permit",
      message: { owner: buyer.account.address, spender: escrow, value: TOKEN_PRICE, nonce, deadline },
    });
    const { v, r, s } = parseSignature(signature);
    await send(name, buyer, {
      address: escrow,
      abi: escrowAbi,
      functionName: "buyWithPermit",
      args: [tokenListing, 1, true, TOKEN_PRICE, DIGEST, deadline, Number(v), r, s],
    });
  }

  // The court: 1,000 arbiters stake (the last one's stake is measured: a new leaf in a tree of 999), then
  // the dispute opened above draws 3 of them, one commits and reveals, and the ruling is executed.
  const stakingToken = deployment.contracts.LanternToken as Address;
  const minStake = DEFAULT_COURT_PARAMETERS.minStake;
  const arbiterKeys = new Map<Address, Hex>();
  const keys = Array.from({ length: ARBITERS }, () => generatePrivateKey());
  for (let start = 0; start < keys.length; start += 100) {
    const batch = keys.slice(start, start + 100);
    const nonce = await publicClient.getTransactionCount({
      address: deployer.account.address,
      blockTag: "pending",
    });
    await Promise.all(
      batch.map(async (key, i) => {
        const account = privateKeyToAccount(key);
        arbiterKeys.set(account.address, key);
        await publicClient.request({
          method: "anvil_setBalance" as never,
          params: [account.address, "0x56BC75E2D63100000"] as never,
        });
        // Stakes differ, so draws are weighted: 100 to 1,099 tokens.
        const amount = minStake + BigInt(start + i) * 10n ** 18n;
        const hash = await deployer.writeContract({
          address: stakingToken,
          abi: lanternTokenAbi,
          functionName: "transfer",
          args: [account.address, amount],
          gas: 100_000n,
          nonce: nonce + i,
        });
        return hash;
      }),
    ).then((hashes) => Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash }))));
    await Promise.all(
      batch.map(async (key, i) => {
        const client = wallet(key);
        const amount = minStake + BigInt(start + i) * 10n ** 18n;
        await send(undefined, client, {
          address: stakingToken,
          abi: lanternTokenAbi,
          functionName: "approve",
          args: [court, amount],
        });
        const last = start + i === keys.length - 1;
        if (!last) {
          await send(undefined, client, {
            address: court,
            abi: courtAbi,
            functionName: "setStake",
            args: [amount],
          });
        }
      }),
    );
  }
  const lastKey = keys.at(-1);
  if (!lastKey) throw new Error("no arbiters");
  await send("stake", wallet(lastKey), {
    address: court,
    abi: courtAbi,
    functionName: "setStake",
    args: [minStake + BigInt(ARBITERS - 1) * 10n ** 18n],
  });

  const disputeId = 0n;
  const round0 = await publicClient.readContract({
    address: court,
    abi: courtAbi,
    functionName: "roundInfo",
    args: [disputeId, 0n],
  });
  // The staking moved the chain past the dispute's ticket: the first call requests a new one, the draw
  // that lands in the new ticket's block is measured.
  await send(undefined, otherBuyer, {
    address: court,
    abi: courtAbi,
    functionName: "drawCommittee",
    args: [disputeId, 3n],
  });
  const ticket = (
    await publicClient.readContract({
      address: court,
      abi: courtAbi,
      functionName: "roundInfo",
      args: [disputeId, 0n],
    })
  ).ticket;
  if (ticket === round0.ticket) throw new Error("the draw did not request a new ticket");
  const drawn = await send("drawCommittee", otherBuyer, {
    address: court,
    abi: courtAbi,
    functionName: "drawCommittee",
    args: [disputeId, 3n],
  });
  const seats = parseEventLogs({ abi: courtAbi, logs: drawn.logs, eventName: "ArbiterDrawn" });
  if (seats.length !== 3) throw new Error(`drew ${seats.length} seats, not 3`);
  const salts = seats.map((_, i) => `0x${(i + 1).toString(16).padStart(64, "0")}` as Hex);
  for (const [i, seat] of seats.entries()) {
    const key = arbiterKeys.get(seat.args.arbiter);
    const salt = salts[i];
    if (!key || !salt) throw new Error("a seat went to an unknown arbiter");
    const commitment = hashVote({
      court,
      disputeId,
      round: 0,
      seat: Number(seat.args.seat),
      arbiter: seat.args.arbiter,
      ruling: 1n,
      salt,
    });
    await send(i === 0 ? "commitVote" : undefined, wallet(key), {
      address: court,
      abi: courtAbi,
      functionName: "commitVote",
      args: [disputeId, 0n, seat.args.seat, commitment],
    });
  }
  await increaseTime(DEFAULT_COURT_PARAMETERS.commitPeriod);
  for (const [i, seat] of seats.entries()) {
    const key = arbiterKeys.get(seat.args.arbiter);
    if (!key) throw new Error("a seat went to an unknown arbiter");
    // The first reveal of a ruling also creates its vote counter: the costliest reveal is measured.
    await send(i === 0 ? "revealVote" : undefined, wallet(key), {
      address: court,
      abi: courtAbi,
      functionName: "revealVote",
      args: [disputeId, 0n, seat.args.seat, 1n, salts[i]],
    });
  }
  await increaseTime(DEFAULT_COURT_PARAMETERS.revealPeriod + DEFAULT_COURT_PARAMETERS.appealPeriod);
  await send("executeRuling", otherBuyer, {
    address: court,
    abi: courtAbi,
    functionName: "executeRuling",
    args: [disputeId],
  });
  await send("settleRound", otherBuyer, {
    address: court,
    abi: courtAbi,
    functionName: "settle",
    args: [disputeId, 0n, 10n],
  });

  // Curation: anyone reports a listing with a deposit; its seller contests by matching it.
  const curation = deployment.contracts.ListingCuration as Address;
  const deposit = await publicClient.readContract({
    address: curation,
    abi: listingCurationAbi,
    functionName: "requiredDeposit",
  });
  const reported = await list(undefined, zeroAddress, PRICE);
  const report = await send("reportListing", otherBuyer, {
    address: curation,
    abi: listingCurationAbi,
    functionName: "reportListing",
    args: [reported, `/ipfs/${CID}`],
    value: deposit,
  });
  const [reportEvent] = parseEventLogs({
    abi: listingCurationAbi,
    logs: report.logs,
    eventName: "ListingReported",
  });
  if (!reportEvent) throw new Error("no ListingReported event");
  await send("contestReport", seller, {
    address: curation,
    abi: listingCurationAbi,
    functionName: "contestReport",
    args: [reportEvent.args.reportId, `/ipfs/${CID}`],
    value: deposit,
  });

  // Governance: the genesis holder delegates to itself, proposes one parameter change and votes for it.
  const governor = deployment.contracts.LanternGovernor as Address;
  await send(undefined, deployer, {
    address: deployment.contracts.LanternToken as Address,
    abi: lanternTokenAbi,
    functionName: "delegate",
    args: [deployer.account.address],
  });
  await increaseTime(1);
  const windows = encodeFunctionData({
    abi: escrowAbi,
    functionName: "setWindows",
    args: [5 * 86_400, 20 * 86_400],
  });
  const proposal = await send("propose", deployer, {
    address: governor,
    abi: lanternGovernorAbi,
    functionName: "propose",
    args: [[escrow], [0n], [windows], "Longer windows for international shipping"],
  });
  const [created] = parseEventLogs({
    abi: lanternGovernorAbi,
    logs: proposal.logs,
    eventName: "ProposalCreated",
  });
  if (!created) throw new Error("no ProposalCreated event");
  await increaseTime(86_400 + 1);
  await send("castVote", deployer, {
    address: governor,
    abi: lanternGovernorAbi,
    functionName: "castVote",
    args: [created.args.proposalId, 1],
  });

  // The policy's creation check on a category with a rule of its own and a ceiling in the native coin (two
  // storage reads), then its purchase check there: the category's bit is set in the escrow's filter, so the
  // purchase reads the rule and the ceiling (the ceiling is above the price, so it goes through).
  const policy = deployment.contracts.Policy as Address;
  await send(undefined, deployer, {
    address: policy,
    abi: policyAbi,
    functionName: "setCategoryRule",
    args: [RULED_CATEGORY, { allowed: true, escrowRequired: false, bond: 0n }],
  });
  await send(undefined, deployer, {
    address: policy,
    abi: policyAbi,
    functionName: "setPriceCeiling",
    args: [RULED_CATEGORY, zeroAddress, PRICE * 10n],
  });
  const ruledListing = await list("createListingRuledCategory", zeroAddress, PRICE, RULED_CATEGORY);
  await buy("buyDirectNativeRuledCategory", buyer, ruledListing, false);
  await buy("buyEscrowNativeRuledCategory", buyer, ruledListing, true);

  // A verified review of a completed order, with a text digest, then the seller's answer.
  const paidForReview = await buy(undefined, buyer, listing, true);
  const toReview = ordersFromReceipts([paidForReview]);
  const confirmed = await send(undefined, buyer, {
    address: escrow,
    abi: escrowAbi,
    functionName: "confirmReceipt",
    args: [toReview.id, toReview.value],
  });
  const completed = ordersFromReceipts([paidForReview, confirmed]);
  await send("createReview", buyer, {
    address: deployment.contracts.Reviews as Address,
    abi: reviewsAbi,
    functionName: "createReview",
    args: [completed.id, completed.value, 5, DIGEST],
  });
  await send("answerReview", seller, {
    address: deployment.contracts.Reviews as Address,
    abi: reviewsAbi,
    functionName: "answerReview",
    args: [completed.id, completed.value, DIGEST],
  });

  // The policy check's cost at creation: a category without a rule of its own (one storage read; the
  // default rule rides in the template's word) and one with a rule and a ceiling.
  const overhead = (name: string, before: number) => (gas[name] ?? Number.NaN) - before;
  gas.policyOverheadCreateListing = overhead("createListing", BEFORE_POLICY.createListing);
  gas.policyOverheadCreateListingRuled = overhead("createListingRuledCategory", BEFORE_POLICY.createListing);
  // And at purchase: a category without a purchase rule (the filter bit in the order word the purchase reads
  // anyway is clear), and one with its own rule and a ceiling (two more storage reads).
  gas.policyOverheadPurchase = overhead("buyDirectNative", BEFORE_POLICY.buyDirectNative);
  gas.policyOverheadPurchaseEscrow = overhead("buyEscrowNative", BEFORE_POLICY.buyEscrowNative);
  gas.policyOverheadPurchaseRuled = overhead("buyDirectNativeRuledCategory", BEFORE_POLICY.buyDirectNative);
  gas.policyOverheadPurchaseRuledEscrow = overhead(
    "buyEscrowNativeRuledCategory",
    BEFORE_POLICY.buyEscrowNative,
  );

  // Rewards: the epoch's payout as computeEpoch makes it from this scenario's completed order and review
  // (a two-leaf tree), posted after the epoch by the distributor (the deployer) and claimed after the window.
  const rewards = deployment.contracts.Rewards as Address;
  const epochNow = await publicClient.readContract({
    address: rewards,
    abi: rewardsAbi,
    functionName: "epochAt",
    args: [(await publicClient.getBlock()).timestamp],
  });
  const firstEpoch = await publicClient.readContract({
    address: rewards,
    abi: rewardsAbi,
    functionName: "nextEpoch",
  });
  if (epochNow <= firstEpoch) await increaseTime(7 * 86_400);
  const payout = await computeEpoch(
    [
      {
        type: "purchase",
        orderId: completed.id,
        buyer: buyer.account.address,
        seller: seller.account.address,
      },
      { type: "review", orderId: completed.id, buyer: buyer.account.address },
    ],
    [],
    {
      chainId: anvil.chainId,
      rewards,
      epoch: firstEpoch,
      budget: await publicClient.readContract({
        address: rewards,
        abi: rewardsAbi,
        functionName: "budget",
        args: [firstEpoch],
      }),
      points: { purchase: 10n, sale: 10n, review: 5n, view: 1n, like: 2n, share: 3n },
      capPerKind: { purchase: 50n, sale: 50n, review: 25n, view: 3n, like: 10n, share: 10n },
      capPerAccount: 100n,
    },
  );
  await send("postRewardRoot", deployer, {
    address: rewards,
    abi: rewardsAbi,
    functionName: "postRoot",
    args: [firstEpoch, payout.root, payout.total],
  });
  await increaseTime(2 * 86_400);
  // The first claim of an epoch also writes the first word of its claim bitmap; later claims flip a bit.
  const [first, second] = payout.payouts;
  if (!first || !second) throw new Error("computeEpoch paid fewer than two accounts");
  for (const [name, p] of [
    ["claimRewardFirstOfEpoch", first],
    ["claimReward", second],
  ] as const) {
    await send(name, otherBuyer, {
      address: rewards,
      abi: rewardsAbi,
      functionName: "claim",
      args: [firstEpoch, p.index, p.account, p.amount, p.proof],
    });
  }

  // The purchase check's worst case, last because it concerns every later purchase: the default rule (for
  // categories without their own) gets a native ceiling, so the filter is all ones and a purchase in an
  // unruled category reads its own empty word, the default's word and the default's ceiling.
  await send(undefined, deployer, {
    address: policy,
    abi: policyAbi,
    functionName: "setPriceCeiling",
    args: ["", zeroAddress, PRICE * 10n],
  });
  await buy("buyDirectNativeDefaultRuled", buyer, listing, false);
  gas.policyOverheadPurchaseDefaultRuled = overhead(
    "buyDirectNativeDefaultRuled",
    BEFORE_POLICY.buyDirectNative,
  );

  const rows = Object.entries(gas).map(([name, value]) => {
    const target = TARGETS[name];
    return {
      name,
      value,
      target: target ? `≤ ${target.toLocaleString("en-US")}` : "",
      ok: target ? value <= target : undefined,
    };
  });
  printTable("Gas per operation (whole transaction, real anvil receipts)", ["operation", "gasUsed"], rows);
  console.log(`\nwrote ${writeResult("gas.json", gas)}`);
  const missed = rows.filter((r) => r.ok === false);
  if (missed.length > 0) {
    console.error(`\nOver target: ${missed.map((r) => r.name).join(", ")}`);
    process.exitCode = 1;
  }
} finally {
  await anvil.stop();
}
