import assert from "node:assert/strict";
import { test } from "node:test";
import { buyerShareOf, RULING_CHOICES, Ruling, splitRuling } from "./rulings.ts";

test("rulings map to the buyer's share as the escrow reads them", () => {
  assert.equal(buyerShareOf(Ruling.Refused), 5_000n);
  assert.equal(buyerShareOf(Ruling.Refund), 10_000n);
  assert.equal(buyerShareOf(Ruling.Release), 0n);
  assert.equal(buyerShareOf(splitRuling(3_000)), 3_000n);
  assert.equal(splitRuling(10_000), RULING_CHOICES);
  assert.throws(() => splitRuling(10_001), RangeError);
  assert.throws(() => buyerShareOf(RULING_CHOICES + 1n), RangeError);
});
