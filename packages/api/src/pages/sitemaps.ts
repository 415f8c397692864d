import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { ApiDatabase } from "../database.ts";
import { notFound } from "../errors.ts";
import { escapeText } from "./html.ts";
import { lastListingBlock } from "./listingList.ts";
import type { PageContext, PageResult, PageRoute } from "./page.ts";
import { absoluteUrl, categoryPath, isoDate, type Site } from "./site.ts";

/** The sitemaps protocol's limit per file (and 50 MB, which 50,000 of our URLs stay far below). */
export const URLS_PER_SITEMAP = 50_000;
/** Rows per query while streaming a file: memory stays flat however many listings there are. */
const BATCH = 5_000;
const XML = "application/xml; charset=utf-8";
const LIVE = "status IN (1, 2)";

/** Archived listings (kind 0) have pages; archived reviews are shown on them. */
const ARCHIVED_LISTING = "kind = 0";

/**
 * `/sitemap.xml`: an index of the category sitemap, of one file per 50,000 live listings (active or
 * paused, in creation order), each with the block time of its newest change as lastmod, and of one file per
 * 50,000 archived listings (in the order they were archived).
 */
export const sitemapIndex: PageRoute = {
  url: "/sitemap.xml",
  document: true,
  async render(request, { db, site }) {
    const [files, block, archive] = await Promise.all([
      db.query<{ file: string; lastmod: string }>(
        `SELECT (n / ${URLS_PER_SITEMAP})::text AS file, max(t)::text AS lastmod FROM (
           SELECT row_number() OVER (ORDER BY created_block, address) - 1 AS n,
                  coalesce(updated_time, created_time) AS t
           FROM listings WHERE ${LIVE}) x GROUP BY 1 ORDER BY 1`,
      ),
      lastListingBlock(db),
      archiveState(db),
    ]);
    const archiveFiles = Math.ceil(archive.records / URLS_PER_SITEMAP);
    const entry = (path: string, lastmod?: string) =>
      `<sitemap><loc>${escapeText(absoluteUrl(site, request, path))}</loc>${lastmod ? `<lastmod>${isoDate(lastmod)}</lastmod>` : ""}</sitemap>\n`;
    const newest = files.reduce((max, f) => Math.max(max, Number(f.lastmod)), 0);
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entry("/sitemaps/categories.xml", newest ? String(newest) : undefined)}${files.map((f) => entry(`/sitemaps/listings-${f.file}.xml`, f.lastmod)).join("")}${Array.from({ length: archiveFiles }, (_, i) => entry(`/sitemaps/archive-${i}.xml`)).join("")}</sitemapindex>
`;
    return { type: XML, body, version: `${block}-${archive.block}`, maxAge: 300 };
  },
};

/**
 * `/sitemaps/categories.xml`, `/sitemaps/listings-<n>.xml` and `/sitemaps/archive-<n>.xml`, the files the
 * index names.
 */
export const sitemapFile: PageRoute = {
  url: "/sitemaps/:name",
  document: true,
  async render(request, ctx) {
    const name = (request.params as { name: string }).name;
    if (name === "categories.xml") return categorySitemap(request, ctx);
    const archived = /^archive-(\d{1,6})\.xml$/.exec(name)?.[1];
    if (archived) return archiveSitemap(request, ctx, archived);
    const file = /^listings-(\d{1,6})\.xml$/.exec(name)?.[1];
    if (!file) throw notFound(`The sitemap ${name}`);
    return listingSitemap(request, ctx, file);
  },
};

/** The n-th 50,000 live listings, streamed from the database in batches. */
async function listingSitemap(
  request: FastifyRequest,
  { db, site }: PageContext,
  file: string,
): Promise<PageResult> {
  const [start] = await db.query<{ block: string; address: string }>(
    `SELECT l.created_block::text AS block, l.address FROM listings l WHERE ${LIVE}
       ORDER BY l.created_block, l.address OFFSET $1 LIMIT 1`,
    [Number(file) * URLS_PER_SITEMAP],
  );
  if (!start) throw notFound(`The sitemap listings-${file}.xml`);
  const block = await lastListingBlock(db);
  return {
    type: XML,
    version: `${block}-${start.block}-${start.address}`,
    maxAge: 300,
    body: Readable.from(listingUrls(db, site, request, start)),
  };
}

function listingUrls(
  db: ApiDatabase,
  site: Site,
  request: FastifyRequest,
  start: { block: string; address: string },
): AsyncGenerator<string> {
  const base = absoluteUrl(site, request, "/listing/");
  return urlset(
    (limit, after?: { address: string; block: string; t: string }) =>
      db.query<{ address: string; block: string; t: string }>(
        `SELECT l.address, l.created_block::text AS block, coalesce(l.updated_time, l.created_time)::text AS t FROM listings l
           WHERE ${LIVE} AND (l.created_block, l.address) ${after ? ">" : ">="} ($1::bigint, $2) ORDER BY l.created_block, l.address LIMIT $3`,
        [...(after ? [after.block, after.address] : [start.block, start.address]), limit],
      ),
    (row) => `<url><loc>${escapeText(base + row.address)}</loc><lastmod>${isoDate(row.t)}</lastmod></url>\n`,
  );
}

/**
 * A <urlset> of at most URLS_PER_SITEMAP entries, read in key order BATCH rows at a time: `batch` gives
 * the rows after the last one of the previous batch (from the file's first row when there is none).
 */
async function* urlset<Row>(
  batch: (limit: number, after?: Row) => Promise<Row[]>,
  entry: (row: Row) => string,
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
  let after: Row | undefined;
  let sent = 0;
  while (sent < URLS_PER_SITEMAP) {
    const limit = Math.min(BATCH, URLS_PER_SITEMAP - sent);
    const rows = await batch(limit, after);
    if (rows.length === 0) break;
    yield rows.map(entry).join("");
    sent += rows.length;
    after = rows[rows.length - 1];
    if (rows.length < limit) break;
  }
  yield "</urlset>\n";
}

/** How many archived listings there are, and the newest block that archived anything (the validator). */
async function archiveState(db: ApiDatabase): Promise<{ records: number; block: string }> {
  const [row] = await db.query<{ records: number; block: string }>(
    `SELECT (SELECT count(*) FROM archive_records WHERE ${ARCHIVED_LISTING})::int AS records,
            coalesce((SELECT max(block_number) FROM archive_records), 0)::text AS block`,
  );
  return { records: Number(row?.records ?? 0), block: row?.block ?? "0" };
}

/**
 * The n-th 50,000 archived listings, streamed in batches like the listing files. No lastmod: a record never
 * changes, and the old marketplace's dates say nothing about when its page did.
 */
async function archiveSitemap(
  request: FastifyRequest,
  { db, site }: PageContext,
  file: string,
): Promise<PageResult> {
  const [start] = await db.query<{ block: string; index: number }>(
    `SELECT block_number::text AS block, log_index AS index FROM archive_records WHERE ${ARCHIVED_LISTING}
       ORDER BY block_number, log_index OFFSET $1 LIMIT 1`,
    [Number(file) * URLS_PER_SITEMAP],
  );
  if (!start) throw notFound(`The sitemap archive-${file}.xml`);
  const { block } = await archiveState(db);
  return {
    type: XML,
    version: `${block}-${start.block}-${start.index}`,
    maxAge: 3600,
    body: Readable.from(archiveUrls(db, site, request, start)),
  };
}

function archiveUrls(
  db: ApiDatabase,
  site: Site,
  request: FastifyRequest,
  start: { block: string; index: number },
): AsyncGenerator<string> {
  const base = absoluteUrl(site, request, "/archive/");
  return urlset(
    (limit, after?: { id: string; block: string; index: number }) =>
      db.query<{ id: string; block: string; index: number }>(
        `SELECT coalesce(legacy_label, legacy_id::text) AS id, block_number::text AS block, log_index AS index
           FROM archive_records WHERE ${ARCHIVED_LISTING} AND (block_number, log_index) ${after ? ">" : ">="} ($1::bigint, $2::int)
           ORDER BY block_number, log_index LIMIT $3`,
        [...(after ? [after.block, Number(after.index)] : [start.block, start.index]), limit],
      ),
    // The page's own canonical form: the old id, percent-encoded as one path segment.
    (row) => `<url><loc>${escapeText(base + encodeURIComponent(row.id))}</loc></url>\n`,
  );
}

/** The home page and every category (and parent category) with live listings. */
async function categorySitemap(request: FastifyRequest, { db, site }: PageContext): Promise<PageResult> {
  const [rows, block] = await Promise.all([
    db.query<{ category: string; t: string }>(
      `SELECT category, max(coalesce(updated_time, created_time))::text AS t FROM listings
         WHERE ${LIVE} GROUP BY category ORDER BY category LIMIT ${URLS_PER_SITEMAP - 1}`,
    ),
    lastListingBlock(db),
  ]);
  // Parents ("electronics" of "electronics/cameras") have pages too, dated by their newest child.
  const categories = new Map<string, number>();
  for (const row of rows) {
    const parts = row.category.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const name = parts.slice(0, i).join("/");
      categories.set(name, Math.max(categories.get(name) ?? 0, Number(row.t)));
    }
  }
  const url = (path: string, t?: number) =>
    `<url><loc>${escapeText(absoluteUrl(site, request, path))}</loc>${t ? `<lastmod>${isoDate(t)}</lastmod>` : ""}</url>\n`;
  const entries = [...categories]
    .slice(0, URLS_PER_SITEMAP - 1)
    .map(([name, t]) => url(categoryPath(name), t));
  return {
    type: XML,
    version: block,
    maxAge: 300,
    body: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${url("/")}${entries.join("")}</urlset>
`,
  };
}
