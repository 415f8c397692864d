import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Address, parseEther, parseEventLogs } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { escrowAbi, testArbitratorAbi } from "../generated/abis.ts";
import { testArbitratorBytecode } from "../generated/bytecode.ts";
import { getOrder } from "../readers/getOrder.ts";
import { splitRuling } from "../rulings.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { dispute } from "./dispute.ts";
import { ship } from "./ship.ts";
import { submitEvidence } from "./submitEvidence.ts";

const DAY = 86_400;
const FEE = parseEther("0.01");

describe("dispute", () => {
  let market: Market;
  let arbitrator: Address;

  async function send(hash: `0x${string}`) {
    const receipt = await market.publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, "success");
    return receipt;
  }

  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("says no arbitrator is set yet", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(dispute(market.buyer, { orderId }), {
      errorName: "NoArbitrator",
      shortMessage: "No arbitrator is set, so disputes cannot be opened yet.",
    });
  });

  test("opens a dispute at the ERC-792 arbitrator, paying its fee, and carries out a split ruling", async () => {
    const deployer = market.wallets.deployer;
    const deployed = await send(
      await deployer.deployContract({
        abi: testArbitratorAbi,
        bytecode: testArbitratorBytecode,
        args: [FEE],
      }),
    );
    arbitrator = deployed.contractAddress as Address;
    await send(
      await deployer.writeContract({
        address: market.deployment.contracts.Escrow,
        abi: escrowAbi,
        functionName: "setArbitrator",
        args: [arbitrator, "0x"],
      }),
    );

    const listing = await market.list({ price: parseEther("1") });
    const buyer = market.buyer.walletClient.account.address;
    const seller = market.seller.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });

    const opened = await dispute(market.buyer, { orderId, evidence: "/ipfs/bafkreievidence" });
    assert.equal(opened.fee, FEE);
    assert.equal(opened.arbitrator.toLowerCase(), arbitrator.toLowerCase());
    assert.equal(opened.order.state, OrderState.Disputed);
    assert.deepEqual(opened.order.dispute, { arbitrator: opened.arbitrator, disputeId: opened.disputeId });
    const evidence = parseEventLogs({ abi: escrowAbi, logs: opened.receipt.logs, eventName: "Evidence" });
    assert.equal(evidence[0]?.args.evidence, "/ipfs/bafkreievidence");

    await submitEvidence(market.seller, { orderId, evidence: "/ipfs/bafkreireply" });
    const stranger = market.stranger.walletClient.account.address;
    await assert.rejects(submitEvidence(market.stranger, { orderId, evidence: "/ipfs/x" }), {
      errorName: "NotParty",
      shortMessage: `Only the buyer or the seller of order ${orderId} may submit evidence; ${stranger} is neither.`,
    });

    const buyerBefore = await market.balance(buyer);
    const sellerBefore = await market.balance(seller);
    await send(
      await deployer.writeContract({
        address: arbitrator,
        abi: testArbitratorAbi,
        functionName: "giveRuling",
        args: [opened.disputeId, splitRuling(3_000)],
      }),
    );
    const order = await getOrder(market.buyer, { orderId });
    assert.equal(order.state, OrderState.Resolved);
    assert.deepEqual(order.resolution, {
      ruling: splitRuling(3_000),
      buyerAmount: parseEther("0.3"),
      sellerAmount: parseEther("0.7"),
    });
    assert.equal(await market.balance(buyer), buyerBefore + parseEther("0.3"));
    assert.equal(await market.balance(seller), sellerBefore + parseEther("0.7"));
  });

  test("refuses a dispute once the delivery window has closed", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { order } = await ship(market.seller, { orderId });
    await market.travel(14 * DAY);
    const deadline = new Date((order.shippedAt + 14 * DAY) * 1000).toISOString();
    await assert.rejects(dispute(market.buyer, { orderId, order }), {
      errorName: "DeliveryWindowClosed",
      shortMessage:
        `The delivery window of order ${orderId} closed at ${deadline}; ` +
        "the order can only be released to the seller now.",
    });
  });

  test("refuses anyone but the buyer", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(dispute(market.seller, { orderId }), { errorName: "NotBuyer" });
  });
});
