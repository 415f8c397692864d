// The sitemaps protocol's rules (sitemaps.org/protocol.html), checked on what the API serves: well-formed
// XML in the protocol's namespace, at most 50,000 URLs and 50 MB per file, absolute URLs on one host no
// longer than 2,048 characters, lastmod in W3C datetime.
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === "url" || name === "sitemap",
});

/** Checks one sitemap or sitemap index document and returns its entries. */
export function checkSitemap(xml: string, kind: "urlset" | "sitemapindex", origin: string): SitemapEntry[] {
  assert.equal(XMLValidator.validate(xml), true, "well-formed XML");
  assert.ok(Buffer.byteLength(xml) <= 50 * 1024 * 1024, "at most 50 MB");
  const document = parser.parse(xml) as Record<string, Record<string, unknown>>;
  const root = document[kind];
  assert.ok(root, `a <${kind}> document`);
  assert.equal(root["@_xmlns"], NAMESPACE);
  const entries = (root[kind === "urlset" ? "url" : "sitemap"] ?? []) as SitemapEntry[];
  assert.ok(entries.length <= 50_000, `at most 50,000 entries, got ${entries.length}`);
  for (const entry of entries) {
    assert.ok(entry.loc.startsWith(`${origin}/`), `${entry.loc} is on ${origin}`);
    assert.ok(entry.loc.length <= 2048);
    if (entry.lastmod !== undefined) assert.match(entry.lastmod, W3C_DATETIME);
  }
  return entries;
}

export function checkXml(xml: string): Record<string, unknown> {
  assert.equal(XMLValidator.validate(xml), true, "well-formed XML");
  return new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "entry" || name === "Url",
  }).parse(xml) as Record<string, unknown>;
}
