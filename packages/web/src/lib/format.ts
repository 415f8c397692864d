import type { ReadContext } from "@lantern/sdk";
import { NATIVE_CURRENCY } from "@lantern/sdk";
import { type Address, erc20Abi, formatUnits } from "viem";

export interface Currency {
  address: Address;
  symbol: string;
  decimals: number;
}

export const NATIVE: Currency = { address: NATIVE_CURRENCY, symbol: "ETH", decimals: 18 };

/** The symbol and decimals of a listing's currency: the native coin, or read from the token. */
export async function readCurrency(read: ReadContext, address: Address): Promise<Currency> {
  if (address.toLowerCase() === NATIVE_CURRENCY.toLowerCase()) return NATIVE;
  const [symbol, decimals] = await Promise.all([
    read.publicClient.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
    read.publicClient.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
  ]);
  return { address, symbol, decimals };
}

/** "1.5 ETH": trailing zeros trimmed, never in exponent notation. */
export function formatAmount(amount: bigint, currency: Currency): string {
  return `${formatUnits(amount, currency.decimals)} ${currency.symbol}`;
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** "14 days", "2 days 6 hours", "90 minutes": a window or delay given in seconds. */
export function formatDuration(seconds: number | bigint): string {
  const s = Number(seconds);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (s % 86_400 === 0 && s > 0) return plural(s / 86_400, "day");
  if (s >= 86_400)
    return `${plural(Math.floor(s / 86_400), "day")} ${plural(Math.floor((s % 86_400) / 3_600), "hour")}`;
  if (s % 3_600 === 0 && s > 0) return plural(s / 3_600, "hour");
  if (s >= 60) return plural(Math.round(s / 60), "minute");
  return plural(s, "second");
}
