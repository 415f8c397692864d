/** Event arguments as JSON: uint256 as decimal strings, addresses in lower case like every other column. */
export function argsJson(args: unknown): string {
  return JSON.stringify(args, (_key, value) => {
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "string")
      return clean(/^0x[0-9a-fA-F]{40}$/.test(value) ? value.toLowerCase() : value);
    return value;
  });
}

/**
 * Text from the chain as Postgres can store it. Anyone can put a NUL character in a listing title or an
 * evidence URI; Postgres text cannot hold one, and refusing the whole range over it would stall the index.
 */
export function clean(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
}
