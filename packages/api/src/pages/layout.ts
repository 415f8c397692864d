import { Html, html, jsonLdScript } from "./html.ts";
import type { Site } from "./site.ts";

export interface PageHead {
  /** Without the site's name; the layout appends it. */
  title: string;
  description: string;
  /** Absolute. */
  canonical: string;
  /** Absolute URL of the page's main image, for link previews. */
  image?: string;
  imageAlt?: string;
  type?: "website" | "product" | "profile";
  /** Shown in link previews of a product. */
  price?: { amount: string; currency: string };
  jsonLd?: unknown[];
  /** Pages that must not be indexed: errors, gone listings, search results. */
  noindex?: boolean;
  /** Extra <link> elements (feeds). */
  links?: Html;
}

// Tiny and readable without the DApp's stylesheet; contrast ratios above 7:1 for text and links.
const CSS = `
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;border-bottom:1px solid #ddd}
header a.home{font-weight:700;font-size:1.25rem;color:#1a1a1a;text-decoration:none}
a{color:#0b4f9c}
form.search{display:flex;gap:.5rem;flex:1;min-width:14rem}
form.search input{flex:1;font:inherit;padding:.5rem;border:1px solid #555;border-radius:4px}
form.search button{font:inherit;padding:.5rem 1rem;border:0;border-radius:4px;background:#0b4f9c;color:#fff}
nav.crumbs ol{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem}
nav.crumbs li+li:before{content:"/";margin-right:.5rem;color:#555}
.gallery{display:flex;flex-wrap:wrap;gap:.5rem}
.gallery img{max-width:100%;height:auto;border:1px solid #ddd}
.price{font-size:1.5rem;font-weight:700}
.state{display:inline-block;padding:.125rem .5rem;border-radius:4px;background:#eee}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0;overflow-wrap:anywhere}
ul.items{list-style:none;padding:0}
ul.items li{padding:.5rem 0;border-bottom:1px solid #eee}
.muted{color:#555}
p.description{white-space:pre-line;overflow-wrap:anywhere}
footer{border-top:1px solid #ddd;color:#555}
`
  .replace(/\n/g, "")
  .trim();

/**
 * A whole document: head with the canonical URL, description, Open Graph, Twitter card and JSON-LD; body
 * complete without JavaScript, inside the DApp's root element, so the DApp (when its tags are there)
 * replaces it with the interactive page once its script runs.
 */
export function renderDocument(site: Site, head: PageHead, body: Html, searchValue = ""): string {
  const title = `${head.title} · ${site.name}`;
  const description = head.description.length > 300 ? `${head.description.slice(0, 297)}…` : head.description;
  const card = head.image ? "summary_large_image" : "summary";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${head.canonical}">
${head.noindex ? html`<meta name="robots" content="noindex">` : ""}
<meta property="og:site_name" content="${site.name}">
<meta property="og:type" content="${head.type ?? "website"}">
<meta property="og:title" content="${head.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${head.canonical}">
${head.image ? html`<meta property="og:image" content="${head.image}"><meta property="og:image:alt" content="${head.imageAlt ?? head.title}">` : ""}
${
  head.price
    ? html`<meta property="product:price:amount" content="${head.price.amount}"><meta property="product:price:currency" content="${head.price.currency}"><meta property="og:price:amount" content="${head.price.amount}"><meta property="og:price:currency" content="${head.price.currency}">`
    : ""
}
<meta name="twitter:card" content="${card}">
<meta name="twitter:title" content="${head.title}">
<meta name="twitter:description" content="${description}">
${head.image ? html`<meta name="twitter:image" content="${head.image}"><meta name="twitter:image:alt" content="${head.imageAlt ?? head.title}">` : ""}
${head.price ? html`<meta name="twitter:label1" content="Price"><meta name="twitter:data1" content="${`${head.price.amount} ${head.price.currency}`}">` : ""}
<link rel="search" type="application/opensearchdescription+xml" title="${site.name}" href="/opensearch.xml">
<link rel="alternate" type="application/atom+xml" title="${`New listings on ${site.name}`}" href="/feeds/listings.xml">
${head.links ?? ""}
<style>${new Html(CSS)}</style>
${(head.jsonLd ?? []).map((data) => jsonLdScript(data))}
${new Html(site.appTags)}
</head>
<body>
<div id="root">
<header>
<a class="home" href="/">${site.name}</a>
${searchForm(searchValue)}
</header>
<main>
${body}
</main>
<footer><p>An open marketplace: every listing here is public on chain and can be searched by anyone. <a href="/sitemap.xml">Sitemap</a> · <a href="/feeds/listings.xml">Feed of new listings</a></p></footer>
</div>
</body>
</html>
`.value;
}

/** The search box of every page (and the whole point of the 404 page). */
export function searchForm(value = ""): Html {
  return html`<form class="search" role="search" action="/search" method="get"><label for="q" class="muted">Search listings</label><input id="q" name="q" type="search" value="${value}" maxlength="200"><button type="submit">Search</button></form>`;
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

/** The visible breadcrumb trail and its schema.org BreadcrumbList. */
export function breadcrumbs(crumbs: Crumb[]): { nav: Html; jsonLd: unknown } {
  return {
    nav: html`<nav class="crumbs" aria-label="Breadcrumb"><ol>${crumbs.map(
      (c, i) =>
        html`<li>${i === crumbs.length - 1 ? html`<span aria-current="page">${c.name}</span>` : html`<a href="${c.url}">${c.name}</a>`}</li>`,
    )}</ol></nav>`,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: crumbs.map((c, i) => ({
        "@type": "ListItem",
        position: i + 1,
        name: c.name,
        item: c.url,
      })),
    },
  };
}
