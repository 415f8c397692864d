// Removes contact details from free text before it goes on chain for good: emails, phone numbers, street
// addresses, links and social handles. It errs on the side of privacy (a rare model number that looks
// exactly like a phone number goes too) but keeps what buyers need: prices, model numbers, sizes, years.

export const PLACEHOLDERS = {
  email: "[email removed]",
  phone: "[phone removed]",
  address: "[address removed]",
  link: "[link removed]",
  handle: "[handle removed]",
} as const;

export type ScrubbedKind = keyof typeof PLACEHOLDERS;

export interface ScrubResult {
  text: string;
  /** How many of each kind were removed. */
  removed: Record<ScrubbedKind, number>;
}

const TLDS =
  "com|net|org|edu|gov|mil|int|io|co|me|ly|gl|gd|info|biz|us|uk|ca|au|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|ru|cn|jp|kr|in|br|mx|ar|za|nz|ie|app|dev|shop|store|site|online|link|xyz|club|top|tk|ml|tv|fm|ai|gg|to|cc|ws";

/** Characters people slip between digits or letters to dodge filters. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

// Links: a scheme, "www.", or a bare domain under a common TLD (with or without a path).
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"']+/gi;
const URL_WWW = /\bwww\.[^\s<>"']+/gi;
const BARE_DOMAIN = new RegExp(
  `\\b(?<![@\\w.-])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.(?:${TLDS})\\b(?![@\\w-])(?:\\/[^\\s<>"']*)?`,
  "gi",
);

// Emails: plain, spaced around "@", and spelled out: "jane at gmail dot com", "jane(at)gmail(dot)com".
const EMAIL = /[\w.%+'-]+\s?[@\uff20]\s?[a-z0-9-]+(?:\s?\.\s?[a-z0-9-]+)*\s?\.\s?[a-z]{2,24}\b/gi;
const AT = String.raw`\s*(?:[([{<]\s*at\s*[)\]}>]|\bat\b|@)\s*`;
const DOT = String.raw`\s*(?:[([{<]\s*dot\s*[)\]}>]|\bdot\b|\.)\s*`;
const LOCAL_DOT = String.raw`(?:\.|\s*[([{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)`;
const SPELLED_EMAIL = new RegExp(
  String.raw`\b[\w%+-]+(?:${LOCAL_DOT}[\w%+-]+)*${AT}[a-z0-9-]+(?:${DOT}[a-z0-9-]+)*${DOT}(?:${TLDS})\b`,
  "gi",
);

const MAIL_PROVIDERS =
  /^(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|protonmail|proton|gmx|web|mail|yandex|qq|163|126|comcast|att|verizon|sbcglobal|bellsouth|cox|earthlink|zoho|fastmail|tutanota)\./i;
/** Providers distinctive enough to mark an email without a TLD. */
const DISTINCT_PROVIDERS = "gmail|googlemail|yahoo|ymail|hotmail|outlook|icloud|protonmail|gmx|yandex|aol";

// "jane_doe@yahoo", "jane.doe at gmail": a well-known provider makes an email even without its TLD.
const PROVIDER_EMAIL = new RegExp(
  String.raw`\b[\w%+-]+(?:${LOCAL_DOT}[\w%+-]+)*${AT}(?:${DISTINCT_PROVIDERS})\b`,
  "gi",
);

// Social handles ("@jane.doe88", "IG: @jane"), once emails are gone.
const HANDLE = /(?<![\w@])@[a-z_][\w.-]{2,29}\b/gi;

