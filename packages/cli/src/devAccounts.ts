import { type Address, type Hex, toHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";

/** Anvil's well-known development mnemonic: public knowledge, for local chains only. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

export interface DevAccount {
  address: Address;
  privateKey: Hex;
}

/** The first `count` funded accounts of a local anvil chain. */
export function devAccounts(count = 10): DevAccount[] {
  return Array.from({ length: count }, (_, addressIndex) => {
    const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex });
    const key = account.getHdKey().privateKey;
    if (!key) throw new Error("HD key without private key");
    return { address: account.address, privateKey: toHex(key) };
  });
}
