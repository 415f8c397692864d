import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEventLogs } from "viem";
import { buy } from "../src/actions/buy.ts";
import { confirm } from "../src/actions/confirm.ts";
import { answerReview } from "../src/actions/reviews/answerReview.ts";
import { createReview } from "../src/actions/reviews/createReview.ts";
import { getReviewStatus } from "../src/actions/reviews/getReviewStatus.ts";
import { cidOfBytes, digestFromCid } from "../src/content/cid.ts";
import { reviewsAbi } from "../src/generated/abis.ts";
import { type Market, startMarket } from "./market.ts";

const digest = (text: string) => digestFromCid(cidOfBytes(new TextEncoder().encode(text)));

describe("reviews through the SDK", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market?.stop());

  async function completedOrder() {
    const listing = await market.list();
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await confirm(market.buyer, { orderId });
    return { listing, orderId };
  }

  test("the buyer reviews a completed order once and the seller answers once", async () => {
    const { listing, orderId } = await completedOrder();
    const text = digest("Exactly as described.");
    const { receipt } = await createReview(market.buyer, { orderId, rating: 5, textDigest: text });
    const [created] = parseEventLogs({ abi: reviewsAbi, logs: receipt.logs, eventName: "ReviewCreated" });
    assert.equal(created?.args.rating, 5);
    assert.equal(created?.args.listing, listing);
    assert.equal(created?.args.seller, market.seller.walletClient.account.address);
    assert.equal(created?.args.textDigest, text);

    await assert.rejects(createReview(market.buyer, { orderId, rating: 4 }), {
      errorName: "AlreadyReviewed",
      shortMessage: `Order ${orderId} has been reviewed already; a buyer reviews an order once.`,
    });
    await answerReview(market.seller, { orderId, textDigest: digest("Thank you!") });
    assert.deepEqual(await getReviewStatus(market.buyer, { orderId }), { reviewed: true, answered: true });
    await assert.rejects(answerReview(market.seller, { orderId, textDigest: digest("Again") }), {
      errorName: "AlreadyAnswered",
    });
  });

  test("nobody else reviews, and an open order cannot be reviewed", async () => {
    const { orderId } = await completedOrder();
    const stranger = market.stranger.walletClient.account.address;
    await assert.rejects(createReview(market.stranger, { orderId, rating: 1 }), {
      errorName: "NotBuyer",
      shortMessage: `Only the buyer of order ${orderId} may do this; ${stranger} is not the buyer.`,
    });
    const listing = await market.list();
    const open = await buy(market.buyer, { listing, escrowed: true });
    await assert.rejects(createReview(market.buyer, { orderId: open.orderId, rating: 5 }), {
      errorName: "WrongOrderState",
      shortMessage: `Order ${open.orderId} is Paid; this action needs another state.`,
    });
  });

  test("a rating outside 1 to 5 is refused before any transaction", async () => {
    const { orderId } = await completedOrder();
    await assert.rejects(createReview(market.buyer, { orderId, rating: 6 }), {
      name: "ValidationError",
      message: /A rating is a whole number from 1 to 5, not 6\./,
    });
  });
});
