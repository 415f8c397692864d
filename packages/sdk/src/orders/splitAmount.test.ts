import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { splitAmount } from "./splitAmount.ts";

describe("splitAmount", () => {
  test("rounds the buyer's share down, as the escrow pays it", () => {
    assert.deepEqual(splitAmount(10_001n, 0), { buyerAmount: 0n, sellerAmount: 10_001n });
    assert.deepEqual(splitAmount(10_001n, 1), { buyerAmount: 1n, sellerAmount: 10_000n });
    assert.deepEqual(splitAmount(10_001n, 5_000), { buyerAmount: 5_000n, sellerAmount: 5_001n });
    assert.deepEqual(splitAmount(10_001n, 9_999n), { buyerAmount: 9_999n, sellerAmount: 2n });
    assert.deepEqual(splitAmount(10_001n, 10_000), { buyerAmount: 10_001n, sellerAmount: 0n });
  });

  test("refuses what the escrow would refuse", () => {
    for (const bps of [-1, 10_001, 0.5, Number.NaN, 10_001n]) {
      assert.throws(() => splitAmount(1n, bps), { name: "ValidationError" });
    }
  });
});
