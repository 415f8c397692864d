import type { listingConditions } from "@lantern/sdk";

/** A listing the demo creates: what a seller would type into the sell form. */
export interface DemoListingSpec {
  title: string;
  description: string;
  /** One of the DApp's categories (packages/web/src/lib/categories.ts). */
  category: string;
  condition: (typeof listingConditions)[number];
  location: string;
  /** The price in ETH, used unless a token price is given and the factory takes a token. */
  ethPrice: string;
  /** The price in the deployment's test token, when the listing is token-priced. */
  tokenPrice?: string;
  stock: number;
  /** File names under packages/archive/sample/images, cover first. */
  images: readonly string[];
  attributes?: Record<string, string>;
}

/** Twelve live listings across the DApp's categories; sellers take them in turn. */
export const DEMO_LISTINGS: readonly DemoListingSpec[] = [
  {
    title: "Canon AE-1 Program 35mm film camera with 50mm f/1.8",
    description: "Shutter and light meter work, new seals fitted last spring. Comes with the original strap.",
    category: "electronics/cameras",
    condition: "used",
    location: "Portland, OR",
    ethPrice: "0.12",
    stock: 1,
    images: ["item-01.png", "item-02.png"],
    attributes: { brand: "Canon", model: "AE-1 Program" },
  },
  {
    title: "Pixel 8 128GB unlocked, obsidian",
    description: "Always in a case, screen protector since day one. Battery health 94%.",
    category: "electronics/phones",
    condition: "used",
    location: "Austin, TX",
    ethPrice: "0.18",
    tokenPrice: "320",
    stock: 2,
    images: ["item-03.png"],
    attributes: { brand: "Google", storage: "128GB" },
  },
  {
    title: "Solid oak dining table, seats six",
    description: "180 x 90 cm, oiled finish. Pick-up only, bring a van.",
    category: "home",
    condition: "used",
    location: "Denver, CO",
    ethPrice: "0.25",
    stock: 1,
    images: ["item-04.png", "item-05.png"],
  },
  {
    title: "Waxed canvas field jacket, size M",
    description: "Worn twice. Corduroy collar, four pockets, olive.",
    category: "fashion",
    condition: "used",
    location: "Seattle, WA",
    ethPrice: "0.04",
    tokenPrice: "85",
    stock: 3,
    images: ["item-06.png"],
    attributes: { size: "M", colour: "olive" },
  },
  {
    title: "The Art of Computer Programming, Vol. 1-4A boxed set",
    description: "Hardcover, third edition, like new. Shipped in a double box.",
    category: "books",
    condition: "used",
    location: "Boston, MA",
    ethPrice: "0.09",
    stock: 1,
    images: ["item-07.png"],
  },
  {
    title: "Carbon road bike, 56 cm, Shimano 105",
    description: "2021 frame, 11-speed 105 groupset, tubeless wheels. Serviced in March.",
    category: "sports",
    condition: "used",
    location: "San Diego, CA",
    ethPrice: "0.6",
    tokenPrice: "1150",
    stock: 1,
    images: ["item-08.png", "item-09.png"],
    attributes: { frame: "56 cm" },
  },
  {
    title: "Wooden train set, 60 pieces",
    description: "Beech track, bridge, tunnel and four engines. Compatible with the big brands.",
    category: "toys",
    condition: "new",
    location: "Chicago, IL",
    ethPrice: "0.03",
    stock: 5,
    images: ["item-10.png"],
  },
  {
    title: "Roof rack cross bars, 120 cm, lockable",
    description: "Aluminium, fits most flush rails, keys included.",
    category: "vehicles",
    condition: "used",
    location: "Phoenix, AZ",
    ethPrice: "0.05",
    tokenPrice: "110",
    stock: 2,
    images: ["item-11.png"],
  },
  {
    title: "Noise-cancelling over-ear headphones",
    description: "30 h battery, USB-C, carrying case and cable. Small scuff on the left cup.",
    category: "electronics",
    condition: "used",
    location: "Miami, FL",
    ethPrice: "0.07",
    tokenPrice: "140",
    stock: 4,
    images: ["item-12.png"],
  },
  {
    title: "Cast iron skillet, 30 cm, pre-seasoned",
    description: "Heavy, even heat, works on induction. Brand new in box.",
    category: "home",
    condition: "new",
    location: "Nashville, TN",
    ethPrice: "0.02",
    stock: 8,
    images: ["item-02.png"],
  },
  {
    title: "Fujifilm X100V, silver, with two batteries",
    description: "Low shutter count, original box, lens hood and filter adapter.",
    category: "electronics/cameras",
    condition: "used",
    location: "New York, NY",
    ethPrice: "0.7",
    tokenPrice: "1300",
    stock: 1,
    images: ["item-05.png", "item-01.png"],
    attributes: { brand: "Fujifilm", model: "X100V" },
  },
  {
    title: "Hand-thrown stoneware mugs, set of four",
    description: "Ash glaze, 350 ml each, dishwasher safe.",
    category: "other",
    condition: "new",
    location: "Asheville, NC",
    ethPrice: "0.035",
    stock: 6,
    images: ["item-09.png"],
  },
];

/** Orders the demo buyer places, by index into `DEMO_LISTINGS`, and the state each is left in. */
export const DEMO_ORDERS: readonly {
  listing: number;
  escrowed: boolean;
  state: "Paid" | "Shipped" | "Completed";
}[] = [
  { listing: 0, escrowed: true, state: "Paid" },
  { listing: 1, escrowed: true, state: "Paid" },
  { listing: 6, escrowed: true, state: "Paid" },
  { listing: 2, escrowed: true, state: "Shipped" },
  { listing: 3, escrowed: true, state: "Shipped" },
  { listing: 4, escrowed: true, state: "Completed" },
  { listing: 8, escrowed: true, state: "Completed" },
  { listing: 9, escrowed: false, state: "Completed" },
];

/** The reviews the buyer leaves on completed escrowed orders, by listing index. */
export const DEMO_REVIEWS: Readonly<Record<number, { rating: number; text: string }>> = {
  4: { rating: 5, text: "Exactly as described, very well packed. Would buy from this seller again." },
  8: { rating: 4, text: "Works great; the scuff is a little bigger than in the photo, but fair price." },
};
