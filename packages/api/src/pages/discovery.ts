import { escapeText } from "./html.ts";
import type { PageRoute } from "./page.ts";
import { absoluteUrl } from "./site.ts";

/** `/robots.txt`: everything public may be crawled, except the JSON API; the sitemap says where it all is. */
export const robotsTxt: PageRoute = {
  url: "/robots.txt",
  document: true,
  async render(request, { site }) {
    return {
      type: "text/plain; charset=utf-8",
      version: "robots",
      maxAge: 86_400,
      body: `User-agent: *
Allow: /
Disallow: /listings
Disallow: /sellers/
Disallow: /orders
Disallow: /health
Disallow: /openapi.json

Sitemap: ${absoluteUrl(site, request, "/sitemap.xml")}
`,
    };
  },
};

/** `/opensearch.xml`: lets a browser add this node as a search engine (the pages link to it). */
export const openSearch: PageRoute = {
  url: "/opensearch.xml",
  document: true,
  async render(request, { site }) {
    const origin = absoluteUrl(site, request, "");
    return {
      type: "application/opensearchdescription+xml; charset=utf-8",
      version: "opensearch",
      maxAge: 86_400,
      body: `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
<ShortName>${escapeText(site.name.slice(0, 16))}</ShortName>
<Description>${escapeText(`Search the listings of ${site.name}, an open marketplace`)}</Description>
<InputEncoding>UTF-8</InputEncoding>
<Url type="text/html" method="get" template="${escapeText(`${origin}/search?q={searchTerms}`)}"/>
<Url type="application/json" method="get" template="${escapeText(`${origin}/listings?q={searchTerms}`)}"/>
<Url type="application/opensearchdescription+xml" rel="self" template="${escapeText(`${origin}/opensearch.xml`)}"/>
</OpenSearchDescription>
`,
    };
  },
};
