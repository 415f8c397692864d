import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MalformedResponseError } from "../src/sync/rpcErrors.ts";
import { toChainLogs } from "../src/sync/validate.ts";

const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const log = (block: number, index: number, extra: Record<string, unknown> = {}) => ({
  address: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  topics: [hash(1)],
  data: "0x",
  blockNumber: `0x${block.toString(16)}`,
  blockHash: hash(1000 + block),
  logIndex: `0x${index.toString(16)}`,
  transactionHash: hash(2000 + block),
  ...extra,
});

describe("checking eth_getLogs answers", () => {
  test("converts fields, lower-cases hex, and sorts logs a node returned out of order", () => {
    const logs = toChainLogs([log(6, 0), log(5, 1), log(5, 0)], 5n, 6n);
    assert.deepEqual(
      logs.map((l) => [l.blockNumber, l.logIndex]),
      [
        [5n, 0],
        [5n, 1],
        [6n, 0],
      ],
    );
    assert.equal(logs[0]?.address, "0x5fbdb2315678afecb367f032d93f642f64180aa3");
  });

  const refused: [string, unknown, RegExp][] = [
    ["a body that is not an array", { oops: true }, /did not return an array/],
    ["a missing block hash", [log(5, 0, { blockHash: undefined })], /malformed blockHash/],
    ["data that is not hex", [log(5, 0, { data: "0xzz" })], /malformed data/],
    ["a log outside the range asked for", [log(9, 0)], /block 9 came back for blocks 5\.\.6/],
    ["the same log twice", [log(5, 0), log(5, 0)], /came back twice/],
    ["two hashes for one block", [log(5, 0), log(5, 1, { blockHash: hash(7) })], /two block hashes/],
    ["a removed log", [log(5, 0, { removed: true })], /removed log/],
  ];
  for (const [what, body, message] of refused) {
    test(`refuses ${what} as a retryable fault`, () => {
      assert.throws(
        () => toChainLogs(body, 5n, 6n),
        (error: unknown) =>
          error instanceof MalformedResponseError && error.retryable && message.test(error.message),
      );
    });
  }
});
