import { currencyExponent } from "./currencies.ts";
import { ImportError, RowError } from "./errors.ts";
import { normalizeName } from "./read/rows.ts";

export type Kind = "listing" | "review";

/** The fields an export may have, with the column names (or JSON keys) each is read from, in order. */
export const FIELDS = {
  kind: ["kind", "type", "record_type"],
  id: ["id", "legacy_id"],
  seller_id: ["seller_id", "seller", "user_id", "owner_id"],
  title: ["title", "name", "item_name"],
  description: ["description", "details", "body"],
  price: ["price", "amount"],
  currency: ["currency", "currency_code"],
  category: ["category", "category_name"],
  condition: ["condition"],
  location: ["location", "city"],
  status: ["status", "state"],
  images: ["images", "image_urls", "photos", "pictures"],
  created_at: ["created_at", "created", "date", "posted_at"],
  listing_id: ["listing_id", "item_id"],
  reviewer_id: ["reviewer_id", "reviewer", "author_id"],
  rating: ["rating", "stars", "score"],
  text: ["text", "comment", "review", "review_text"],
} as const;

export type Field = keyof typeof FIELDS;

const REQUIRED: Record<Kind, Field[]> = {
  listing: ["id", "seller_id", "title", "price", "category", "created_at"],
  review: ["id", "listing_id", "reviewer_id", "rating", "created_at"],
};

export interface LegacyListing {
  kind: "listing";
  line: number;
  id: string;
  sellerId: string;
  title: string;
  description?: string;
  /** The price as written, normalized ("1299.99"), and in minor units. */
  price: { amount: string; minor: bigint; currency: string };
  category: string;
  condition?: string;
  location?: string;
  status?: string;
  images: string[];
  /** Unix seconds. */
  createdAt: number;
}

export interface LegacyReview {
  kind: "review";
  line: number;
  id: string;
  listingId: string;
  reviewerId: string;
  sellerId?: string;
  rating: number;
  text?: string;
  createdAt: number;
}

export type LegacyRecord = LegacyListing | LegacyReview;

export interface FieldOptions {
  /** Column names that differ from the defaults: field -> column. */
  mapping?: Partial<Record<Field, string>>;
  /** The kind of every row when the export has no kind column. */
  kind?: Kind;
  /** The currency of rows without one. */
  defaultCurrency?: string;
  /** Dates after this are refused (unix seconds); now plus a day unless given. */
  latest?: number;
}

export const LIMITS = {
  id: 128,
  title: 140,
  description: 10_000,
  category: 64,
  location: 100,
  text: 5_000,
  images: 10,
};
/** 1995-01-01: no online marketplace row is older. */
const EARLIEST = 788_918_400;

/**
 * Reads rows into legacy records with the column mapping of docs/archive.md. `columns` (a CSV header) is
 * checked up front: a required column that is missing refuses the whole file, at line 1.
 */
export class FieldReader {
  readonly #names: Record<Field, string[]>;
  readonly #options: FieldOptions;

  constructor(options: FieldOptions = {}) {
    this.#options = options;
    const names = {} as Record<Field, string[]>;
    for (const field of Object.keys(FIELDS) as Field[]) {
      const custom = options.mapping?.[field];
      names[field] = custom ? [normalizeName(custom)] : [...FIELDS[field]];
    }
    this.#names = names;
  }

