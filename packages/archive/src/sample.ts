// A made-up legacy marketplace, from a fixed seed: listings (CSV) and reviews (JSON Lines) with realistic
// text, prices, categories and dates, tiny images, and planted contact details for the scrubber to remove.
// No real personal data: phone numbers come from ranges reserved for fiction (555-01xx, 07700 900xxx),
// emails and links from example.com/.org/.net, addresses are fictional.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

/** The committed sample: packages/archive/sample. */
export const SAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../sample");
export const SAMPLE_FILES = {
  listings: path.join(SAMPLE_DIR, "legacy-listings.csv"),
  reviews: path.join(SAMPLE_DIR, "legacy-reviews.jsonl"),
  milestones: path.join(SAMPLE_DIR, "milestones.json"),
} as const;

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same marketplace. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Category {
  name: string;
  items: [string, number, number][];
  extras: string[];
}

const CATEGORIES: Category[] = [
  {
    name: "phones",
    items: [
      ["iPhone 8 64GB", 180, 260],
      ["iPhone X 256GB", 380, 520],
      ["Samsung Galaxy S9", 200, 320],
      ["Google Pixel 2 XL", 190, 300],
      ["Moto G6 Play", 70, 120],
    ],
    extras: ["unlocked", "no scratches", "with case", "battery health 91%", "original box"],
  },
  {
    name: "electronics",
    items: [
      ['Samsung 55" 4K Smart TV', 280, 450],
      ["Sony WH-1000XM3 headphones", 150, 240],
      ["Nintendo Switch console", 220, 290],
      ["PlayStation 4 Pro 1TB", 230, 320],
      ["Bose SoundLink speaker", 60, 110],
    ],
    extras: ["works perfectly", "remote included", "2 controllers", "HDMI cable", "barely used"],
  },
  {
    name: "computers",
    items: [
      ["MacBook Pro 13 A1708 2017", 650, 900],
      ["Dell XPS 13 9360", 520, 780],
      ['iPad Air 2 9.7"', 180, 260],
      ["Lenovo ThinkPad T470", 380, 520],
      ["Custom gaming PC GTX 1070", 700, 1100],
    ],
    extras: ["8GB RAM", "256GB SSD", "charger included", "new battery", "clean install"],
  },
  {
    name: "cameras",
    items: [
      ["Nikon D750 body", 850, 1150],
      ["Canon EOS Rebel T6 kit", 300, 420],
      ["GoPro HERO6 Black", 200, 280],
      ["Canon EF 24-105mm f/4L lens", 450, 620],
    ],
    extras: ["low shutter count", "two batteries", "UV filter", "strap and bag"],
  },
  {
    name: "furniture",
    items: [
      ["IKEA Kallax shelf 4x4", 60, 110],
      ["Mid-century walnut dresser", 250, 520],
      ["Grey sectional sofa", 300, 750],
      ["Solid oak dining table, 6 chairs", 350, 800],
      ["Queen bed frame with headboard", 120, 260],
    ],
    extras: ["smoke-free home", "must pick up", "minor wear", "disassembled for transport"],
  },
  {
    name: "cars",
    items: [
      ["2009 Honda Civic LX", 4200, 6800],
      ["2012 Toyota Camry SE", 7500, 10500],
      ["2006 Ford F-150 4 Wheel Drive", 6800, 9900],
      ["2014 Subaru Outback 2.5i", 11000, 14500],
    ],
    extras: ["clean title", "new tires", "120,000 miles", "one owner", "service records"],
  },
  {
    name: "bikes",
    items: [
      ["Trek FX 3 hybrid bike", 350, 520],
      ["Specialized Rockhopper 29er", 380, 600],
      ["Kids bike 20 inch", 45, 90],
      ["Fixed gear road bike 54cm", 150, 260],
    ],
    extras: ["tuned up", "helmet included", "size M", "new chain"],
  },
  {
    name: "clothing",
    items: [
      ["Patagonia down jacket size M", 80, 140],
      ["Levi's 501 jeans 32x34", 20, 45],
      ["North Face rain shell size L", 50, 90],
      ["Wedding dress size 6", 300, 900],
    ],
    extras: ["worn twice", "like new", "smoke-free", "dry cleaned"],
  },
  {
    name: "shoes",
    items: [
      ["Nike Air Max 90 size 10.5", 60, 110],
      ["Adidas Ultraboost size 9", 70, 120],
      ["Dr. Martens 1460 size 8", 55, 95],
    ],
    extras: ["original box", "worn once", "no creases"],
  },
  {
    name: "home & garden",
    items: [
      ["Weber Spirit gas grill", 150, 260],
      ["Dyson V8 cordless vacuum", 140, 220],
      ["KitchenAid stand mixer", 160, 240],
      ["Patio set, table and 4 chairs", 120, 300],
    ],
    extras: ["works great", "all attachments", "cover included"],
  },
  {
    name: "tools",
    items: [
      ["DeWalt 20V drill set", 90, 150],
      ["Craftsman 230-piece tool set", 80, 130],
      ["Honda lawn mower HRX217", 280, 420],
    ],
    extras: ["2 batteries", "case included", "lightly used"],
  },
  {
    name: "musical instruments",
    items: [
      ["Fender Stratocaster MIM", 450, 650],
      ["Yamaha P-45 digital piano 88 keys", 300, 400],
      ["Pearl drum kit 5 piece", 350, 600],
    ],
    extras: ["gig bag", "new strings", "stand included"],
  },
  {
    name: "kids & toys",
    items: [
      ["LEGO 75192 Millennium Falcon", 650, 800],
      ["Graco stroller", 60, 120],
      ["Melissa & Doug wooden kitchen", 50, 90],
    ],
    extras: ["complete", "pet-free home", "all pieces"],
  },
];

