import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type Anvil,
  deployArchive,
  type LanternPublicClient,
  type LanternWalletClient,
  startAnvil,
} from "@lantern/sdk";
import { type Address, createPublicClient, createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

export interface TestChain {
  anvil: Anvil;
  publicClient: LanternPublicClient;
  /** The archive's owner and first publisher (anvil account 0). */
  walletClient: LanternWalletClient;
  archive: Address;
  key: Hex;
  wallet(key: Hex): LanternWalletClient;
  stop(): Promise<void>;
}

/** A fresh anvil with an Archive whose owner and publisher is anvil's first account. */
export async function startChain(): Promise<TestChain> {
  const anvil = await startAnvil();
  const transport = http(anvil.rpcUrl);
  const publicClient = createPublicClient({
    chain: foundry,
    transport,
    pollingInterval: 50,
  }) as LanternPublicClient;
  const wallet = (key: Hex) =>
    createWalletClient({
      chain: foundry,
      transport,
      account: privateKeyToAccount(key),
    }) as LanternWalletClient;
  const key = anvil.accounts[0]?.privateKey as Hex;
  const walletClient = wallet(key);
  const { archive } = await deployArchive({
    walletClient,
    publicClient,
    publishers: [walletClient.account.address],
  });
  return { anvil, publicClient, walletClient, archive, key, wallet, stop: () => anvil.stop() };
}

/** A temporary directory, removed by `cleanup`. */
export function temporaryDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `lantern-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A 32-byte hex secret in a file, from a seed (tests need the same secret twice). */
export function secretFile(dir: string, seed: string): string {
  const file = path.join(dir, `secret-${seed}.hex`);
  writeFileSync(file, Buffer.from(seed.padEnd(32, "-")).toString("hex"));
  return file;
}

export const SECRET = new TextEncoder().encode(
  "a test secret of at least 32 bytes, never used for real data",
);
