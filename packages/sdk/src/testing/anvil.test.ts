import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, test } from "node:test";
import { bytesToHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { anvilAccounts, anvilBinary, startAnvil } from "./anvil.ts";

async function rpc(url: string, method: string, params: unknown[] = []) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

describe("startAnvil", () => {
  test("finds the anvil binary that npm installed", () => {
    assert.ok(existsSync(anvilBinary()));
  });

  test("starts anvils side by side on free ports, with the funded development accounts", async () => {
    const [a, b] = await Promise.all([startAnvil(), startAnvil({ chainId: 1337 })]);
    try {
      assert.notEqual(a.port, b.port);
      assert.equal(a.rpcUrl, `http://127.0.0.1:${a.port}`);
      assert.equal(await rpc(a.rpcUrl, "eth_chainId"), "0x7a69");
      assert.equal(b.chainId, 1337);
      assert.equal(await rpc(b.rpcUrl, "eth_chainId"), "0x539");
      const accounts = (await rpc(a.rpcUrl, "eth_accounts")) as string[];
      assert.deepEqual(
        accounts,
        a.accounts.map((account) => account.address.toLowerCase()),
      );
      const balance = await rpc(a.rpcUrl, "eth_getBalance", [a.accounts[9]?.address, "latest"]);
      assert.equal(BigInt(balance as string), 10_000n * 10n ** 18n);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  test("stops anvil for good, and a second stop is harmless", async () => {
    const anvil = await startAnvil();
    await anvil.stop();
    await anvil.stop();
    await assert.rejects(fetch(anvil.rpcUrl, { method: "POST", body: "{}" }));
  });

  test("says clearly when the binary is missing", async () => {
    await assert.rejects(startAnvil({ binary: "/nonexistent/anvil" }), {
      shortMessage: "anvil was not found at /nonexistent/anvil.",
    });
  });

  test("the development keys are those of anvil's mnemonic", () => {
    const mnemonic = "test test test test test test test test test test test junk";
    for (const [addressIndex, account] of anvilAccounts.entries()) {
      const derived = mnemonicToAccount(mnemonic, { addressIndex });
      assert.equal(derived.address, account.address);
      const key = derived.getHdKey().privateKey;
      assert.ok(key);
      assert.equal(bytesToHex(key), account.privateKey);
    }
  });
});