const CITIES = [
  "Dallas, TX",
  "Fort Worth, TX",
  "Houston, TX",
  "Austin, TX",
  "Plano, TX",
  "Arlington, TX",
  "Atlanta, GA",
  "Phoenix, AZ",
  "Denver, CO",
  "Chicago, IL",
  "Seattle, WA",
  "Portland, OR",
];
const CONDITIONS = ["new", "like new", "good", "fair"];
const OPENERS = [
  "Selling my",
  "For sale:",
  "Moving sale -",
  "Barely used",
  "Great deal on a",
  "Upgraded, so selling my",
];
const CLOSERS = [
  "Cash or Venmo, pickup only.",
  "Price is firm.",
  "Open to reasonable offers.",
  "First come, first served.",
  "Serious buyers only, no trades.",
  "Can meet at a public place.",
];

/** Contact details sellers and reviewers left in free text: what the scrubber must remove. */
const PLANTED = [
  () => "Call or text (555) 010-4477.",
  () => "Text me at 555.010.2391 after 5pm.",
  () => "Email sam.seller@example.com for more photos.",
  () => "reach me: jo(at)example(dot)org",
  () => "Cell +1 555 010 8812, ask for Chris.",
  () => "WhatsApp +44 7700 900123.",
  () => "Pick up at 742 Evergreen Terrace, Springfield.",
  () => "More pictures at www.example.net/listing/8812",
  () => "See https://example.com/shop?item=42 for specs.",
  () => "Call 555-0123 any time.",
  () => "Contact: pat dot lee at example dot com",
  () => "Address: 1234 Elm Street Apt 5, Dallas, TX 75201",
  () => "IG @example.seller for more",
  () => "Ring 020 7946 0958 (UK) or 07700 900456.",
];

