import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Abi, type AbiParameter, parseEther, toFunctionSelector, zeroAddress } from "viem";
import { formatAbiItem } from "viem/utils";
import * as generated from "../generated/abis.ts";
import { OrderState } from "../types.ts";
import { revertMessage, revertMessages } from "./messages.ts";

/** Test fixtures whose errors never reach a user through Lantern's contracts. */
const notLantern = new Set(["testArbitratorAbi"]);

function sample(parameter: AbiParameter): unknown {
  if (parameter.type === "address") return "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  if (parameter.type === "string") return "title";
  if (parameter.type === "bool") return true;
  if (parameter.type.startsWith("bytes")) return `0x${"ab".repeat(32)}`;
  if (parameter.type === "uint8") return 3;
  if (parameter.type.startsWith("uint") || parameter.type.startsWith("int")) return 4n;
  throw new Error(`no sample for ${parameter.type}`);
}

describe("revert messages", () => {
  const errors = Object.entries(generated)
    .filter(([name]) => !notLantern.has(name))
    .flatMap(([abiName, abi]) =>
      (abi as Abi).flatMap((item) => (item.type === "error" ? [{ abiName, error: item }] : [])),
    );

  test("the generated ABIs declare errors", () => {
    assert.ok(errors.length > 40, `only ${errors.length} errors found`);
  });

  for (const { abiName, error } of errors) {
    test(`${abiName} ${error.name} has a readable message`, () => {
      assert.ok(
        error.name in revertMessages,
        `no message for ${error.name} (${abiName}); add one in messages.ts`,
      );
      const args = Object.fromEntries(
        error.inputs.map((input, i) => [input.name || String(i), sample(input)]),
      );
      const message = revertMessage(error.name, args);
      assert.match(message, /^[A-Z0-9"].*[.]$/s, message);
      assert.doesNotMatch(message, /undefined|NaN|\[object/, message);
    });
  }

  test("name the order's state", () => {
    assert.equal(
      revertMessage("WrongOrderState", { orderId: 4n, state: OrderState.Completed }),
      "Order 4 is Completed; this action needs another state.",
    );
  });

  test("give deadlines as ISO dates", () => {
    assert.equal(
      revertMessage("ShipWindowOpen", { orderId: 4n, shipDeadline: 1_700_000_000n }),
      "The seller can still ship order 4 until 2023-11-14T22:13:20.000Z; you can cancel after that.",
    );
  });

  test("format amounts in the listing's currency when told how", () => {
    const formatAmount = (amount: bigint) => `${amount / 10n ** 18n} DAI`;
    assert.equal(
      revertMessage("PriceMismatch", { agreed: parseEther("5"), actual: parseEther("6") }, { formatAmount }),
      "The price changed: you agreed to pay 5 DAI but it now costs 6 DAI.",
    );
    assert.equal(
      revertMessage("PriceMismatch", { agreed: 5n, actual: 6n }),
      "The price changed: you agreed to pay 5 (smallest units) but it now costs 6 (smallest units).",
    );
  });

  test("format native payments in ether", () => {
    assert.equal(
      revertMessage("WrongPayment", { expected: parseEther("0.01"), sent: 0n }, { nativeSymbol: "MATIC" }),
      "The payment must be 0.01 MATIC, but 0 MATIC was sent.",
    );
  });

  test("tell the escrow's and the listing's NotSeller apart", () => {
    assert.match(revertMessage("NotSeller", { orderId: 2n, caller: zeroAddress }), /seller of order 2/);
    assert.match(revertMessage("NotSeller", { caller: zeroAddress }), /listing's seller/);
  });

  test("explain Solidity's built-in errors and unknown names", () => {
    assert.equal(revertMessage("Error", { message: "nope" }), "The contract reverted: nope.");
    assert.equal(
      revertMessage("Panic", { reason: 0x11n }),
      "The contract panicked with code 0x11 (an arithmetic operation overflowed).",
    );
    assert.equal(revertMessage("Mystery", {}), "The contract reverted with Mystery.");
  });
});

describe("error selectors", () => {
  test("no two Lantern errors share a selector with different argument names", () => {
    const bySelector = new Map<string, string>();
    for (const [abiName, abi] of Object.entries(generated)) {
      if (notLantern.has(abiName)) continue;
      for (const item of abi as Abi) {
        if (item.type !== "error") continue;
        const selector = toFunctionSelector(formatAbiItem(item));
        const named = `${item.name}(${item.inputs.map((i) => `${i.type} ${i.name}`).join(",")})`;
        const seen = bySelector.get(selector);
        assert.ok(seen === undefined || seen === named, `${named} (${abiName}) collides with ${seen}`);
        bySelector.set(selector, named);
      }
    }
  });
});
