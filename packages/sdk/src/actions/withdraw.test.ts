import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { getOwed } from "../readers/getOwed.ts";
import { buy } from "./buy.ts";
import { withdraw } from "./withdraw.ts";

describe("withdraw", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("collects a payment the escrow could not push to the seller", async () => {
    const listing = await market.list({ price: parseEther("0.05") });
    const seller = market.seller.walletClient.account.address;
    // The seller's address rejects the native coin for a while (code that always reverts), so the direct
    // payment is credited instead of pushed.
    await market.testClient.setCode({ address: seller, bytecode: "0x5f5ffd" });
    await buy(market.buyer, { listing, escrowed: false });
    await market.testClient.setCode({ address: seller, bytecode: "0x" });
    assert.equal(await getOwed(market.seller, { account: seller }), parseEther("0.05"));

    const before = await market.balance(seller);
    const { amount, receipt } = await withdraw(market.seller);
    assert.equal(amount, parseEther("0.05"));
    const gas = receipt.gasUsed * receipt.effectiveGasPrice;
    assert.equal(await market.balance(seller), before + amount - gas);
    assert.equal(await getOwed(market.seller, { account: seller }), 0n);
  });

  test("says when nothing is owed", async () => {
    const account = market.stranger.walletClient.account.address;
    await assert.rejects(withdraw(market.stranger, { currency: market.token }), {
      errorName: "NothingToWithdraw",
      shortMessage: `Nothing is owed to ${account} in token ${market.token}.`,
    });
  });
});
