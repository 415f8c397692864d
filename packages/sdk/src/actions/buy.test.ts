import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther, zeroHash } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { escrowAbi } from "../generated/abis.ts";
import { hashOrder } from "../orders/hashOrder.ts";
import { getListing } from "../readers/getListing.ts";
import { getOrder } from "../readers/getOrder.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { updateListing } from "./updateListing.ts";

describe("buy", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("buys directly in the native coin: the seller is paid at once", async () => {
    const listing = await market.list({ price: parseEther("0.05") });
    const seller = market.seller.walletClient.account.address;
    const before = await market.balance(seller);
    const { order, orderId } = await buy(market.buyer, { listing, quantity: 2, escrowed: false });
    assert.equal(await market.balance(seller), before + parseEther("0.1"));
    assert.equal(order.orderId, orderId);
    assert.equal(order.escrowed, false);
    assert.equal(order.state, OrderState.Completed);
    assert.equal(order.amount, parseEther("0.1"));
    assert.equal((await getListing(market.buyer, { listing })).sold, 2n);
  });

  test("buys in escrow in the native coin: the escrow holds the payment and stores the order's hash", async () => {
    const listing = await market.list({ price: parseEther("0.05") });
    const escrow = market.deployment.contracts.Escrow;
    const before = await market.balance(escrow);
    const digest = `0x${"ab".repeat(32)}` as const;
    const { order } = await buy(market.buyer, { listing, escrowed: true, shippingDigest: digest });
    assert.equal(await market.balance(escrow), before + parseEther("0.05"));
    assert.equal(order.state, OrderState.Paid);
    assert.equal(order.shippingDigest, digest);
    assert.equal(order.buyer, market.buyer.walletClient.account.address);
    assert.equal(order.seller, market.seller.walletClient.account.address);
    const stored = await market.publicClient.readContract({
      address: escrow,
      abi: escrowAbi,
      functionName: "orderHash",
      args: [order.orderId],
    });
    assert.equal(hashOrder(order), stored);
    assert.deepEqual(await getOrder(market.buyer, { orderId: order.orderId }), order);
  });

  test("approves the escrow first when buying in a token without allowance", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("25") });
    const buyer = market.buyer.walletClient.account.address;
    await market.mint(buyer, parseEther("100"));
    const first = await buy(market.buyer, { listing, quantity: 2, escrowed: true });
    assert.ok(first.approvalHash, "an approval was sent");
    assert.equal(first.order.amount, parseEther("50"));
    assert.equal(first.order.currency, market.token);
    assert.equal(await market.tokenBalance(market.deployment.contracts.Escrow), parseEther("50"));
    assert.equal(first.order.shippingDigest, zeroHash);
  });

  test("says the price changed when the agreed amount is stale", async () => {
    const listing = await market.list({ price: parseEther("0.05") });
    await updateListing(market.seller, { listing, type: "setPrice", price: parseEther("0.06") });
    await assert.rejects(buy(market.buyer, { listing, escrowed: true, amount: parseEther("0.05") }), {
      name: "ContractRevertError",
      errorName: "PriceMismatch",
      shortMessage: "The price changed: you agreed to pay 0.05 ETH but it now costs 0.06 ETH.",
    });
  });

  test("formats token amounts with the token's decimals and symbol", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("25") });
    await updateListing(market.seller, { listing, type: "setPrice", price: parseEther("30") });
    await market.mint(market.buyer.walletClient.account.address, parseEther("100"));
    await assert.rejects(buy(market.buyer, { listing, escrowed: false, amount: parseEther("25") }), {
      shortMessage: "The price changed: you agreed to pay 25 USD Test but it now costs 30 USD Test.",
    });
  });

  test("refuses a seller buying their own listing", async () => {
    const listing = await market.list();
    const seller = market.seller.walletClient.account.address;
    await assert.rejects(buy(market.seller, { listing, escrowed: false }), {
      errorName: "BuyerIsSeller",
      shortMessage: `${seller} is the listing's seller, and a seller cannot buy their own listing.`,
    });
  });

  test("says how many are left when asked for more than the stock", async () => {
    const listing = await market.list({ stock: 2 });
    await assert.rejects(buy(market.buyer, { listing, quantity: 3, escrowed: true }), {
      errorName: "InsufficientStock",
      shortMessage: "Only 2 left in stock; 3 were asked for.",
    });
  });
});
