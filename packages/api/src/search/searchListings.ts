import type { ApiDatabase } from "../database.ts";
import { ARCHIVE_RECORD_JSON } from "../routes/archive.ts";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor.ts";
import { LISTING_SUMMARY_JSON, STATUS_CODES, type StatusName } from "./listingJson.ts";

export const SORTS = ["relevance", "newest", "price_asc", "price_desc"] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchParams {
  q?: string;
  category?: string;
  minPrice?: string;
  maxPrice?: string;
  currency?: string;
  location?: string;
  seller?: string;
  status: StatusName | "any";
  escrow?: boolean;
  sort?: Sort;
  limit: number;
  cursor?: string;
  facets: boolean;
}

/**
 * Relevance ranks only the freshest matches, so a word in half the listings costs the same as a rare one
 * (unbounded ts_rank over common words measured 90-350 ms at p50 on a million listings).
 */
export const RANK_CANDIDATES = 300;
/**
 * Relevance first looks among the newest listings: the indexer keeps a partial GIN index over those
 * created at or after a block it moves now and then (search_window; migration 0009), so a word in 2% of
 * a million listings costs the index entries of the window, not 20,000. It widens to every listing only
 * when the window has less than a page of matches.
 */
/**
 * Facets and totals count at most this many matches, and say when they stopped (each count is then a
 * lower bound). Counting reads every counted row from the table, about 3 us each on PostgreSQL and 6 us
 * on PGlite, so the cap is what a search with facets costs beyond its page.
 */
export const FACET_CAP = 2_000;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Filters that do not depend on the text query, as SQL over `l`. */
function filters(p: SearchParams, params: Params): string[] {
  const where: string[] = [];
  if (p.status !== "any") where.push(`l.status = ${STATUS_CODES[p.status]}`);
  if (p.category) {
    // "electronics" also finds "electronics/cameras": a range scan on the category index.
    const c = params.add(p.category);
    where.push(`(l.category = ${c} OR (l.category > ${c} || '/' AND l.category < ${c} || '0'))`);
  }
  if (p.minPrice) where.push(`l.price >= ${params.add(p.minPrice)}::numeric`);
  if (p.maxPrice) where.push(`l.price <= ${params.add(p.maxPrice)}::numeric`);
  if (p.currency) where.push(`l.currency = ${params.add(p.currency)}`);
  if (p.location) where.push(`l.location = ${params.add(p.location)}`);
  if (p.seller) where.push(`l.seller = ${params.add(p.seller)}`);
  if (p.escrow !== undefined) where.push(`l.escrow_required = ${p.escrow}`);
  return where;
}

export interface SearchResult {
  items: unknown[];
  nextCursor: string | null;
  sort: Sort;
  /** Set when nothing matched the words as written and the results are for close or longer words. */
  expandedQuery?: string;
  /** Archived legacy listings matching the words (first page only, at most ARCHIVED_MATCHES). */
  archived?: unknown[];
  total?: { count: number; exact: boolean };
  facets?: {
    categories: { category: string; count: number }[];
    prices: { currency: string; min: string; max: string; count: number }[];
  };
}

export async function searchListings(db: ApiDatabase, p: SearchParams): Promise<SearchResult> {
  // Relevance needs words to rank by; without them the newest come first.
  const hasWords = Boolean(p.q?.trim());
  const sort: Sort = p.sort === "relevance" || !p.sort ? (hasWords ? "relevance" : "newest") : p.sort;
  const cursor = p.cursor ? decodeCursor(p.cursor, sort) : undefined;
  let tsquery: string | undefined;
  let expandedQuery: string | undefined;
  if (hasWords && p.q) {
    tsquery = await parseWords(db, p.q);
    if (cursor?.fallback) {
      expandedQuery = await expandQuery(db, p.q);
      tsquery = expandedQuery;
    }
  }
  let page = tsquery === "" ? { items: [], nextCursor: null } : await runPage(db, p, sort, tsquery, cursor);
  // Nothing as written: try close words (typos) and longer ones (prefixes), first pages only.
  if (page.items.length === 0 && hasWords && p.q && !cursor) {
    expandedQuery = await expandQuery(db, p.q);
    if (expandedQuery) {
      tsquery = expandedQuery;
      page = await runPage(db, p, sort, tsquery, undefined, true);
    }
  }
  const result: SearchResult = { items: page.items, nextCursor: page.nextCursor, sort };
  // Legacy listings from the Archive that match the words, beside the live ones, marked archived.
  if (tsquery && !cursor) result.archived = await archivedMatches(db, tsquery);
  if (expandedQuery) result.expandedQuery = expandedQuery;
  if (p.facets) Object.assign(result, await facets(db, p, tsquery));
  return result;
}