// Phone numbers. Formats first, then checks that what matched is not a date, a year range, a price, a
// code people cite on purpose (ISBN, SKU, ...) or a measurement.
const SEP = String.raw`[\s.\-\/]?`;
const PHONE_PATTERNS: RegExp[] = [
  // International: +44 20 7946 0958, +1 (555) 123-4567, 0049 30 1234567, +91-98765-43210, +7 495 123-45-67
  new RegExp(String.raw`(?:\+|\b00)[1-9]\d{0,2}${SEP}(?:\(?\d{1,5}\)?${SEP}){1,5}\d{2,5}\b`, "g"),
  // North America: (555) 123-4567, 555.123.4567, 555-123-4567, 1-800-555-0199, 555 123 4567
  /(?:\b1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g,
  // Japan and Korea: 090-1234-5678, 03-1234-5678, 010-1234-5678
  /\b0\d{1,4}-\d{1,4}-\d{4}\b/g,
  // Russia: 8 495 123-45-67, 8 (495) 123 45 67
  /\b8[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b/g,
  // UK and other trunk-prefixed numbers: 020 7946 0958, 07700 900123, 0161 496 0000
  /\b0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b/g,
  // France: 06 12 34 56 78, 01.23.45.67.89
  /\b0[1-9](?:[\s.-]\d{2}){4}\b/g,
  // Germany: 030 1234567, 0171/1234567, 089-12345678
  /\b0\d{2,4}[\s/-]\d{5,8}\b/g,
  // India: 98765 43210
  /\b[6-9]\d{4}[\s-]\d{5}\b/g,
  // China mobile: 138 0013 8000
  /\b1[3-9]\d[\s-]\d{4}[\s-]\d{4}\b/g,
  // Brazil: (11) 91234-5678; Australia: (02) 9876 5432, 0412 345 678
  /\(\d{2}\)\s?9?\d{4}[\s-]?\d{4}\b/g,
  /\b04\d{2}\s\d{3}\s\d{3}\b/g,
  // Ten or eleven digits in one run: 5551234567, 07700900123, 13800138000
  /\b(?:[2-9]\d{9}|0\d{9,10}|1[3-9]\d{9})\b/g,
  // Local numbers: 555-1234, 555.1234, 123-45-67 (not part of a longer run of groups)
  /(?<!\d[-.\s])\b\d{3}[-.](?:\d{4}|\d{2}[-.]\d{2})\b(?![-.]\d)/g,
];
const DIGIT_WORDS: Record<string, string> = {
  zero: "0",
  oh: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
};
// Digits spelled out, alone or mixed with numerals: "five five five one two three four", "555 one 2 three 4567".
const SPELLED_PHONE = new RegExp(
  String.raw`\b(?:(?:${Object.keys(DIGIT_WORDS).join("|")}|\d+)\b[\s,.-]*){3,}`,
  "gi",
);
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const YEAR_RANGE = /^(?:19|20)\d{2}\s?[-/]\s?(?:19|20)\d{2}$/;
const CITED_CODE =
  /(?:isbn|issn|upc|ean|sku|serial|s\/n|sn|imei|vin|model|part|order|item|ref|asin|mpn)\s*(?:no\.?|number|#)?\s*[:#]?\s*$/i;
const MONEY_BEFORE = /[$€£¥₹₩]\s*$|\b(?:usd|eur|gbp|cad|aud|jpy|cny|inr|rs\.?)\s*$/i;
const UNIT_AFTER =
  /^\s?(?:mm|cm|km|m|mi|miles|kg|g|lbs?|oz|gb|tb|mb|kb|mah|rpm|w|kw|v|hz|khz|mhz|ghz|px|dpi|ft|in|inch|inches|usd|eur|gbp|dollars|euros|yen|k|hrs?|hours|years|yrs)\b/i;

// Street addresses: "1600 Pennsylvania Avenue NW", "221B Baker St", "4500 W. Sunset Blvd Apt 5, Los Angeles,
// CA 90028", "P.O. Box 123", "Hauptstraße 5", "10 rue de Rivoli", "Calle Mayor 5".
const SUFFIXES =
  "street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|parkway|pkwy|highway|hwy|circle|cir|square|sq|trail|trl|crescent|cres|close|mews|row|alley|aly|loop|pike|plaza|walk|gardens|grove|hill";
const NOT_A_STREET_NAME =
  "wheel|hard|flash|thumb|disk|disc|test|usb|ssd|hdd|floppy|cd|dvd|blu-ray|external|optical|tb|gb|mb|tennis|basketball|food|wide|narrow|size|one|two|three|four|five|six|seven|eight|nine|ten|x|pc|pcs|piece|pieces|pack|set|lot|slot|bay|bays|door|doors|and|or|the|of|for|with|in|on|to|at|from|by";
const UNIT = String.raw`(?:\.?,?\s*(?:apt|apartment|suite|ste|unit|fl|floor|rm|room|#)\.?\s*#?\s*[\w-]+)`;
const CITY_STATE_ZIP = String.raw`(?:\.?(?:,\s*[a-z]+(?:\s[a-z]+){0,2})?,?\s*[a-z]{2}\s+\d{5}(?:-\d{4})?\b)?`;
const STREET = new RegExp(
  String.raw`(?:\b(?:flat|apt|unit|suite)\s*\w+,?\s+)?\b\d{1,6}[a-z]?(?:[\s-]\d{1,4})?\s+(?:(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\.?\s+)?` +
    String.raw`(?:(?!(?:${NOT_A_STREET_NAME})\b)(?:[a-z][\w'.-]*|\d+(?:st|nd|rd|th))\s+){1,3}(?:${SUFFIXES})\b` +
    String.raw`(?:\.?\s+(?:n|s|e|w|ne|nw|se|sw)\b)?${UNIT}?${CITY_STATE_ZIP}`,
  "gi",
);
const PO_BOX = /\b(?:p\.?\s?o\.?\s?box|post\s+office\s+box)\s*#?\s*\d+\b/gi;
const FOREIGN_WAYS =
  "[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Cc]hemin|[Cc]alle|[Aa]venida|[Aa]vda\\.?|Via|Viale|[Pp]iazza|[Pp]laza|[Rr]ua|ul\\.|[Uu]lica";
const FOREIGN_NAME = String.raw`(?:(?:de|del|de la|des|du|della|do|da|dos|das)\s+)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,3}`;
const FOREIGN_STREET = new RegExp(
  [
    // Hauptstraße 5, Musterstr. 12a, Lindenweg 3
    String.raw`\b\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer)\s+\d{1,4}[a-z]?\b`,
    // 10 rue de Rivoli, 12 Calle Mayor
    String.raw`\b\d{1,4}[a-z]?,?\s+(?:${FOREIGN_WAYS})\s+${FOREIGN_NAME}`,
    // rue de Rivoli 10, Calle Mayor 5, Via Roma 1, Avenida Paulista 1000, ul. Długa 5
    String.raw`(?<![\p{L}])(?:${FOREIGN_WAYS})\s+${FOREIGN_NAME},?\s+\d{1,4}[a-z]?\b`,
  ].join("|"),
  "gu",
);
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;

/**
 * Removes emails, phone numbers, street addresses, links and social handles from `input`, replacing each
 * with a placeholder such as "[phone removed]". The text is NFKC-normalized first (full-width digits and
 * "＠" become plain ones) and characters that hide between digits are dropped.
 */
export function scrubText(input: string): ScrubResult {
  const removed: Record<ScrubbedKind, number> = { email: 0, phone: 0, address: 0, link: 0, handle: 0 };
  let text = input.normalize("NFKC").replace(INVISIBLE, "").replace(DASHES, "-");
  const replace = (
    pattern: RegExp,
    kind: ScrubbedKind,
    keep?: (match: string, before: string, after: string) => boolean,
  ) => {
    text = text.replace(pattern, (match: string, ...rest: unknown[]) => {
      const offset = rest.find((value) => typeof value === "number") as number;
      const before = text.slice(Math.max(0, offset - 24), offset);
      const after = text.slice(offset + match.length, offset + match.length + 12);
      if (keep?.(match, before, after)) return match;
      removed[kind]++;
      return PLACEHOLDERS[kind];
    });
  };
  replace(URL_WITH_SCHEME, "link");
  replace(URL_WWW, "link");
  replace(EMAIL, "email");
  replace(SPELLED_EMAIL, "email", notASpelledEmail);
  // With a bare "at", only a local part no word has ("jane.doe", "jane_88") makes it an email.
  replace(PROVIDER_EMAIL, "email", (match) => /\sat\s/i.test(match) && !/^[^\s]*[._\d]/.test(match));
  replace(BARE_DOMAIN, "link", (match) => /^\d+(\.\d+)+$/.test(match));
  replace(HANDLE, "handle");
  for (const pattern of PHONE_PATTERNS) replace(pattern, "phone", notAPhone);
  replace(SPELLED_PHONE, "phone", notASpelledPhone);
  replace(PO_BOX, "address");
  replace(STREET, "address");
  replace(FOREIGN_STREET, "address");
  replace(UK_POSTCODE, "address", (match) => /\d(?:GB|TB|MB|KB)$/.test(match));
  text = text.replace(
    /\[(email|phone|address|link|handle) removed\](?:[\s,;/]*\[\1 removed\])+/g,
    "[$1 removed]",
  );
  return { text, removed };
}

/**
 * "jane at gmail dot com" and "jane(at)gmail.com" are emails; "available at amazon.com" is a word and a link.
 * A bare "at" with a real dot counts only before a well-known mail provider.
 */
function notASpelledEmail(match: string): boolean {
  const bracketed = /[([{<]\s*(?:at|dot)\s*[)\]}>]/i.test(match);
  const spelledDot = /\bdot\b/i.test(match);
  if (bracketed || spelledDot) return false;
  const domain = match.split(/\s+at\s+/i).pop() ?? "";
  return !MAIL_PROVIDERS.test(domain);
}

function notAPhone(match: string, before: string, after: string): boolean {
  const trimmed = match.trim();
  if (DATE.test(trimmed) || YEAR_RANGE.test(trimmed)) return true;
  if (CITED_CODE.test(before) || MONEY_BEFORE.test(before) || UNIT_AFTER.test(after)) return true;
  // A decimal number ("1299.99") or a digit run glued to a decimal point is a quantity, not a phone.
  if (/^\d+\.\d{1,2}$/.test(trimmed) || /\d[.,]$/.test(before) || /^[.,]\d/.test(after)) return true;
  return false;
}

function notASpelledPhone(match: string, before: string, after: string): boolean {
  const tokens = match.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  const words = tokens.filter((token) => token in DIGIT_WORDS).length;
  const digits = tokens.map((token) => DIGIT_WORDS[token] ?? token).join("");
  if (digits.length < 7 || digits.length > 15) return true;
  // Spelled phones mix in digit words or space out single digits ("5 5 5 1 2 3 4"); other runs of
  // numbers (sizes, years) were judged by the patterns above.
  const spacedDigits = tokens.length >= 7 && tokens.every((token) => token.length === 1);
  if (words < 2 && !spacedDigits) return true;
  return notAPhone(match, before, after);
}
