import { parse } from "../route.ts";
import { SEARCH_QUERY } from "../routes/listings.ts";
import { searchListings } from "../search/searchListings.ts";
import { html } from "./html.ts";
import { renderDocument } from "./layout.ts";
import { type ListedItem, lastListingBlock, renderItems } from "./listingList.ts";
import type { PageRoute } from "./page.ts";
import { absoluteUrl } from "./site.ts";

const KNOWN = new Set(Object.keys(SEARCH_QUERY.shape));

/**
 * `/search?q=`: results as a page, with the parameters GET /listings takes (the DApp's search URLs are the
 * same); parameters it does not know (tracking tags) are ignored rather than refused.
 */
export const searchPage: PageRoute = {
  url: "/search",
  async render(request, { db, site }) {
    const given = Object.fromEntries(
      Object.entries(request.query as Record<string, unknown>).filter(
        ([key]) => KNOWN.has(key) && key !== "facets",
      ),
    );
    const query = parse(SEARCH_QUERY, given, "query");
    const [result, block] = await Promise.all([searchListings(db, query), lastListingBlock(db)]);
    const items = result.items as ListedItem[];
    const words = query.q ?? "";
    const list = renderItems(site, request, items);
    const nextQuery = result.nextCursor
      ? new URLSearchParams({ ...(given as Record<string, string>), cursor: result.nextCursor }).toString()
      : undefined;
    const title = words ? `Search: ${words}` : "All listings";
    return {
      version: block,
      body: renderDocument(
        site,
        {
          title,
          description: words
            ? `Listings matching “${words}” on ${site.name}.`
            : `The newest listings on ${site.name}.`,
          canonical: absoluteUrl(site, request, words ? `/search?q=${encodeURIComponent(words)}` : "/search"),
          // Result pages are for people; crawlers find every listing through the sitemap.
          noindex: true,
          jsonLd: [{ "@context": "https://schema.org", "@type": "SearchResultsPage" }, list.jsonLd],
        },
        html`<h1>${title}</h1>
${result.expandedQuery ? html`<p class="muted">Nothing matched the words as written; showing results for “${result.expandedQuery}”.</p>` : ""}
${items.length > 0 ? list.list : html`<p>No listing matches. Try other or fewer words.</p>`}
${nextQuery ? html`<p><a href="/search?${nextQuery}" rel="next">Next page</a></p>` : ""}`,
        words,
      ),
    };
  },
};
