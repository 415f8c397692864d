import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { useTestArbitrator } from "../../test/arbitrator.ts";
import { type Market, startMarket } from "../../test/market.ts";
import { testArbitratorAbi } from "../generated/abis.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { dispute } from "./dispute.ts";
import { payArbitrationFee } from "./payArbitrationFee.ts";

const DAY = 86_400;
const FEE = parseEther("0.02");

describe("payArbitrationFee", () => {
  let market: Market;
  let arbitrator: Awaited<ReturnType<typeof useTestArbitrator>>;

  before(async () => {
    market = await startMarket();
    arbitrator = await useTestArbitrator(market, FEE);
  });
  after(() => market.stop());

  test("the other party pays the fee and the dispute goes to the arbitrator", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.seller, { orderId });
    const { order, disputeId, fee } = await payArbitrationFee(market.buyer, { orderId, evidence: "/ipfs/b" });
    assert.equal(fee, FEE);
    assert.equal(order.state, OrderState.Disputed);
    assert.equal(order.dispute?.stage, "arbitrating");
    assert.equal(order.dispute?.responderFee, FEE);
    assert.equal(order.dispute?.disputeId, disputeId);
    const created = await market.publicClient.readContract({
      address: arbitrator.address,
      abi: testArbitratorAbi,
      functionName: "disputeData",
      args: [disputeId],
    });
    assert.equal(created.feesPaid, FEE);
  });

  test("pays what the arbitrator charges now", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.buyer, { orderId });
    const hash = await market.wallets.deployer.writeContract({
      address: arbitrator.address,
      abi: testArbitratorAbi,
      functionName: "setFee",
      args: [FEE * 2n],
    });
    await market.publicClient.waitForTransactionReceipt({ hash });
    const { fee } = await payArbitrationFee(market.seller, { orderId });
    assert.equal(fee, FEE * 2n);
  });

  test("refuses the party who opened the dispute", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.buyer, { orderId });
    const buyer = market.buyer.walletClient.account.address;
    await assert.rejects(payArbitrationFee(market.buyer, { orderId }), {
      errorName: "AlreadyPaidFee",
      shortMessage:
        `${buyer} opened the dispute on order ${orderId} and paid its fee already; ` +
        "the other party pays the second fee.",
    });
  });

  test("refuses a fee after the deadline", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { feeDeadline } = await dispute(market.buyer, { orderId });
    await market.travel(7 * DAY);
    await assert.rejects(payArbitrationFee(market.seller, { orderId }), {
      errorName: "FeeWindowClosed",
      shortMessage:
        `The time to pay the arbitration fee on order ${orderId} ended at ` +
        `${new Date(feeDeadline * 1000).toISOString()}; the party who opened the dispute wins by default.`,
    });
  });

  test("says when there is no dispute to pay for", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(payArbitrationFee(market.seller, { orderId }), {
      errorName: "NoOpenDispute",
      shortMessage: `Order ${orderId} has no dispute waiting for a fee or at the arbitrator.`,
    });
  });
});
