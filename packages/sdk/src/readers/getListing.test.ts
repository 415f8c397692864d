import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Market, startMarket } from "../../test/market.ts";
import { buy } from "../actions/buy.ts";
import { LanternError } from "../errors/base.ts";
import { getListing } from "./getListing.ts";

describe("getListing", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("counts sales and stock as they change", async () => {
    const listing = await market.list({ stock: 3 });
    await buy(market.buyer, { listing, quantity: 2, escrowed: false });
    const view = await getListing(market.buyer, { listing });
    assert.equal(view.stock, 1n);
    assert.equal(view.sold, 2n);
    assert.equal(view.genuine, true);
  });

  test("says when an address is not a listing", async () => {
    const address = market.stranger.walletClient.account.address;
    await assert.rejects(getListing(market.buyer, { listing: address }), (error: unknown) => {
      assert.ok(error instanceof LanternError);
      assert.equal(error.shortMessage, `${address} is not a listing, or it cannot be read.`);
      return true;
    });
  });
});
