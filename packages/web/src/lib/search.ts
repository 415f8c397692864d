import { useQuery } from "@tanstack/react-query";
import { formatUnits } from "viem";
import type { Params } from "./api.ts";
import { useApp } from "./app.tsx";
import { NATIVE } from "./format.ts";

/** One search hit as the API returns it. */
export interface ListingHit {
  address: `0x${string}`;
  title: string;
  category: string;
  price: string;
  currency: `0x${string}`;
  location?: string;
  seller?: string;
  stock?: string | number;
  image?: string;
  /** A record of the legacy marketplace's archive: no contract, nothing to buy, shown for reference. */
  archived?: { legacyId: string };
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  items: ListingHit[];
  facets: { categories: Facet[]; prices: Facet[] };
  next?: string;
  total?: number;
  /**
   * False when the API stopped counting at its cap: the total and every facet count are then lower
   * bounds ("2,000+"), counted over the first matches only.
   */
  totalExact?: boolean;
  /** Set when nothing matched as written and the results are for close words (a typo, a prefix). */
  expandedQuery?: string;
}

type Raw = Record<string, unknown>;

const list = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);

/** Reads the API's search answer into the shape the pages use (tolerating a missing facet or cursor). */
export function toSearchResult(body: Raw): SearchResult {
  const items = list(body.items ?? body.listings ?? body.results).map((raw): ListingHit => {
    const images = list(raw.images) as unknown as string[];
    return {
      address: (raw.address ?? raw.listing ?? "") as `0x${string}`,
      title: String(raw.title ?? ""),
      category: String(raw.category ?? ""),
      price: String(raw.price ?? "0"),
      currency: (raw.currency ?? "0x0000000000000000000000000000000000000000") as `0x${string}`,
      ...(raw.location ? { location: String(raw.location) } : {}),
      ...(raw.archived === true ? { archived: { legacyId: String(raw.legacyId ?? "") } } : {}),
      ...(raw.seller ? { seller: String(raw.seller) } : {}),
      ...(raw.stock !== undefined ? { stock: raw.stock as string | number } : {}),
      ...(typeof raw.cover === "string" ? { image: raw.cover } : images[0] ? { image: images[0] } : {}),
    };
  });
  const facets = (body.facets ?? {}) as Raw;
  const native = (f: Raw) => /^0x0{40}$/.test(String(f.currency ?? ""));
  const ether = (wei: unknown) => formatUnits(BigInt(String(wei ?? "0")), NATIVE.decimals);
  const total = body.total as { count?: unknown; exact?: unknown } | undefined;
  return {
    items,
    facets: {
      categories: list(facets.categories).map((f) => ({
        value: String(f.category),
        label: String(f.category),
        count: Number(f.count),
      })),
      // Buckets in the native coin read as amounts; token buckets would need each token's decimals.
      prices: list(facets.prices)
        .filter(native)
        .map((f) => ({
          // As filter values: the URL holds prices in ether, like the price inputs.
          value: `${ether(f.min)}-${ether(f.max)}`,
          // Buckets end one wei below the next one's start: "0.1 – 1", not "0.1 – 0.999…".
          label: `${ether(f.min)} – ${ether(BigInt(String(f.max)) + 1n)} ${NATIVE.symbol}`,
          count: Number(f.count),
        })),
    },
    ...(typeof body.nextCursor === "string" && body.nextCursor ? { next: body.nextCursor } : {}),
    ...(typeof total?.count === "number" ? { total: total.count, totalExact: total.exact !== false } : {}),
    ...(typeof body.expandedQuery === "string" ? { expandedQuery: body.expandedQuery } : {}),
  };
}

export function useSearch(params: Params) {
  const { api } = useApp();
  return useQuery({
    queryKey: ["search", params],
    queryFn: async ({ signal }) => toSearchResult(await api.get<Raw>("/listings", params, signal)),
    retry: false,
  });
}
