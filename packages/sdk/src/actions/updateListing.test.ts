import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { getListing } from "../readers/getListing.ts";
import { ListingStatus } from "../types.ts";
import { buy } from "./buy.ts";
import { updateListing } from "./updateListing.ts";

describe("updateListing", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("sets a new price and a new stock", async () => {
    const listing = await market.list();
    await updateListing(market.seller, { listing, type: "setPrice", price: parseEther("0.07") });
    await updateListing(market.seller, { listing, type: "setStock", stock: 42 });
    const view = await getListing(market.seller, { listing });
    assert.equal(view.price, parseEther("0.07"));
    assert.equal(view.stock, 42n);
  });

  test("pauses sales until resumed", async () => {
    const listing = await market.list();
    await updateListing(market.seller, { listing, type: "pause" });
    assert.equal((await getListing(market.seller, { listing })).status, ListingStatus.Paused);
    await assert.rejects(buy(market.buyer, { listing, escrowed: true }), {
      errorName: "ListingNotActive",
      shortMessage: "The listing is Paused, so it cannot be bought or changed this way.",
    });
    await updateListing(market.seller, { listing, type: "resume" });
    const { order } = await buy(market.buyer, { listing, escrowed: true });
    assert.equal(order.quantity, 1);
  });

  test("closes a listing for good", async () => {
    const listing = await market.list();
    await updateListing(market.seller, { listing, type: "close" });
    assert.equal((await getListing(market.seller, { listing })).status, ListingStatus.Closed);
    await assert.rejects(updateListing(market.seller, { listing, type: "setPrice", price: 1n }), {
      errorName: "ListingFinal",
      shortMessage: "The listing is Closed for good and cannot be changed.",
    });
  });

  test("refuses anyone but the seller", async () => {
    const listing = await market.list();
    const stranger = market.stranger.walletClient.account.address;
    await assert.rejects(updateListing(market.stranger, { listing, type: "setStock", stock: 0 }), {
      errorName: "NotSeller",
      shortMessage: `Only the listing's seller may do this; ${stranger} is not the seller.`,
    });
  });

  test("refuses a price of zero", async () => {
    const listing = await market.list();
    await assert.rejects(updateListing(market.seller, { listing, type: "setPrice", price: 0n }), {
      errorName: "ZeroPrice",
      shortMessage: "A price must be above zero.",
    });
  });
});
