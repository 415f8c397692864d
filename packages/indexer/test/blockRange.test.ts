import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AdaptiveRange } from "../src/sync/blockRange.ts";
import { ProviderError, toProviderError } from "../src/sync/rpcErrors.ts";

const limits = { maxLogs: 1000, maxBytes: 1_000_000, maxBlocks: 10_000, initialBlocks: 100 };

describe("adaptive block ranges", () => {
  test("grow at most twofold while responses are sparse, up to the maximum", () => {
    const range = new AdaptiveRange(limits);
    range.succeeded(100, 0, 0);
    assert.equal(range.size, 200);
    for (let i = 0; i < 20; i++) range.succeeded(range.size, 1, 500);
    assert.equal(range.size, 10_000);
  });

  test("shrink straight to the density's size when a response nears the log limit", () => {
    const range = new AdaptiveRange(limits);
    range.succeeded(100, 4000, 0);
    // 4000 logs in 100 blocks: half the limit (500 logs) fits in 12 blocks.
    assert.equal(range.size, 12);
  });

  test("shrink when a response nears the byte limit even with few logs", () => {
    const range = new AdaptiveRange(limits);
    range.succeeded(100, 10, 900_000);
    assert.ok(range.size <= 50);
  });

  test("take the provider's suggested range, or halve on other errors", () => {
    const range = new AdaptiveRange(limits);
    const suggested = toProviderError(
      new Error("query returned more than 10000 results. Try with this block range [0x64, 0x6e]."),
      "eth_getLogs",
    );
    assert.equal(suggested.suggestedTo, 0x6en);
    assert.ok(suggested.rangeLimit);
    range.failed(suggested, 100n, 100);
    assert.equal(range.size, 11);
    range.failed(new ProviderError("timeout"), 100n, 11);
    assert.equal(range.size, 5);
  });

  test("size a retry from a body-too-large error's measured size", () => {
    const range = new AdaptiveRange(limits);
    const tooLarge = Object.assign(new Error("HTTP response body exceeded the size limit."), {
      size: 40_000_000,
      maxSize: 10_000_000,
    });
    range.failed(toProviderError(tooLarge, "eth_getLogs"), 0n, 100);
    assert.equal(range.size, 12);
  });

  test("never ends a range past its limit or below one block", () => {
    const range = new AdaptiveRange(limits);
    assert.equal(range.end(5n, 7n), 7n);
    for (let i = 0; i < 20; i++) range.failed(new ProviderError("down"), 0n, range.size);
    assert.equal(range.size, 1);
    assert.equal(range.end(5n, 7n), 5n);
  });
});
