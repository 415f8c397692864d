import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { LanternError } from "../errors/base.ts";
import { testTokenAbi } from "../generated/abis.ts";
import { getOrder } from "../readers/getOrder.ts";
import { OrderState } from "../types.ts";
import { buyWithPermit } from "./buyWithPermit.ts";

describe("buyWithPermit", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
    await market.mint(market.buyer.walletClient.account.address, parseEther("1000"));
  });
  after(() => market.stop());

  test("buys in a token in one transaction, with a signed permit instead of an approval", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("25") });
    const buyer = market.buyer.walletClient.account.address;
    const before = await market.publicClient.getTransactionCount({ address: buyer });
    const { order, receipt } = await buyWithPermit(market.buyer, { listing, quantity: 2, escrowed: true });
    assert.equal(await market.publicClient.getTransactionCount({ address: buyer }), before + 1);
    assert.equal(receipt.from.toLowerCase(), buyer.toLowerCase());
    assert.equal(order.state, OrderState.Paid);
    assert.equal(order.amount, parseEther("50"));
    assert.equal(await market.tokenBalance(market.deployment.contracts.Escrow), parseEther("50"));
    const nonce = await market.publicClient.readContract({
      address: market.token,
      abi: testTokenAbi,
      functionName: "nonces",
      args: [buyer],
    });
    assert.equal(nonce, 1n, "the permit was used");
    assert.deepEqual(await getOrder(market.buyer, { orderId: order.orderId }), order);
  });

  test("pays the seller at once for a direct purchase", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("25") });
    const seller = market.seller.walletClient.account.address;
    const before = await market.tokenBalance(seller);
    const { order } = await buyWithPermit(market.buyer, { listing, escrowed: false });
    assert.equal(order.state, OrderState.Completed);
    assert.equal(await market.tokenBalance(seller), before + parseEther("25"));
  });

  test("points to buy for a listing priced in the native coin", async () => {
    const listing = await market.list();
    await assert.rejects(buyWithPermit(market.buyer, { listing, escrowed: true }), (error: unknown) => {
      assert.ok(error instanceof LanternError);
      assert.match(error.shortMessage, /priced in the native coin; use buy instead/);
      return true;
    });
  });

  test("explains an expired permit", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("25") });
    await assert.rejects(buyWithPermit(market.buyer, { listing, escrowed: true, deadline: 1n }), {
      errorName: "PermitFailed",
      shortMessage: `The permit for token ${market.token} failed and gave the escrow no allowance.`,
    });
  });
});
