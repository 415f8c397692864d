// Deterministic marketplace text for the search benchmark: a vocabulary of several thousand words drawn
// with a Zipf distribution (rank r has weight 1/r), so a few words are in almost every listing, a few
// hundred in a few percent, and most are rare, as in real listings once stop words are gone. Nothing is
// downloaded: the words are syllable compounds from a seeded generator, with a few real product words and
// brands at fixed ranks so that queries such as "nikn" and "ipho" have something to find.
import { cidOfBytes } from "@lantern/sdk";

/** mulberry32: a small, fast, seeded PRNG with a full 2^32 period; enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "st",
  "tr",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ou"];

/** Real words placed at fixed ranks (0-based) of the vocabulary. */
const PLACED: Record<number, string> = {
  3: "vintage",
  40: "camera",
  90: "phone",
  150: "bicycle",
  260: "sofa",
  400: "nikon",
  700: "iphone",
  1200: "lantern",
  2500: "gramophone",
  6000: "theodolite",
};

export interface Vocabulary {
  words: string[];
  /** Cumulative weights, for sampling by binary search. */
  cumulative: Float64Array;
}

export function vocabulary(size: number, seed: number): Vocabulary {
  const random = prng(seed);
  const seen = new Set<string>(Object.values(PLACED));
  const words: string[] = [];
  for (let rank = 0; rank < size; rank++) {
    const placed = PLACED[rank];
    if (placed) {
      words.push(placed);
      continue;
    }
    let word = "";
    do {
      const syllables = 2 + Math.floor(random() * 3);
      word = "";
      for (let s = 0; s < syllables; s++) {
        word += pick(CONSONANTS, random) + pick(VOWELS, random);
      }
      if (random() < 0.3) word += pick(CONSONANTS, random);
    } while (seen.has(word));
    seen.add(word);
    words.push(word);
  }
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / (rank + 1);
    cumulative[rank] = total;
  }
  return { words, cumulative };
}

/** A word's rank drawn with the Zipf weights. */
export function zipfRank(v: Vocabulary, random: () => number): number {
  const target = random() * (v.cumulative[v.cumulative.length - 1] as number);
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((v.cumulative[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

const TOP_CATEGORIES = [
  "electronics",
  "home",
  "fashion",
  "sports",
  "toys",
  "books",
  "music",
  "garden",
  "vehicles",
  "collectibles",
  "tools",
  "art",
];
const SUB_CATEGORIES = ["cameras", "phones", "audio", "furniture", "kitchen", "bikes", "vinyl", "misc"];
export const CATEGORIES = TOP_CATEGORIES.flatMap((top) => SUB_CATEGORIES.map((sub) => `${top}/${sub}`));
export const LOCATIONS = Array.from({ length: 60 }, (_, i) => `City ${i + 1}`);
export const NATIVE = `0x${"0".repeat(40)}`;
export const TOKENS = [`0x${"a1".repeat(20)}`, `0x${"b2".repeat(20)}`];

export interface GeneratedListing {
  address: string;
  seller: string;
  currency: string;
  price: string;
  stock: number;
  status: number;
  metadataCid: string;
  title: string;
  description: string;
  category: string;
  location: string;
  createdBlock: number;
  createdTime: number;
}

/**
 * Listing `index` of the synthetic marketplace; the same index gives the same listing on every run. Titles
 * have 3-8 words, descriptions 15-45; five listings per block, 2 s blocks.
 */
export function makeListing(v: Vocabulary, index: number, seed: number): GeneratedListing {
  const random = prng(seed * 1_000_003 + index);
  const words = (n: number) => Array.from({ length: n }, () => v.words[zipfRank(v, random)]).join(" ");
  const title = words(3 + Math.floor(random() * 6));
  const description = words(15 + Math.floor(random() * 31));
  const category = CATEGORIES[zipfIndex(CATEGORIES.length, random)] as string;
  const location = LOCATIONS[zipfIndex(LOCATIONS.length, random)] as string;
  const roll = random();
  const currency = roll < 0.7 ? NATIVE : (TOKENS[roll < 0.85 ? 0 : 1] as string);
  // Log-uniform prices: 0.001 to 100 of an 18-decimal coin, 1 to 10,000 of a 6-decimal token.
  const exponent = currency === NATIVE ? 15 + random() * 5 : 6 + random() * 4;
  const price =
    BigInt(Math.round(10 ** (exponent - Math.floor(exponent)) * 1000)) *
    10n ** BigInt(Math.floor(exponent) - 3);
  const s = random();
  const status = s < 0.85 ? 1 : s < 0.9 ? 2 : s < 0.98 ? 3 : 4;
  const block = 100 + Math.floor(index / 5);
  return {
    address: hexOf(random, 40),
    seller: `0x${(Math.floor(random() * 50_000) + 1).toString(16).padStart(40, "0")}`,
    currency,
    price: price.toString(),
    stock: 1 + Math.floor(random() * 20),
    status,
    metadataCid: cidOfBytes(new TextEncoder().encode(`listing-${seed}-${index}`)).toString(),
    title: title.charAt(0).toUpperCase() + title.slice(1),
    description,
    category,
    location,
    createdBlock: block,
    createdTime: 1_700_000_000 + block * 2,
  };
}

/** An index in [0, n) with Zipf weights, for categories and locations (a few big, many small). */
function zipfIndex(n: number, random: () => number): number {
  // Inverse of the continuous approximation of the harmonic CDF: fast and close enough for test data.
  const h = Math.log(n + 1);
  return Math.min(n - 1, Math.floor(Math.exp(random() * h) - 1));
}

function hexOf(random: () => number, digits: number): string {
  let out = "0x";
  for (let i = 0; i < digits; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}
