import { listingFactoryAbi, type ReadContext } from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useApp } from "./app.tsx";
import { type Currency, NATIVE, readCurrency } from "./format.ts";

/**
 * What a listing can be priced in: the native coin, and the ERC-20 tokens the DAO approved, as the
 * factory's `CurrencyApproved` events leave them (the latest event per token wins).
 */
export async function readCurrencies(read: ReadContext): Promise<Currency[]> {
  const events = await read.publicClient.getContractEvents({
    address: read.deployment.contracts.ListingFactory,
    abi: listingFactoryAbi,
    eventName: "CurrencyApproved",
    fromBlock: read.deployment.deploymentBlock,
    toBlock: "latest",
    strict: true,
  });
  const approved = new Map<string, boolean>();
  for (const log of events) approved.set(log.args.currency.toLowerCase(), log.args.approved);
  const tokens = [...approved.entries()]
    .filter(([address, ok]) => ok && !/^0x0{40}$/.test(address))
    .map(([address]) => address as Address);
  return [NATIVE, ...(await Promise.all(tokens.map((token) => readCurrency(read, token))))];
}

export function useCurrencies() {
  const { read } = useApp();
  return useQuery({ queryKey: ["currencies"], queryFn: () => readCurrencies(read), staleTime: 60_000 });
}
