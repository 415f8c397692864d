import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { ContentStore } from "@lantern/content";
import { contentStoreSource, type Indexer } from "@lantern/indexer";
import {
  ArchiveKind,
  answerReview,
  archiveContentDigest,
  buy,
  cidOfBytes,
  confirm,
  createListing,
  createReview,
  deployArchive,
  digestFromCid,
  encodeLegacyId,
  encodeListingMetadata,
  encodeListingSummary,
  encodeReviewSummary,
  type ListingMetadataInput,
  proposeMediator,
  proposeSettlement,
  publishArchiveBatch,
  setArchiveMilestone,
  ship,
  updateListing,
} from "@lantern/sdk";
import type { FastifyInstance } from "fastify";
import { startChain, type TestChain } from "../../../indexer/test/helpers/chain.ts";
import type { DatabaseTarget, TestDatabase } from "../../../indexer/test/helpers/databases.ts";
import { eventually, testIndexer } from "../../../indexer/test/helpers/indexer.ts";
import { type ApiDatabase, type CreateApiOptions, createApi, openApiDatabase } from "../../src/index.ts";

/** Tiny but real image headers: enough for the store's sniffing, which is all that reads them. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** The query parameters GET /listings takes, as its documentation must name them and the fuzzer tries them. */
export const SEARCH_PARAMS = [
  "q",
  "category",
  "minPrice",
  "maxPrice",
  "currency",
  "location",
  "seller",
  "status",
  "escrow",
  "sort",
  "limit",
  "cursor",
  "facets",
] as const;

export interface SeededListing {
  address: string;
  title: string;
  category: string;
  price: bigint;
  location: string;
  cid: string;
}

export interface Fixture {
  chain: TestChain;
  store: ContentStore;
  indexer: Indexer;
  db: ApiDatabase;
  app: FastifyInstance;
  listings: Record<string, SeededListing>;
  orders: { escrowed: bigint; direct: bigint; completed: bigint };
  /** The Archive's address; records "1001" (with a review "r-1") and "ab-7" in one batch, "1001" a milestone. */
  archive: string;
  cover: string;
  /**
   * The buyer reviews the completed Nikon order (4 stars, `text` in the store), the seller answers (`answer`,
   * whose bytes no store holds); resolves once both are indexed.
   */
  review(): Promise<{ text: string; answer: string }>;
  /** Another API over the same database (a second process's view: its own pool on PostgreSQL). */
  makeApi(extra?: Partial<CreateApiOptions>): Promise<FastifyInstance>;
  close(): Promise<void>;
}

const DOCS: Record<string, ListingMetadataInput & { price: bigint; location: string }> = {
  nikon: {
    title: "Nikon D750 camera body",
    description: "Full frame DSLR with low shutter count, two batteries and the original strap.",
    category: "electronics/cameras",
    condition: "used",
    price: 450_000n,
    location: "Lisbon",
  },
  iphone: {
    title: "Apple iPhone 12 64GB",
    description: "Unlocked smartphone, small scratch on the back glass, battery health 89 percent.",
    category: "electronics/phones",
    condition: "used",
    price: 300_000n,
    location: "Porto",
  },
  sofa: {
    title: "Vintage oak sofa",
    description: "Three seat sofa with a solid oak frame and new linen cushions; pickup only.",
    category: "home/furniture",
    condition: "refurbished",
    price: 120_000n,
    location: "Lisbon",
  },
  bike: {
    title: "Road bicycle 56cm",
    description: "Aluminium frame, carbon fork, shimano groupset; a theodolite is not included.",
    category: "sports/bikes",
    condition: "used",
    price: 80_000n,
    location: "Faro",
  },
  lamp: {
    title: "Brass desk lamp",
    description: "Heavy brass lamp with a green glass shade, rewired.",
    category: "home/lighting",
    condition: "used",
    price: 9_000n,
    location: "Porto",
  },
};

/**
 * A marketplace on a fresh anvil, indexed into `target` with the metadata stage reading a content store, and
 * an API over it. Listings: five with documents in the store (one paused, one closed), one whose document
 * nobody has, one whose CID names an image. Orders: escrowed and shipped with a mediator and two offers,
 * direct, and completed.
 */
