import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BaseError, encodeErrorResult, type Hex, parseEther } from "viem";
import { escrowAbi, fixedPriceListingAbi } from "../generated/abis.ts";
import { LanternError } from "./base.ts";
import { ContractRevertError, decodeRevert, lanternErrorAbi, toLanternError } from "./contract.ts";

const priceMismatch = encodeErrorResult({
  abi: escrowAbi,
  errorName: "PriceMismatch",
  args: [parseEther("1"), parseEther("2")],
});

describe("decodeRevert", () => {
  test("decodes an escrow error with its named arguments and a sentence", () => {
    const error = decodeRevert(priceMismatch);
    assert.ok(error instanceof ContractRevertError);
    assert.ok(error instanceof LanternError);
    assert.equal(error.name, "ContractRevertError");
    assert.equal(error.errorName, "PriceMismatch");
    assert.deepEqual(error.args, { agreed: parseEther("1"), actual: parseEther("2") });
    assert.equal(error.data, priceMismatch);
    assert.match(error.shortMessage, /^The price changed/);
    assert.equal(error.details, "PriceMismatch(agreed: 1000000000000000000, actual: 2000000000000000000)");
  });

  test("decodes a listing error that bubbled up through the escrow", () => {
    const data = encodeErrorResult({
      abi: fixedPriceListingAbi,
      errorName: "InsufficientStock",
      args: [3n, 1n],
    });
    assert.equal(decodeRevert(data)?.shortMessage, "Only 1 left in stock; 3 were asked for.");
  });

  test("decodes Error(string) and Panic(uint256)", () => {
    const reason = encodeErrorResult({
      abi: [{ type: "error", name: "Error", inputs: [{ name: "message", type: "string" }] }],
      errorName: "Error",
      args: ["boom"],
    });
    assert.equal(decodeRevert(reason)?.shortMessage, "The contract reverted: boom.");
    const panic = encodeErrorResult({
      abi: [{ type: "error", name: "Panic", inputs: [{ name: "reason", type: "uint256" }] }],
      errorName: "Panic",
      args: [0x12n],
    });
    assert.match(decodeRevert(panic)?.shortMessage ?? "", /division by zero/);
  });

  test("returns undefined for an unknown selector", () => {
    assert.equal(decodeRevert("0xdeadbeef"), undefined);
  });

  test("knows each error signature once", () => {
    const signatures = lanternErrorAbi.map((e) => `${e.name}(${e.inputs.map((i) => i.type).join(",")})`);
    assert.equal(new Set(signatures).size, signatures.length);
    assert.ok(signatures.includes("NotSeller(uint256,address)"));
    assert.ok(signatures.includes("NotSeller(address)"));
  });
});

describe("toLanternError", () => {
  test("finds the revert data deep in a viem error's causes", () => {
    const raw = new BaseError("execution reverted", {
      cause: Object.assign(new Error("rpc"), { data: priceMismatch }),
    });
    const wrapped = new BaseError("The contract function reverted", { cause: raw });
    const error = toLanternError(wrapped);
    assert.ok(error instanceof ContractRevertError);
    assert.equal(error.errorName, "PriceMismatch");
    assert.equal(error.cause, wrapped);
  });

  test("keeps viem's short message for other failures", () => {
    const error = toLanternError(new BaseError("Insufficient funds for gas", { details: "balance 0" }));
    assert.equal(error.shortMessage, "Insufficient funds for gas");
    assert.equal(error.constructor, LanternError);
  });

  test("says the selector of an unknown custom error", () => {
    const error = toLanternError(Object.assign(new Error("reverted"), { data: "0xdeadbeef00" as Hex }));
    assert.equal(error.shortMessage, "The contract reverted with unknown error 0xdeadbeef.");
  });

  test("returns a LanternError unchanged and wraps anything else", () => {
    const original = new LanternError("already");
    assert.equal(toLanternError(original), original);
    assert.equal(toLanternError("text").shortMessage, "text");
  });
});
