import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { ContractRevertError } from "../errors/contract.ts";
import { getListing } from "../readers/getListing.ts";
import { OrderState } from "../types.ts";
import { buy } from "./buy.ts";
import { cancel } from "./cancel.ts";
import { ship } from "./ship.ts";

const DAY = 86_400;

describe("cancel", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("says until when the seller may ship when the buyer cancels too early", async () => {
    const listing = await market.list();
    const { orderId, order } = await buy(market.buyer, { listing, escrowed: true });
    const deadline = new Date((order.paidAt + 3 * DAY) * 1000).toISOString();
    await assert.rejects(cancel(market.buyer, { orderId }), (error: unknown) => {
      assert.ok(error instanceof ContractRevertError);
      assert.equal(error.errorName, "ShipWindowOpen");
      assert.equal(
        error.shortMessage,
        `The seller can still ship order ${orderId} until ${deadline}; you can cancel after that.`,
      );
      assert.deepEqual(error.args, { orderId, shipDeadline: BigInt(order.paidAt + 3 * DAY) });
      assert.match(error.message, /Details: ShipWindowOpen\(orderId: \d+, shipDeadline: \d+\)/);
      return true;
    });
  });

  test("returns the payment and the stock once the ship window has passed", async () => {
    const listing = await market.list({ price: parseEther("0.05"), stock: 4 });
    const buyer = market.buyer.walletClient.account.address;
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await market.travel(3 * DAY);
    const before = await market.balance(buyer);
    const { order, receipt } = await cancel(market.buyer, { orderId });
    assert.equal(order.state, OrderState.Cancelled);
    const gas = receipt.gasUsed * receipt.effectiveGasPrice;
    assert.equal(await market.balance(buyer), before + parseEther("0.05") - gas);
    assert.equal((await getListing(market.buyer, { listing })).stock, 4n);
  });

  test("refuses a shipped order", async () => {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });
    await market.travel(3 * DAY);
    await assert.rejects(cancel(market.buyer, { orderId }), {
      errorName: "WrongOrderState",
      shortMessage: `Order ${orderId} is Shipped; this action needs another state.`,
    });
  });
});
