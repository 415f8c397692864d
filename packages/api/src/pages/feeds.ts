import type { FastifyRequest } from "fastify";
import { parse } from "../route.ts";
import { SEARCH_QUERY } from "../routes/listings.ts";
import { searchListings } from "../search/searchListings.ts";
import { escapeText } from "./html.ts";
import { type ListedItem, lastListingBlock } from "./listingList.ts";
import type { PageContext, PageResult, PageRoute } from "./page.ts";
import { absoluteUrl, categoryPath, formatPrice, isoDate } from "./site.ts";

const ENTRIES = 50;

/** `/feeds/listings.xml`: an Atom feed of the newest active listings. */
export const listingsFeed: PageRoute = {
  url: "/feeds/listings.xml",
  document: true,
  render: (request, ctx) => feed(request, ctx, undefined),
};

/** `/feeds/category/<category>`: the same, for one category and its subcategories. */
export const categoryFeed: PageRoute = {
  url: "/feeds/category/*",
  document: true,
  render: (request, ctx) => feed(request, ctx, (request.params as { "*": string })["*"]),
};

async function feed(
  request: FastifyRequest,
  { db, site }: PageContext,
  category: string | undefined,
): Promise<PageResult> {
  // The search's own validation and its newest-first plan (an index walk, not a sort of the category).
  const query = parse(
    SEARCH_QUERY,
    { sort: "newest", limit: String(ENTRIES), ...(category !== undefined ? { category } : {}) },
    "query",
  );
  const [result, block] = await Promise.all([searchListings(db, query), lastListingBlock(db)]);
  const items = result.items as (ListedItem & { createdTime: number })[];
  const self = absoluteUrl(
    site,
    request,
    category
      ? `/feeds/category/${category.split("/").map(encodeURIComponent).join("/")}`
      : "/feeds/listings.xml",
  );
  const alternate = absoluteUrl(site, request, category ? categoryPath(category) : "/");
  const updated = items.reduce((max, i) => Math.max(max, Number(i.createdTime)), 0);
  const title = category ? `New listings in ${category} on ${site.name}` : `New listings on ${site.name}`;
  const entries = items.map((item) => {
    const url = absoluteUrl(site, request, `/listing/${item.address}`);
    const summary = `${formatPrice(site, item.price, item.currency)} · ${item.category} · ${item.location}`;
    return `<entry>
<id>${escapeText(url)}</id>
<title>${escapeText(item.title)}</title>
<link rel="alternate" type="text/html" href="${escapeText(url)}"/>
<updated>${isoDate(item.createdTime)}</updated>
<published>${isoDate(item.createdTime)}</published>
<author><name>${escapeText(item.seller)}</name></author>
<category term="${escapeText(item.category)}"/>
<summary>${escapeText(summary)}</summary>
</entry>
`;
  });
  return {
    type: "application/atom+xml; charset=utf-8",
    version: block,
    maxAge: 300,
    body: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${escapeText(self)}</id>
<title>${escapeText(title)}</title>
<updated>${isoDate(updated)}</updated>
<author><name>${escapeText(site.name)}</name></author>
<link rel="self" type="application/atom+xml" href="${escapeText(self)}"/>
<link rel="alternate" type="text/html" href="${escapeText(alternate)}"/>
${entries.join("")}</feed>
`,
  };
}
