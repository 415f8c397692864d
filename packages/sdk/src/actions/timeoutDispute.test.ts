import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { useTestArbitrator } from "../../test/arbitrator.ts";
import { type Market, startMarket } from "../../test/market.ts";
import { getOrder } from "../readers/getOrder.ts";
import { Ruling } from "../rulings.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { dispute } from "./dispute.ts";
import { timeoutDispute } from "./timeoutDispute.ts";

const DAY = 86_400;
const FEE = parseEther("0.01");
const PRICE = parseEther("0.05");

describe("timeoutDispute", () => {
  let market: Market;

  before(async () => {
    market = await startMarket();
    await useTestArbitrator(market, FEE);
  });
  after(() => market.stop());

  test("after the fee window the opener wins by default, with its fee back", async () => {
    const listing = await market.list();
    const seller = market.seller.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.seller, { orderId });
    await market.travel(7 * DAY);
    const before = await market.balance(seller);
    const { order } = await timeoutDispute(market.stranger, { orderId });
    assert.equal(order.state, OrderState.Resolved);
    assert.equal(order.dispute?.stage, "timedOut");
    assert.deepEqual(order.resolution, { ruling: Ruling.Release, buyerAmount: 0n, sellerAmount: PRICE });
    assert.deepEqual(order.dispute?.feesRefunded, { toBuyer: 0n, toSeller: FEE });
    assert.equal(await market.balance(seller), before + PRICE + FEE);
    assert.deepEqual(await getOrder(market.buyer, { orderId }), order);
  });

  test("waits for the fee window to end", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const { feeDeadline } = await dispute(market.buyer, { orderId });
    await assert.rejects(timeoutDispute(market.stranger, { orderId }), {
      errorName: "FeeWindowOpen",
      shortMessage:
        `The other party can still pay its arbitration fee on order ${orderId} until ` +
        `${new Date(feeDeadline * 1000).toISOString()}; the dispute can be timed out after that.`,
    });
  });
});