/**
 * The words as a tsquery, in its text form, "" when no word is left (only stop words). Parsed once and
 * then passed as a constant: websearch_to_tsquery is only STABLE, so inside a scan's filter or recheck
 * PostgreSQL would parse it again for every row it looks at, while a constant still lets the planner
 * estimate how many rows match.
 */
async function parseWords(db: ApiDatabase, q: string): Promise<string> {
  const [row] = await db.query<{ q: string }>(
    "SELECT websearch_to_tsquery('english', $1)::text AS q",
    [q],
    "lantern_parse_words",
  );
  return row?.q ?? "";
}

async function runPage(
  db: ApiDatabase,
  p: SearchParams,
  sort: Sort,
  tsquery: string | undefined,
  cursor: Cursor | undefined,
  fallback = cursor?.fallback ?? false,
): Promise<Page> {
  if (sort === "relevance" && tsquery) {
    // Page one tries the recent window first; its cursor keeps the window it used, so the pages after it
    // walk the same candidates.
    if (cursor) return runRelevance(db, p, tsquery, cursor.window ?? "0", cursor, fallback);
    const window = await recentWindow(db);
    if (window !== "0") {
      const page = await runRelevance(db, p, tsquery, window, undefined, fallback);
      if (page.items.length === p.limit && page.nextCursor) return page;
    }
    return runRelevance(db, p, tsquery, "0", undefined, fallback);
  }
  const params = new Params();
  const where = filters(p, params);
  if (tsquery) where.push(`l.search @@ ${params.add(tsquery)}::tsquery`);
  const [column, direction] =
    sort === "price_asc"
      ? ["price", "ASC"]
      : sort === "price_desc"
        ? ["price", "DESC"]
        : ["created_block", "DESC"];
  if (cursor) {
    const op = direction === "ASC" ? ">" : "<";
    where.push(
      `(l.${column}, l.address) ${op} (${params.add(cursor.key)}::numeric, ${params.add(cursor.address)})`,
    );
  }
  const sql = `
    SELECT ${LISTING_SUMMARY_JSON} AS item, l.${column}::text AS key
    FROM listings l LEFT JOIN listing_metadata m ON m.cid = l.metadata_cid
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY l.${column} ${direction}, l.address ${direction} LIMIT ${params.add(p.limit + 1)}`;
  const rows = await db.query<Row>(sql, params.values);
  return toPage(rows, p.limit, { sort, ...(fallback ? { fallback: true } : {}) });
}

type Row = { item: Record<string, unknown>; key: string };
type Page = { items: unknown[]; nextCursor: string | null };

/**
 * Ranks RANK_CANDIDATES matches: the newest ones created at or after block `window`, or with window "0"
 * (a word too rare for the recent window to fill a page) the first ones the index yields, in table
 * order, without sorting every match first: fetching thousands of rows to sort them is what costs.
 */
async function runRelevance(
  db: ApiDatabase,
  p: SearchParams,
  tsquery: string,
  window: string,
  cursor: Cursor | undefined,
  fallback: boolean,
): Promise<Page> {
  const params = new Params();
  const where = filters(p, params);
  const q = `${params.add(tsquery)}::tsquery`;
  where.push(`l.search @@ ${q}`);
  // A literal, not a parameter: the planner uses the window's partial index only when it can see that
  // the condition implies the index's predicate (the cursor check keeps it digits only).
  if (window !== "0") where.push(`l.created_block >= ${BigInt(window)}`);
  const after = cursor
    ? `WHERE (r.rank < ${params.add(cursor.key)}::real OR (r.rank = ${params.add(cursor.key)}::real AND r.address > ${params.add(cursor.address)}))`
    : "";
  // Rank the candidates, keep the page, and only then read the page's rows: joining before the sort
  // would build every candidate's row.
  const sql = `
    SELECT ${LISTING_SUMMARY_JSON} AS item, c.rank::text AS key
    FROM (
      SELECT address, rank FROM (
        SELECT l.address, ts_rank(l.search, ${q}) AS rank FROM (
          SELECT l.address, l.search FROM listings l WHERE ${where.join(" AND ")}
          ${window === "0" ? "" : "ORDER BY l.created_block DESC, l.address DESC"} LIMIT ${RANK_CANDIDATES}
        ) l
      ) r ${after}
      ORDER BY rank DESC, address ASC LIMIT ${params.add(p.limit + 1)}
    ) c
    JOIN listings l ON l.address = c.address
    LEFT JOIN listing_metadata m ON m.cid = l.metadata_cid
    ORDER BY c.rank DESC, c.address ASC`;
  const rows = await db.query<Row>(sql, params.values);
  return toPage(rows, p.limit, { sort: "relevance", window, ...(fallback ? { fallback: true } : {}) });
}

