import { type Address, formatEther, formatUnits, parseAbi, zeroAddress } from "viem";
import type { RevertMessageOptions } from "../errors/messages.ts";
import type { LanternPublicClient } from "../types.ts";

/** The parts of ERC-20, EIP-2612 and ERC-5267 the SDK calls on payment tokens. */
export const erc20PermitAbi = parseAbi([
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
  "function decimals() view returns (uint8)",
  "function symbol() view returns (string)",
  "function name() view returns (string)",
  "function version() view returns (string)",
  "function nonces(address owner) view returns (uint256)",
  "function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)",
]);

/** How amounts of `currency` read in error messages: with decimals and symbol when the token says them. */
export async function amountFormat(
  publicClient: LanternPublicClient,
  currency: Address,
): Promise<RevertMessageOptions> {
  const nativeSymbol = publicClient.chain?.nativeCurrency.symbol ?? "ETH";
  if (currency === zeroAddress) {
    return { nativeSymbol, formatAmount: (amount) => `${formatEther(amount)} ${nativeSymbol}` };
  }
  try {
    const [decimals, symbol] = await Promise.all([
      publicClient.readContract({ address: currency, abi: erc20PermitAbi, functionName: "decimals" }),
      publicClient.readContract({ address: currency, abi: erc20PermitAbi, functionName: "symbol" }),
    ]);
    return { nativeSymbol, formatAmount: (amount) => `${formatUnits(amount, decimals)} ${symbol}` };
  } catch {
    return { nativeSymbol };
  }
}
