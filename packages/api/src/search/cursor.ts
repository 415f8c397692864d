import { badParameter } from "../errors.ts";

/**
 * Keyset cursors: the sort key of the last item of a page (and the sort and query it belongs to), as
 * base64url JSON. Opaque to clients; checked on the way back in, so a forged one is a 400, not a 500.
 */
export interface Cursor {
  sort: string;
  /** Relevance: the rank (float4 as text); newest: the block; price: the price. */
  key: string;
  address: string;
  /** The page came from the typo fallback. */
  fallback?: boolean;
  /** Relevance: the first block of the candidate window page one used ("0": every listing). */
  window?: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(text: string, sort: string): Cursor {
  const fail = () => badParameter("query.cursor", "must be a nextCursor this search returned");
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) throw fail();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw fail();
  }
  const c = value as Partial<Cursor>;
  if (!c || typeof c !== "object" || c.sort !== sort || typeof c.address !== "string") throw fail();
  if (!/^0x[0-9a-f]{40}$/.test(c.address) || typeof c.key !== "string") throw fail();
  // Ranks are float4 text; blocks fit a bigint; prices and order ids are uint256.
  const keyRule =
    sort === "relevance"
      ? /^\d{1,20}(\.\d{1,20})?(e-?\d{1,2})?$/
      : sort === "newest"
        ? /^\d{1,18}$/
        : /^\d{1,78}$/;
  if (!keyRule.test(c.key)) throw fail();
  if (c.fallback !== undefined && typeof c.fallback !== "boolean") throw fail();
  if (c.window !== undefined && (typeof c.window !== "string" || !/^\d{1,18}$/.test(c.window))) throw fail();
  return { sort: c.sort, key: c.key, address: c.address, fallback: c.fallback, window: c.window };
}

/**
 * A keyset page from `limit + 1` rows: the first `limit` items, and a cursor after the last of them when
 * the extra row says there is more.
 */
export function keysetPage<T extends { item: Record<string, unknown> }>(
  rows: T[],
  limit: number,
  cursorAfter: (last: Record<string, unknown>) => Cursor,
): { items: Record<string, unknown>[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map((r) => r.item);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorAfter(last)) : null };
}