const REVIEW_TEXTS: Record<number, string[]> = {
  5: [
    "Exactly as described, smooth pickup.",
    "Great seller, very responsive. Would buy again!",
    "Item was in even better shape than the photos.",
    "Friendly and on time. Highly recommend.",
  ],
  4: [
    "Good deal, minor scuff not mentioned but fine.",
    "Quick replies, item works well.",
    "Happy with it, took a while to schedule.",
  ],
  3: ["It's okay. A bit more wear than expected.", "Seller was late but the item works."],
  2: ["Not quite as described, missing the charger.", "Had to follow up several times."],
  1: ["Never showed up the first time; item was broken.", "Would not buy from this seller again."],
};

export interface SampleOptions {
  seed?: number;
  listings?: number;
  reviews?: number;
  /** First listing id (10001); ids then grow by 1, sometimes 2 or 3 (deleted rows leave gaps). */
  firstListingId?: number;
  firstReviewId?: number;
  /** How many distinct sample images listings refer to (12). */
  images?: number;
  /** Share of free texts with a planted contact detail (0.15). */
  planted?: number;
}

export interface Sample {
  listingsCsv: string;
  reviewsJsonl: string;
  milestones: { kind: "listing" | "review"; id: string; label: string }[];
  images: { name: string; bytes: Uint8Array }[];
  /** What was generated, for tests: ids by kind, and how many texts had something planted. */
  stats: { listingIds: string[]; reviewIds: string[]; plantedTexts: number };
}

