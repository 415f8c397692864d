import { notFound } from "../errors.ts";
import { parse } from "../route.ts";
import { SEARCH_QUERY } from "../routes/listings.ts";
import { searchListings } from "../search/searchListings.ts";
import { html } from "./html.ts";
import { breadcrumbs, renderDocument } from "./layout.ts";
import { type ListedItem, lastListingBlock, renderItems } from "./listingList.ts";
import { categoryCrumbs } from "./listingPage.ts";
import type { PageRoute } from "./page.ts";
import { absoluteUrl, categoryPath } from "./site.ts";

const PAGE_SIZE = 24;

/** `/category/<category>[?cursor=]`: the newest active listings of a category and its subcategories. */
export const categoryPage: PageRoute = {
  url: "/category/*",
  async render(request, { db, site }) {
    const raw = (request.params as { "*": string })["*"];
    const cursor = (request.query as { cursor?: unknown }).cursor;
    // The API's own search validation: the same limits and the same 400s as GET /listings.
    const query = parse(
      SEARCH_QUERY,
      {
        category: raw,
        sort: "newest",
        limit: String(PAGE_SIZE),
        ...(cursor !== undefined ? { cursor } : {}),
      },
      "query",
    );
    const category = query.category as string;
    const [result, block] = await Promise.all([searchListings(db, query), lastListingBlock(db)]);
    const items = result.items as ListedItem[];
    if (items.length === 0 && !query.cursor) throw notFound(`The category ${category}`);
    const path = `${categoryPath(category)}${query.cursor ? `?cursor=${encodeURIComponent(query.cursor)}` : ""}`;
    const canonical = absoluteUrl(site, request, path);
    const next = result.nextCursor
      ? `${categoryPath(category)}?cursor=${encodeURIComponent(result.nextCursor)}`
      : undefined;
    const list = renderItems(site, request, items);
    const trail = breadcrumbs([
      { name: site.name, url: absoluteUrl(site, request, "/") },
      ...categoryCrumbs(category).map((c) => ({ name: c.name, url: absoluteUrl(site, request, c.path) })),
    ]);
    const feed = `/feeds/category/${category.split("/").map(encodeURIComponent).join("/")}`;
    return {
      version: block,
      body: renderDocument(
        site,
        {
          title: `${category}${query.cursor ? " (more)" : ""}`,
          description: `Listings for sale in ${category} on ${site.name}, newest first.`,
          canonical,
          jsonLd: [
            { "@context": "https://schema.org", "@type": "CollectionPage", name: category, url: canonical },
            list.jsonLd,
            trail.jsonLd,
          ],
          links: html`${next ? html`<link rel="next" href="${next}">` : ""}<link rel="alternate" type="application/atom+xml" title="${`New listings in ${category}`}" href="${feed}">`,
        },
        html`${trail.nav}
<h1>${category}</h1>
${items.length > 0 ? list.list : html`<p>No more listings.</p>`}
<p>${query.cursor ? html`<a href="${categoryPath(category)}">First page</a> · ` : ""}${next ? html`<a href="${next}" rel="next">Next page</a>` : ""}</p>
<p><a href="${feed}">Feed of new listings in ${category}</a></p>`,
      ),
    };
  },
};
