import type { FastifyRequest } from "fastify";
import type { ApiDatabase } from "../database.ts";
import { type Html, html } from "./html.ts";
import { absoluteUrl, formatPrice, type Site } from "./site.ts";

/** A listing as search, category and seller pages list it (the API's listing summary JSON). */
export interface ListedItem {
  address: string;
  seller: string;
  title: string;
  category: string;
  location: string;
  currency: string;
  price: string;
  stock: string;
  status: string;
}

/** The items as links with price and state, and a schema.org ItemList of their pages. */
export function renderItems(
  site: Site,
  request: FastifyRequest,
  items: readonly ListedItem[],
): { list: Html; jsonLd: unknown } {
  return {
    list: html`<ul class="items">${items.map(
      (item) =>
        html`<li><a href="/listing/${item.address}">${item.title}</a> · <strong>${formatPrice(site, item.price, item.currency)}</strong> · ${item.status === "paused" ? "out of stock" : `${item.stock} in stock`} · <span class="muted">${item.category}, ${item.location}</span></li>`,
    )}</ul>`,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "ItemList",
      itemListElement: items.map((item, i) => ({
        "@type": "ListItem",
        position: i + 1,
        url: absoluteUrl(site, request, `/listing/${item.address}`),
        name: item.title,
      })),
    },
  };
}

/**
 * The last indexed block that changed any listing: the validator of pages that list many of them (an
 * index probe on listings_updated, not a scan).
 */
export async function lastListingBlock(db: ApiDatabase): Promise<string> {
  const [row] = await db.query<{ block: string }>(
    "SELECT coalesce(max(updated_block), 0)::text AS block FROM listings",
    [],
    "lantern_last_listing_block",
  );
  return row?.block ?? "0";
}
