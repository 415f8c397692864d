import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther, parseEventLogs, zeroAddress } from "viem";
import { useTestArbitrator } from "../../test/arbitrator.ts";
import { type Market, startMarket } from "../../test/market.ts";
import { escrowAbi } from "../generated/abis.ts";
import { getOrder } from "../readers/getOrder.ts";
import { splitRuling } from "../rulings.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { dispute } from "./dispute.ts";
import { payArbitrationFee } from "./payArbitrationFee.ts";
import { ship } from "./ship.ts";
import { submitEvidence } from "./submitEvidence.ts";

const DAY = 86_400;
const FEE = parseEther("0.01");

describe("dispute", () => {
  let market: Market;

  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("says no arbitrator is set", async () => {
    // deploy() makes the court the escrow's arbitrator; take it away to see the message.
    const hash = await market.wallets.deployer.writeContract({
      address: market.deployment.contracts.Escrow,
      abi: escrowAbi,
      functionName: "setArbitrator",
      args: [zeroAddress, "0x"],
    });
    await market.publicClient.waitForTransactionReceipt({ hash });
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(dispute(market.buyer, { orderId }), {
      errorName: "NoArbitrator",
      shortMessage: "No arbitrator is set, so disputes cannot be opened yet.",
    });
  });

  test("opens a dispute paying the arbitrator's fee; once the seller pays too, the ruling is carried out", async () => {
    const arbitrator = await useTestArbitrator(market, FEE);
    const listing = await market.list({ price: parseEther("1") });
    const buyer = market.buyer.walletClient.account.address;
    const seller = market.seller.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });

    const opened = await dispute(market.buyer, { orderId, evidence: "/ipfs/bafkreievidence" });
    const block = await market.publicClient.getBlock({ blockNumber: opened.receipt.blockNumber });
    assert.equal(opened.fee, FEE);
    assert.equal(opened.arbitrator.toLowerCase(), arbitrator.address.toLowerCase());
    assert.equal(opened.feeDeadline, Number(block.timestamp) + 7 * DAY);
    assert.equal(opened.order.state, OrderState.Disputed);
    assert.deepEqual(opened.order.dispute, {
      opener: buyer,
      arbitrator: opened.arbitrator,
      extraData: "0x",
      openerFee: FEE,
      feeDeadline: opened.feeDeadline,
      stage: "awaitingFee",
    });
    const evidence = parseEventLogs({ abi: escrowAbi, logs: opened.receipt.logs, eventName: "Evidence" });
    assert.equal(evidence[0]?.args.evidence, "/ipfs/bafkreievidence");

    await submitEvidence(market.seller, { orderId, evidence: "/ipfs/bafkreireply" });
    const stranger = market.stranger.walletClient.account.address;
    await assert.rejects(submitEvidence(market.stranger, { orderId, evidence: "/ipfs/x" }), {
      errorName: "NotParty",
      shortMessage: `Only the buyer or the seller of order ${orderId} may do this; ${stranger} is neither.`,
    });

    const paid = await payArbitrationFee(market.seller, { orderId });
    const buyerBefore = await market.balance(buyer);
    const sellerBefore = await market.balance(seller);
    await arbitrator.rule(paid.disputeId, splitRuling(3_000));
    const order = await getOrder(market.buyer, { orderId });
    assert.equal(order.state, OrderState.Resolved);
    assert.deepEqual(order.resolution, {
      ruling: splitRuling(3_000),
      buyerAmount: parseEther("0.3"),
      sellerAmount: parseEther("0.7"),
    });
    assert.equal(order.dispute?.stage, "ruled");
    // The fee the escrow kept is split like the order.
    assert.deepEqual(order.dispute?.feesRefunded, {
      toBuyer: (FEE * 3n) / 10n,
      toSeller: FEE - (FEE * 3n) / 10n,
    });
    assert.equal(await market.balance(buyer), buyerBefore + parseEther("0.3") + (FEE * 3n) / 10n);
    assert.equal(await market.balance(seller), sellerBefore + parseEther("0.7") + FEE - (FEE * 3n) / 10n);
  });

  test("the seller may open a dispute too", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const opened = await dispute(market.seller, { orderId });
    assert.equal(opened.order.dispute?.opener, market.seller.walletClient.account.address);
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

  test("refuses anyone but the buyer or the seller", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(dispute(market.stranger, { orderId }), { errorName: "NotParty" });
  });
});
