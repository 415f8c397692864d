import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther, zeroAddress } from "viem";
import { buy } from "../src/actions/buy.ts";
import { createListing } from "../src/actions/createListing.ts";
import type { ProposalCall } from "../src/actions/dao/proposal.ts";
import { approveBond } from "../src/actions/policy/approveBond.ts";
import { checkPurchase } from "../src/actions/policy/checkPurchase.ts";
import { getCategoryRule } from "../src/actions/policy/getCategoryRule.ts";
import {
  type CategoryRule,
  setCategoryRuleCall,
  setPriceCeilingCall,
} from "../src/actions/policy/policyCalls.ts";
import { lanternTokenAbi } from "../src/generated/abis.ts";
import { type Market, METADATA_CID, startMarket, TITLE } from "./market.ts";

// The market keeps its admin (test/market.ts), so the deployer makes the calls a proposal would make;
// test/governance.test.ts runs a whole proposal.
describe("policy through the SDK", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market?.stop());

  async function enact(call: ProposalCall) {
    const hash = await market.wallets.deployer.sendTransaction({ to: call.target, data: call.data });
    const receipt = await market.publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, "success");
  }
  const rule = (r: Partial<CategoryRule>): CategoryRule => ({
    allowed: true,
    escrowRequired: false,
    bond: 0n,
    ...r,
  });
  const listIn = (category: string, price = parseEther("0.05")) =>
    createListing(market.seller, {
      price,
      stock: 5,
      metadataCid: METADATA_CID,
      title: TITLE,
      category,
      location: "Austin, TX",
      currency: zeroAddress,
    });

  test("a banned category is refused at creation, in words", async () => {
    await enact(setCategoryRuleCall(market.deployment, "weapons", rule({ allowed: false })));
    await assert.rejects(listIn("weapons"), {
      errorName: "CategoryNotAllowed",
      shortMessage: 'The DAO does not allow new listings in the category "weapons".',
    });
  });

  test("a ceiling is checked at creation", async () => {
    await enact(setPriceCeilingCall(market.deployment, "tickets", zeroAddress, parseEther("0.01")));
    await assert.rejects(listIn("tickets"), {
      errorName: "PriceAboveCeiling",
      shortMessage:
        /above the DAO's ceiling of 10000000000000000 \(smallest units\) for "tickets" in the native coin\.$/,
    });
    const read = await getCategoryRule(market.seller, { category: "tickets", currency: zeroAddress });
    assert.equal(read.ceiling, parseEther("0.01"));
    assert.equal(read.allowed, true);
  });

  test("a bonded category takes the bond in the DAO token once approved", async () => {
    const bond = parseEther("50");
    const token = market.deployment.contracts.LanternToken;
    assert.ok(token);
    await enact(setCategoryRuleCall(market.deployment, "cars", rule({ bond })));
    const seller = market.seller.walletClient.account.address;
    const send = await market.wallets.deployer.writeContract({
      address: token,
      abi: lanternTokenAbi,
      functionName: "transfer",
      args: [seller, bond],
    });
    await market.publicClient.waitForTransactionReceipt({ hash: send });
    await assert.rejects(listIn("cars"), { errorName: "ERC20InsufficientAllowance" });
    assert.equal((await approveBond(market.seller, { category: "cars" })).bond, bond);
    await listIn("cars");
    const balance = await market.publicClient.readContract({
      address: token,
      abi: lanternTokenAbi,
      functionName: "balanceOf",
      args: [seller],
    });
    assert.equal(balance, 0n);
  });

  test("a ceiling lowered after creation refuses the purchase, explained before and after sending", async () => {
    const { listing } = await listIn("lenses", parseEther("0.05"));
    assert.deepEqual(await checkPurchase(market.buyer, { listing, escrowed: false }), {
      allowed: true,
      rule: { banned: false, escrowRequired: false, ceiling: 0n },
    });
    await enact(setPriceCeilingCall(market.deployment, "lenses", zeroAddress, parseEther("0.02")));
    const check = await checkPurchase(market.buyer, { listing, escrowed: true });
    assert.equal(check.allowed, false);
    assert.equal(check.allowed === false && check.errorName, "UnitPriceAboveCeiling");
    const message = `${listing} costs 0.05 ETH per item, above the DAO's ceiling of 0.02 ETH for its category; it cannot be bought at this price.`;
    assert.equal(check.allowed === false && check.message, message);
    await assert.rejects(buy(market.buyer, { listing, escrowed: true }), {
      errorName: "UnitPriceAboveCeiling",
      shortMessage: message,
    });
  });

  test("an escrow-only category refuses a direct purchase and takes an escrowed one", async () => {
    const { listing } = await listIn("watches");
    await enact(setCategoryRuleCall(market.deployment, "watches", rule({ escrowRequired: true })));
    const check = await checkPurchase(market.buyer, { listing, escrowed: false });
    assert.equal(check.allowed === false && check.errorName, "EscrowRequired");
    await assert.rejects(buy(market.buyer, { listing, escrowed: false }), {
      errorName: "EscrowRequired",
      shortMessage: `The DAO requires escrow for the category of ${listing}; buy it with escrow, not directly.`,
    });
    assert.equal((await checkPurchase(market.buyer, { listing, escrowed: true })).allowed, true);
    const { order } = await buy(market.buyer, { listing, escrowed: true });
    assert.equal(order.escrowed, true);
  });

  test("a category banned after creation cannot be bought until the ban is lifted", async () => {
    const { listing } = await listIn("fireworks");
    await enact(setCategoryRuleCall(market.deployment, "fireworks", rule({ allowed: false })));
    assert.equal((await checkPurchase(market.buyer, { listing, escrowed: true })).allowed, false);
    await assert.rejects(buy(market.buyer, { listing, escrowed: false }), {
      errorName: "CategoryBanned",
      shortMessage: `The DAO has banned the category of ${listing} since it was listed; it can no longer be bought.`,
    });
    await enact(setCategoryRuleCall(market.deployment, "fireworks", rule({})));
    await buy(market.buyer, { listing, escrowed: false });
  });
});