function toPage(rows: Row[], limit: number, cursor: Omit<Cursor, "key" | "address">): Page {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => r.item),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ ...cursor, key: last.key, address: String(last.item.address) })
        : null,
  };
}

/**
 * The first block of the recent window, "0" when there is none (few listings). Read at most every 30 s per
 * process: after the window moves, a search with the old block is still right, it just plans without the
 * window's index until the next read.
 */
const windows = new WeakMap<ApiDatabase, { at: number; block: Promise<string> }>();
async function recentWindow(db: ApiDatabase): Promise<string> {
  const cached = windows.get(db);
  if (cached && Date.now() - cached.at < 30_000) return cached.block;
  const block = db
    .query<{ block: string }>("SELECT first_block::text AS block FROM search_window")
    .then((rows) => rows[0]?.block ?? "0");
  windows.set(db, { at: Date.now(), block });
  block.catch(() => windows.delete(db));
  return block;
}

/**
 * The words of `q` widened for typos and prefixes: each word becomes (word as a prefix | the closest
 * lexemes in the index's vocabulary by trigram similarity), and all words must match. Undefined when q
 * has no usable word.
 */
export async function expandQuery(db: ApiDatabase, q: string): Promise<string | undefined> {
  const words = [
    ...new Set(
      q
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => /^[a-z0-9]{2,40}$/.test(w)),
    ),
  ].slice(0, 6);
  if (words.length === 0) return undefined;
  const groups: string[] = [];
  for (const word of words) {
    const close =
      word.length < 3
        ? []
        : await db.query<{ term: string }>(
            `SELECT term FROM search_terms WHERE term OPERATOR(public.%) $1
             ORDER BY public.similarity(term, $1) DESC, term LIMIT 4`,
            [word],
          );
    const alternatives = [`${word}:*`, ...close.map((r) => r.term).filter((t) => /^[a-z0-9]+$/.test(t))];
    groups.push(`(${[...new Set(alternatives)].join(" | ")})`);
  }
  return groups.join(" & ");
}

export const ARCHIVED_MATCHES = 5;

async function archivedMatches(db: ApiDatabase, tsquery: string): Promise<unknown[]> {
  const rows = await db.query<{ item: unknown }>(
    `SELECT ${ARCHIVE_RECORD_JSON} AS item FROM archive_records r
     WHERE r.kind = 0 AND r.search @@ $1::tsquery
     ORDER BY r.block_number DESC, r.log_index DESC LIMIT ${ARCHIVED_MATCHES}`,
    [tsquery],
  );
  return rows.map((r) => r.item);
}

async function facets(
  db: ApiDatabase,
  p: SearchParams,
  tsquery: string | undefined,
): Promise<Pick<SearchResult, "total" | "facets">> {
  const params = new Params();
  const where = filters(p, params);
  // "" (only stop words) matches nothing, as it does in the page query.
  if (tsquery !== undefined) where.push(`l.search @@ ${params.add(tsquery)}::tsquery`);
  const [row] = await db.query<{ total: number; categories: unknown; prices: unknown }>(
    `WITH matched AS (
       SELECT l.category, l.currency, length(l.price::text) AS digits FROM listings l
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""} LIMIT ${FACET_CAP + 1}
     )
     SELECT (SELECT count(*)::int FROM matched) AS total,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('category', category, 'count', n) ORDER BY n DESC, category), '[]')
        FROM (SELECT category, count(*)::int AS n FROM matched GROUP BY category ORDER BY n DESC, category LIMIT 30) c) AS categories,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('currency', currency, 'digits', digits, 'count', n) ORDER BY currency, digits), '[]')
        FROM (SELECT currency, digits, count(*)::int AS n FROM matched GROUP BY currency, digits) b) AS prices`,
    params.values,
  );
  const total = Number(row?.total ?? 0);
  const prices = (row?.prices as { currency: string; digits: number; count: number }[]) ?? [];
  return {
    total: { count: Math.min(total, FACET_CAP), exact: total <= FACET_CAP },
    facets: {
      categories: (row?.categories as { category: string; count: number }[]) ?? [],
      // Buckets by order of magnitude of the amount in the currency's smallest unit: 10^(d-1) .. 10^d - 1.
      prices: prices.map((b) => ({
        currency: b.currency,
        min: b.digits === 1 ? "0" : `1${"0".repeat(b.digits - 1)}`,
        max: "9".repeat(b.digits),
        count: b.count,
      })),
    },
  };
}
