import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Market, startMarket } from "../../test/market.ts";
import { buy } from "../actions/buy.ts";
import { confirm } from "../actions/confirm.ts";
import { createListing } from "../actions/createListing.ts";
import { ship } from "../actions/ship.ts";
import { OrderState } from "../types.ts";
import { getOrder } from "./getOrder.ts";
import { getOrders } from "./getOrders.ts";

describe("getOrders", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("finds a buyer's and a seller's orders, each in its latest state", async () => {
    const first = await market.list();
    const second = await market.list();
    // Another seller's listing, bought by the same buyer.
    const { listing: other } = await createListing(market.stranger, {
      price: 1n,
      stock: 5,
      metadataCid: "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
      title: "Chair",
      category: "home",
    });
    const a = await buy(market.buyer, { listing: first, escrowed: true });
    const b = await buy(market.buyer, { listing: second, escrowed: false });
    const c = await buy(market.buyer, { listing: other, escrowed: true });
    const d = await buy(market.deployer, { listing: first, escrowed: true });
    await ship(market.seller, { orderId: a.orderId });
    await confirm(market.buyer, { orderId: a.orderId });

    const byBuyer = await getOrders(market.buyer, { buyer: market.buyer.walletClient.account.address });
    assert.deepEqual(
      byBuyer.map((o) => [o.orderId, o.state]),
      [
        [a.orderId, OrderState.Completed],
        [b.orderId, OrderState.Completed],
        [c.orderId, OrderState.Paid],
      ],
    );
    assert.deepEqual(byBuyer[0], await getOrder(market.buyer, { orderId: a.orderId }));

    const bySeller = await getOrders(market.seller, { seller: market.seller.walletClient.account.address });
    assert.deepEqual(
      bySeller.map((o) => o.orderId),
      [a.orderId, b.orderId, d.orderId],
    );
    assert.deepEqual(
      await getOrders(market.seller, { buyer: market.seller.walletClient.account.address }),
      [],
    );
  });
});
