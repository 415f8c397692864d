import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { zeroHash } from "viem";
import { type Market, startMarket } from "../../test/market.ts";
import { generateEncryptionKey } from "../crypto/shipping.ts";
import { getPublishedKey } from "../readers/getPublishedKey.ts";
import { publishKey } from "./publishKey.ts";

describe("publishKey", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("publishes and replaces the seller's encryption key", async () => {
    const account = market.seller.walletClient.account.address;
    assert.equal(await getPublishedKey(market.buyer, { account }), undefined);
    const first = generateEncryptionKey();
    await publishKey(market.seller, { publicKey: first.publicKey });
    assert.equal(await getPublishedKey(market.buyer, { account }), first.publicKey);
    const second = generateEncryptionKey();
    await publishKey(market.seller, { publicKey: second.publicKey });
    assert.equal(await getPublishedKey(market.buyer, { account }), second.publicKey);
  });

  test("refuses a zero key", async () => {
    await assert.rejects(publishKey(market.seller, { publicKey: zeroHash }), {
      errorName: "ZeroKey",
      shortMessage: "A public key of zero is not a key.",
    });
  });
});