/** Generates the sample marketplace; the same options always give the same bytes. */
export function generateSample(options: SampleOptions = {}): Sample {
  const rand = random(options.seed ?? 5_16_2019);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const listingCount = options.listings ?? 300;
  const reviewCount = options.reviews ?? 400;
  const imageCount = options.images ?? 12;
  const plantedShare = options.planted ?? 0.15;
  const users = Array.from(
    { length: Math.max(20, Math.ceil(listingCount / 4)) },
    (_, i) => `u${100_000 + i * 7}`,
  );
  let planted = 0;
  const plant = (text: string) => {
    if (rand() >= plantedShare) return text;
    planted++;
    return `${text} ${pick(PLANTED)()}`;
  };

  const start = Date.UTC(2015, 0, 5) / 1000;
  const end = Date.UTC(2019, 4, 10) / 1000;
  const listings: {
    id: string;
    seller: string;
    price: number;
    category: string;
    condition: string;
    status: string;
    createdAt: number;
  }[] = [];
  const csv = [
    "id,seller_id,title,description,price,currency,category,condition,location,created_at,status,images",
  ];
  let id = options.firstListingId ?? 10_001;
  for (let i = 0; i < listingCount; i++) {
    const category = pick(CATEGORIES);
    const [item, low, high] = pick(category.items);
    const price = Math.round((low + rand() * (high - low)) * 100) / 100;
    const cents = rand() < 0.6 ? Math.round(price) : price;
    const condition = category.name === "cars" ? "used" : pick(CONDITIONS);
    const createdAt = Math.floor(start + ((end - start) * (i + rand() * 0.5)) / listingCount);
    const status = rand() < 0.55 ? "sold" : rand() < 0.9 ? "expired" : rand() < 0.5 ? "active" : "removed";
    const extras = [pick(category.extras), pick(category.extras)].filter((e, k, all) => all.indexOf(e) === k);
    const title = `${item}${rand() < 0.5 ? ` - ${extras[0]}` : ""}`;
    let description = `${pick(OPENERS)} ${item}. ${extras.join(", ")}. ${pick(CLOSERS)}`;
    if (rand() < 0.1) description += `\nAsking "${cents}" OBO.`;
    description = plant(description);
    const seller = pick(users);
    const images = Array.from(
      { length: Math.floor(rand() * 4) },
      () => `images/item-${String(1 + Math.floor(rand() * imageCount)).padStart(2, "0")}.png`,
    );
    const date = new Date(createdAt * 1000).toISOString().replace(".000Z", "Z");
    csv.push(
      [
        String(id),
        seller,
        title,
        description,
        cents.toFixed(cents % 1 === 0 && rand() < 0.5 ? 0 : 2),
        "USD",
        category.name,
        condition,
        pick(CITIES),
        date,
        status,
        [...new Set(images)].join("|"),
      ]
        .map(csvField)
        .join(","),
    );
    listings.push({
      id: String(id),
      seller,
      price: cents,
      category: category.name,
      condition,
      status,
      createdAt,
    });
    id += rand() < 0.9 ? 1 : 2 + Math.floor(rand() * 2);
  }

  const reviews: string[] = [];
  const reviewIds: string[] = [];
  const reviewed = listings.filter((l) => l.status === "sold");
  let reviewId = options.firstReviewId ?? 50_001;
  for (let i = 0; i < reviewCount && reviewed.length > 0; i++) {
    const listing = reviewed[Math.floor((i / reviewCount) * reviewed.length)] as (typeof reviewed)[number];
    const r = rand();
    const rating = r < 0.55 ? 5 : r < 0.8 ? 4 : r < 0.9 ? 3 : r < 0.95 ? 2 : 1;
    let reviewer = pick(users);
    if (reviewer === listing.seller) reviewer = users[(users.indexOf(reviewer) + 1) % users.length] as string;
    const createdAt = listing.createdAt + 86_400 * (1 + Math.floor(rand() * 20));
    reviews.push(
      JSON.stringify({
        id: String(reviewId),
        listing_id: listing.id,
        reviewer_id: reviewer,
        seller_id: listing.seller,
        rating,
        text: plant(pick(REVIEW_TEXTS[rating] as string[])),
        created_at: new Date(createdAt * 1000).toISOString().replace(".000Z", "Z"),
      }),
    );
    reviewIds.push(String(reviewId));
    reviewId += rand() < 0.95 ? 1 : 2;
  }

  // Each milestone names a different record: the archive keeps one label per record.
  const used = new Set<string>();
  const flag = (label: string, listing: (typeof listings)[number] | undefined) => {
    if (!listing || used.has(listing.id)) return undefined;
    used.add(listing.id);
    return { kind: "listing" as const, id: listing.id, label };
  };
  const milestones = [
    flag("first listing", listings[0]),
    flag(
      "first sold out",
      listings.find((l) => l.status === "sold" && !used.has(l.id)),
    ),
    flag(
      "first used car",
      listings.find((l) => l.category === "cars" && !used.has(l.id)),
    ),
    flag(
      "most expensive",
      [...listings].sort((a, b) => b.price - a.price).find((l) => !used.has(l.id)),
    ),
    flag(
      "first flagged listing",
      listings.find((l) => l.status === "removed" && !used.has(l.id)),
    ),
    reviewIds[0] ? { kind: "review" as const, id: reviewIds[0], label: "first review" } : undefined,
  ].filter((m): m is { kind: "listing" | "review"; id: string; label: string } => Boolean(m));

  const images = Array.from({ length: imageCount }, (_, i) => ({
    name: `item-${String(i + 1).padStart(2, "0")}.png`,
    bytes: samplePng(i + 1),
  }));
  return {
    listingsCsv: `${csv.join("\n")}\n`,
    reviewsJsonl: `${reviews.join("\n")}\n`,
    milestones,
    images,
    stats: { listingIds: listings.map((l) => l.id), reviewIds, plantedTexts: planted },
  };
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A 16x16 PNG: a two-colour gradient picked by `n`, a few hundred bytes. */
export function samplePng(n: number): Uint8Array {
  const width = 16;
  const height = 16;
  const hue = (n * 47) % 360;
  const [r, g, b] = hsl(hue, 0.55, 0.55);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const shade = 0.6 + (0.4 * (x + y)) / (width + height);
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = Math.round(r * shade);
      raw[at + 1] = Math.round(g * shade);
      raw[at + 2] = Math.round(b * shade);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}