  /** Refuses a CSV header that lacks a column every row of its kind needs. */
  checkColumns(columns: readonly string[]): void {
    const has = (field: Field) => this.#names[field].some((name) => columns.includes(name));
    const kinds: Kind[] = this.#options.kind
      ? [this.#options.kind]
      : has("kind")
        ? []
        : [has("rating") || has("reviewer_id") ? "review" : "listing"];
    for (const kind of kinds) {
      for (const field of REQUIRED[kind]) {
        if (field === "currency" || has(field)) continue;
        throw new ImportError(
          `Line 1: the header has no ${field} column, which every ${kind} needs (accepted names: ${this.#names[field].join(", ")}; or --map ${field}=<column>).`,
        );
      }
    }
  }

  /** The record a row holds; throws a `RowError` saying what is wrong with it. */
  read(line: number, values: Record<string, unknown>): LegacyRecord {
    const get = (field: Field): string | undefined => {
      for (const name of this.#names[field]) {
        const value = values[name];
        if (value === undefined || value === null) continue;
        if (field === "images" && Array.isArray(value)) return JSON.stringify(value);
        const text = typeof value === "string" ? value.trim() : String(value);
        if (text !== "") return text;
      }
      return undefined;
    };
    const kind = this.#kindOf(get("kind"), values);
    const required = (field: Field): string => {
      const value = get(field);
      if (value === undefined) throw new RowError(`no ${field}`);
      return value;
    };
    const id = checkId("id", required("id"));
    const createdAt = parseDate(required("created_at"), this.#options.latest);
    if (kind === "review") {
      const sellerId = get("seller_id");
      const text = get("text");
      return {
        kind,
        line,
        id,
        listingId: checkId("listing_id", required("listing_id")),
        reviewerId: checkId("reviewer_id", required("reviewer_id")),
        ...(sellerId === undefined ? {} : { sellerId: checkId("seller_id", sellerId) }),
        rating: parseRating(required("rating")),
        ...(text === undefined ? {} : { text: checkText("text", text, LIMITS.text) }),
        createdAt,
      };
    }
    const currency = (get("currency") ?? this.#options.defaultCurrency)?.toUpperCase();
    if (!currency) throw new RowError("no currency (add a currency column or pass --currency)");
    const description = get("description");
    const condition = get("condition");
    const location = get("location");
    const status = get("status");
    return {
      kind,
      line,
      id,
      sellerId: checkId("seller_id", required("seller_id")),
      title: checkText("title", required("title"), LIMITS.title),
      ...(description === undefined
        ? {}
        : { description: checkText("description", description, LIMITS.description) }),
      price: parsePrice(required("price"), currency),
      category: checkText("category", required("category"), LIMITS.category),
      ...(condition === undefined ? {} : { condition: checkText("condition", condition, 32) }),
      ...(location === undefined ? {} : { location: checkText("location", location, LIMITS.location) }),
      ...(status === undefined ? {} : { status: checkText("status", status, 32) }),
      images: parseImages(get("images")),
      createdAt,
    };
  }

  #kindOf(value: string | undefined, values: Record<string, unknown>): Kind {
    if (value !== undefined) {
      const kind = value.toLowerCase();
      if (kind === "listing" || kind === "review") return kind;
      throw new RowError(`kind "${value}" is neither listing nor review`);
    }
    if (this.#options.kind) return this.#options.kind;
    const present = (field: Field) => this.#names[field].some((name) => values[name] !== undefined);
    return present("rating") || present("reviewer_id") ? "review" : "listing";
  }
}

function checkId(field: string, value: string): string {
  if (value.length > LIMITS.id) throw new RowError(`${field} is longer than ${LIMITS.id} characters`);
  if (/[\p{Cc}\s]/u.test(value))
    throw new RowError(`${field} "${value}" contains spaces or control characters`);
  return value;
}

function checkText(field: string, value: string, max: number): string {
  if ([...value].length > max) throw new RowError(`${field} is longer than ${max} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

/**
 * A price: digits with an optional decimal point ("1299.99"), optionally grouped by commas ("1,299.99");
 * no more decimals than the currency has, above zero.
 */
export function parsePrice(value: string, currency: string): LegacyListing["price"] {
  const exponent = currencyExponent(currency);
  if (exponent === undefined)
    throw new RowError(`currency "${currency}" is not an ISO 4217 code the importer knows`);
  const cleaned = value.replace(/^[$€£¥₹]\s*/, "");
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/.test(cleaned)) {
    throw new RowError(`price "${value}" is not a decimal number (use a point for decimals: 1299.99)`);
  }
  const [whole = "", fraction = ""] = cleaned.replace(/,/g, "").split(".");
  if (fraction.length > exponent) {
    throw new RowError(`price "${value}" has more decimals than ${currency} has (${exponent})`);
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, "0"));
  if (minor === 0n) throw new RowError(`price "${value}" is zero`);
  if (minor >= 1n << 64n) throw new RowError(`price "${value}" is too large`);
  const amount =
    exponent === 0 ? BigInt(whole).toString() : `${BigInt(whole)}.${fraction.padEnd(exponent, "0")}`;
  return { amount, minor, currency };
}

/**
 * A date: ISO 8601 ("2019-03-01", "2019-03-01T12:00:00Z", "2019-03-01 12:00:00" is UTC), or unix seconds or
 * milliseconds. Between 1995 and tomorrow.
 */
export function parseDate(value: string, latest = Math.floor(Date.now() / 1000) + 86_400): number {
  let seconds: number;
  if (/^\d{9,10}$/.test(value)) seconds = Number(value);
  else if (/^\d{12,13}$/.test(value)) seconds = Math.floor(Number(value) / 1000);
  else {
    const match =
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
        value,
      );
    if (!match)
      throw new RowError(`date "${value}" is not ISO 8601 (2019-03-01 or 2019-03-01T12:00:00Z) or unix time`);
    const [, y, mo, d, h = "00", mi = "00", s = "00", zone = "Z"] = match;
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
    const ms = Date.parse(iso);
    const date = new Date(ms);
    if (Number.isNaN(ms) || (zone === "Z" && date.getUTCDate() !== Number(d))) {
      throw new RowError(`date "${value}" does not exist`);
    }
    seconds = Math.floor(ms / 1000);
  }
  if (seconds < EARLIEST || seconds > latest)
    throw new RowError(`date "${value}" is not between 1995 and today`);
  return seconds;
}

function parseRating(value: string): number {
  if (!/^[1-5](?:\.0+)?$/.test(value))
    throw new RowError(`rating "${value}" is not a whole number from 1 to 5`);
  return Number(value);
}

/** Images: a JSON array, or references separated by "|" (URLs may hold commas and semicolons). */
function parseImages(value: string | undefined): string[] {
  if (value === undefined) return [];
  let list: unknown;
  if (value.startsWith("[")) {
    try {
      list = JSON.parse(value);
    } catch {
      throw new RowError("images is not a JSON array of strings");
    }
  } else list = value.split("|");
  if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) {
    throw new RowError("images is not a list of URLs or paths");
  }
  const images = list.map((item) => item.trim()).filter((item) => item !== "");
  if (images.length > LIMITS.images) throw new RowError(`more than ${LIMITS.images} images`);
  return images;
}