export async function startFixture(target: DatabaseTarget): Promise<Fixture> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "lantern-api-test-"));
  const chain = await startChain();
  let database: TestDatabase | undefined;
  let indexer: Indexer | undefined;
  let pool: ApiDatabase | undefined;
  try {
    const store = new ContentStore({ dir: path.join(tmp, "content") });
    const cover = (await store.putImage(PNG)).cid;
    const listings: Record<string, SeededListing> = {};
    for (const [key, doc] of Object.entries(DOCS)) {
      const { price, location, ...metadata } = doc;
      const { cid } = encodeListingMetadata({
        ...metadata,
        location,
        images: key === "nikon" ? [cover] : [],
      });
      await store.putJson(
        encodeListingMetadataValue({ ...metadata, location, images: key === "nikon" ? [cover] : [] }),
      );
      const { listing } = await createListing(chain.seller, {
        price,
        stock: 3,
        metadataCid: cid.toString(),
        title: doc.title,
        category: doc.category,
        location,
      });
      listings[key] = {
        address: listing.toLowerCase(),
        title: doc.title,
        category: doc.category,
        price,
        location,
        cid: cid.toString(),
      };
    }
    // A document nobody has, and a CID that names an image, not a document.
    const missing = encodeListingMetadata({
      ...(DOCS.lamp as ListingMetadataInput),
      title: "Missing document lamp",
    }).cid.toString();
    for (const [key, cid, title] of [
      ["missing", missing, "Missing document lamp"],
      ["image", cidOfBytes(JPEG).toString(), "Gramophone with horn"],
    ] as const) {
      const { listing } = await createListing(chain.seller, {
        price: 5_000n,
        stock: 1,
        metadataCid: cid,
        title,
        category: "music/vinyl",
        location: "Braga",
      });
      listings[key] = {
        address: listing.toLowerCase(),
        title,
        category: "music/vinyl",
        price: 5_000n,
        location: "Braga",
        cid,
      };
    }
    await updateListing(chain.seller, { listing: listings.lamp?.address as `0x${string}`, type: "pause" });
    await updateListing(chain.seller, { listing: listings.bike?.address as `0x${string}`, type: "close" });

    const sofa = listings.sofa?.address as `0x${string}`;
    const escrowed = (await buy(chain.buyer, { listing: sofa, escrowed: true })).orderId;
    await ship(chain.seller, { orderId: escrowed, trackingDigest: `0x${"ab".repeat(32)}` });
    await proposeMediator(chain.buyer, {
      orderId: escrowed,
      mediator: chain.context(3).walletClient.account.address,
    });
    await proposeSettlement(chain.buyer, { orderId: escrowed, buyerBps: 3000 });
    await proposeSettlement(chain.seller, { orderId: escrowed, buyerBps: 2000 });
    const direct = (await buy(chain.buyer, { listing: sofa, escrowed: false })).orderId;
    const nikon = listings.nikon?.address as `0x${string}`;
    const completed = (await buy(chain.buyer, { listing: nikon, escrowed: true })).orderId;
    await ship(chain.seller, { orderId: completed, trackingDigest: `0x${"cd".repeat(32)}` });
    await confirm(chain.buyer, { orderId: completed });

    const archive = await seedArchive(chain, store);
    database = await target.create();
    const deployment = {
      ...chain.deployment,
      contracts: { ...chain.deployment.contracts, Archive: archive },
    };
    indexer = testIndexer(chain.rpcUrl, deployment, database.config, {
      metadata: contentStoreSource(store),
    });
    await indexer.start();
    const ix = indexer;
    await eventually(
      async () => {
        const [row] = await ix.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM listing_metadata WHERE state = 'ok' OR (state = 'invalid') OR attempts > 0",
        );
        return Number(row?.n) >= 7;
      },
      20_000,
      "the metadata stage",
    );
    const config = database.config;
    pool = "url" in config ? openApiDatabase(config.url, { schema: config.schema, max: 4 }) : undefined;
    const db: ApiDatabase = pool ?? { query: (sql, params) => ix.query(sql, params) };
    const makeApi = (extra: Partial<CreateApiOptions> = {}) =>
      createApi({
        db,
        content: store,
        chainHead: () => chain.publicClient.getBlockNumber(),
        rateLimit: false,
        ...extra,
      });
    const app = await makeApi();
    const dbToDrop = database;
    return {
      chain,
      store,
      indexer,
      db,
      app,
      listings,
      orders: { escrowed, direct, completed },
      archive: archive.toLowerCase(),
      cover,
      makeApi,
      async review() {
        // Markup in the text: pages must show it as text.
        const text = "Sharp pictures & <b>well</b> packed.";
        const answer = "Thank you, enjoy the camera!";
        const encode = (value: string) => new TextEncoder().encode(value);
        await store.putRaw(encode(text));
        await createReview(chain.buyer, {
          orderId: completed,
          rating: 4,
          textDigest: digestFromCid(cidOfBytes(encode(text))),
        });
        await answerReview(chain.seller, {
          orderId: completed,
          textDigest: digestFromCid(cidOfBytes(encode(answer))),
        });
        await eventually(
          async () => (await ix.query("SELECT 1 FROM reviews WHERE answer_cid IS NOT NULL")).length > 0,
          20_000,
          "the review and its answer",
        );
        return { text, answer };
      },
      async close() {
        await app.close();
        await pool?.close?.();
        await ix.stop();
        await dbToDrop.drop();
        await chain.stop();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await pool?.close?.().catch(() => {});
    await indexer?.stop().catch(() => {});
    await database?.drop().catch(() => {});
    await chain.stop();
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** An Archive with one batch: two legacy listings and a review, documents in the store, one milestone. */
async function seedArchive(chain: TestChain, store: ContentStore): Promise<`0x${string}`> {
  const owner = chain.context(0);
  const { archive } = await deployArchive({
    walletClient: owner.walletClient,
    publicClient: owner.publicClient,
    publishers: [owner.walletClient.account.address],
  });
  const context = { walletClient: owner.walletClient, publicClient: owner.publicClient, archive };
  const image = (await store.putImage(JPEG)).cid;
  const leica = await store.putJson({ legacyId: "1001", title: "Leica M3 rangefinder", images: [image] });
  const bike = await store.putJson({ legacyId: "ab-7", title: "Mountain bike, 21 gears", images: [] });
  const review = await store.putJson({ legacyId: "r-1", text: "Exactly as described." });
  await publishArchiveBatch(context, {
    records: [
      {
        kind: ArchiveKind.Listing,
        legacyId: encodeLegacyId("1001"),
        content: archiveContentDigest(leica.cid),
        summary: encodeListingSummary({
          date: 1_400_000_000,
          price: 85_000n,
          currency: "USD",
          category: "electronics/cameras",
          title: "Leica M3 rangefinder",
        }),
      },
      {
        kind: ArchiveKind.Listing,
        legacyId: encodeLegacyId("ab-7"),
        content: archiveContentDigest(bike.cid),
        summary: encodeListingSummary({
          date: 1_400_000_500,
          price: 20_000n,
          currency: "USD",
          category: "sports/bikes",
          title: "Mountain bike, 21 gears",
        }),
      },
      {
        kind: ArchiveKind.Review,
        legacyId: encodeLegacyId("r-1"),
        content: archiveContentDigest(review.cid),
        summary: encodeReviewSummary({
          listingId: encodeLegacyId("1001"),
          date: 1_400_100_000,
          rating: 5,
          reviewer: `0x${"ab".repeat(16)}`,
        }),
      },
    ],
  });
  await setArchiveMilestone(context, {
    kind: ArchiveKind.Listing,
    legacyId: encodeLegacyId("1001"),
    label: "first listing",
  });
  return archive;
}

function encodeListingMetadataValue(metadata: ListingMetadataInput): unknown {
  return JSON.parse(new TextDecoder().decode(encodeListingMetadata(metadata).bytes));
}

/**
 * The fixture of the enclosing `describe`, shared by its tests: started before the first and closed after
 * the last. Its fields are filled in when it starts, so a suite can hold on to it while it declares tests.
 */
export function useFixture(target: DatabaseTarget): Fixture {
  const f = {} as Fixture;
  before(async () => {
    Object.assign(f, await startFixture(target));
  });
  after(async () => {
    await f.close?.();
  });
  return f;
}

/** GET as JSON through the app (no socket). */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies field by field
export async function get(app: FastifyInstance, url: string): Promise<{ status: number; body: any }> {
  const response = await app.inject({ method: "GET", url });
  let body: unknown;
  try {
    body = response.json();
  } catch {
    body = response.body;
  }
  return { status: response.statusCode, body };
}
