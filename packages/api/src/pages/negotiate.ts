/**
 * Content negotiation between a page and JSON at one URL. `tie` decides when the client weighs both the
 * same (`*\/*`, or no Accept): JSON where an API route already answered the URL, so existing clients keep
 * what they had; HTML where only the page exists, so link previews and crawlers that send `*\/*` get it.
 */
export function prefersHtml(accept: string | undefined, tie: "html" | "json"): boolean {
  if (!accept) return tie === "html";
  const ranges = accept.split(",").map(parseRange);
  const html = quality(ranges, "text", "html");
  const json = quality(ranges, "application", "json");
  if (html !== json) return html > json;
  return tie === "html" && html > 0;
}

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseRange(part: string): Range {
  const [mediaType = "", ...params] = part.trim().split(";");
  const [type = "", subtype = ""] = mediaType.trim().toLowerCase().split("/");
  let q = 1;
  for (const param of params) {
    const [key, value] = param.trim().split("=");
    if (key?.trim().toLowerCase() === "q") {
      const parsed = Number(value);
      q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
    }
  }
  return { type, subtype, q };
}

/** The q of the most specific range that matches (RFC 9110 §12.5.1); 0 when none does. */
function quality(ranges: Range[], type: string, subtype: string): number {
  let best = -1;
  let q = 0;
  for (const r of ranges) {
    const specificity =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === "*"
          ? 1
          : r.type === "*"
            ? 0
            : -1;
    if (specificity > best) {
      best = specificity;
      q = r.q;
    }
  }
  return q;
}

/** Adds Accept to the reply's Vary, keeping what CORS put there (Origin). */
export function varyOnAccept(reply: {
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
}): void {
  const previous = reply.getHeader("vary");
  const list = previous ? String(previous) : "";
  if (!/\baccept\b/i.test(list)) reply.header("vary", list ? `${list}, Accept` : "Accept");
}
