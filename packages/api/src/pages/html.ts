/**
 * HTML (and XML) from template literals in which every interpolated value is escaped unless it is already
 * `Html`. Listing text comes from the chain and the content store, so it is untrusted everywhere: the only
 * way to put text into a page is through `escapeText`, and the only way around it is `Html` that this
 * module or a template built.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// Characters XML 1.0 forbids even as references (C0 controls but tab and newlines, U+FFFE/U+FFFF, lone
// surrogates): a title holding one would make a sitemap or feed unparseable, and they mean nothing in HTML.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an HTML or XML text node or a quoted attribute value. */
export function escapeText(value: unknown): string {
  return String(value)
    .replace(NOT_XML, "\ufffd")
    .replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** Values: `Html` as is, arrays joined, null/undefined/false as nothing, anything else escaped. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += fragment(values[i]) + (strings[i + 1] as string);
  return new Html(out);
}

function fragment(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(fragment).join("");
  return escapeText(value);
}

/**
 * JSON-LD inside a <script> element: JSON whose `<`, `>` and `&` are \u escapes, so no string in it can
 * close the element or open a comment, whatever the listing says.
 */
export function jsonLdScript(data: unknown): Html {
  const json = JSON.stringify(data)
    .replace(NOT_XML, "\ufffd")
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return new Html(`<script type="application/ld+json">${json}</script>`);
}
