import type { FastifyRequest } from "fastify";
import { formatUnits } from "viem";

const NATIVE = `0x${"0".repeat(40)}`;

export interface CurrencyInfo {
  symbol: string;
  decimals: number;
}

export interface PagesOptions {
  /**
   * The public origin of this node (`https://market.example`), for canonical URLs, sitemaps and feeds.
   * Without it, the request's own Host is used: fine on one machine, but set it behind a CDN so that no
   * client can make a cached page name another host.
   */
  publicUrl?: string;
  siteName?: string;
  /** Symbols and decimals by token address (lower case); the native coin is ETH with 18 unless given. */
  currencies?: Record<string, CurrencyInfo>;
}

/** What every page needs to know about the node that renders it. */
export interface Site {
  name: string;
  publicUrl?: string;
  currencies: Record<string, CurrencyInfo>;
  /** The DApp's script and style tags from its built index.html: the same URL then runs the DApp. */
  appTags: string;
}

export function createSite(options: PagesOptions, appTags = ""): Site {
  const currencies: Record<string, CurrencyInfo> = { [NATIVE]: { symbol: "ETH", decimals: 18 } };
  for (const [address, info] of Object.entries(options.currencies ?? {}))
    currencies[address.toLowerCase()] = info;
  return {
    name: options.siteName ?? "Lantern",
    publicUrl: options.publicUrl?.replace(/\/+$/, ""),
    currencies,
    appTags,
  };
}

/** The absolute URL of `path` on this node. */
export function absoluteUrl(site: Site, request: FastifyRequest, path: string): string {
  if (site.publicUrl) return `${site.publicUrl}${path}`;
  const host = /^[a-z0-9.-]+(:\d{1,5})?$/i.test(request.host) ? request.host : "localhost";
  return `${request.protocol}://${host}${path}`;
}

/**
 * A price for people and for schema.org: decimal amount and currency code. A token this node has no
 * symbol for is shown in its smallest unit, named by its address.
 */
export function price(site: Site, amount: string, currency: string): { amount: string; code: string } {
  const info = site.currencies[currency.toLowerCase()];
  if (!info) return { amount, code: currency };
  return { amount: formatUnits(BigInt(amount), info.decimals), code: info.symbol };
}

export function formatPrice(site: Site, amount: string, currency: string): string {
  const p = price(site, amount, currency);
  return `${p.amount} ${p.code.startsWith("0x") ? `units of token ${p.code}` : p.code}`;
}

export function isoDate(unixSeconds: string | number): string {
  return new Date(Number(unixSeconds) * 1000).toISOString();
}

/** A path segment for a category (`electronics/cameras` keeps its slash: it is the category's path). */
export function categoryPath(category: string): string {
  return `/category/${category.split("/").map(encodeURIComponent).join("/")}`;
}
