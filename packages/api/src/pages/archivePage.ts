import { z } from "zod";
import { notFound } from "../errors.ts";
import { parse } from "../route.ts";
import { readArchiveRecord } from "../routes/archive.ts";
import { text } from "../validation.ts";
import { html } from "./html.ts";
import { breadcrumbs, renderDocument } from "./layout.ts";
import type { PageRoute } from "./page.ts";
import { absoluteUrl, isoDate } from "./site.ts";

const params = z.strictObject({ legacyId: text(200).min(1, "must not be empty") });

interface ArchivedReview {
  legacyId: string;
  rating: number | null;
  reviewer: string | null;
  reviewedAt: number | null;
  block: number;
}

interface ArchivedListing {
  legacyId: string;
  title: string | null;
  category: string | null;
  price: string | null;
  currency: string | null;
  listedAt: number | null;
  block: number;
  transaction: string;
  document: { description?: unknown; images?: unknown } | null;
  reviews?: ArchivedReview[];
  proof: { valid: boolean };
}

/** `/archive/<legacyId>`: a listing moved from the old marketplace, with its reviews and milestone label. */
export const archivePage: PageRoute = {
  url: "/archive/:legacyId",
  async render(request, { db, content, site }) {
    const { legacyId } = parse(params, request.params, "params");
    const record = (await readArchiveRecord(db, content, legacyId, "listing")) as ArchivedListing | undefined;
    if (!record) throw notFound(`The archived listing ${legacyId}`);
    const [milestone] = await db.query<{ label: string; block: string }>(
      `SELECT ms.label, ms.block_number::text AS block FROM archive_milestones ms
       JOIN archive_records r ON r.archive = ms.archive AND r.kind = ms.kind AND r.legacy_id = ms.legacy_id
       WHERE ms.kind = 0 AND r.legacy_id = $1::numeric AND r.block_number = $2 LIMIT 1`,
      [(record as unknown as { encodedLegacyId: string }).encodedLegacyId, record.block],
    );
    const reviews = record.reviews ?? [];
    const lastBlock = Math.max(record.block, Number(milestone?.block ?? 0), ...reviews.map((r) => r.block));
    const canonical = absoluteUrl(site, request, `/archive/${encodeURIComponent(record.legacyId)}`);
    const title = record.title ?? `Archived listing ${record.legacyId}`;
    const description =
      typeof record.document?.description === "string" ? record.document.description : undefined;
    const images = (Array.isArray(record.document?.images) ? record.document.images : [])
      .map((i) => (typeof i === "string" ? i : (i as { cid?: unknown })?.cid))
      .filter((cid): cid is string => typeof cid === "string" && /^[a-z0-9]{1,100}$/i.test(cid))
      .map((cid) => absoluteUrl(site, request, `/ipfs/${cid}`));
    const amount = record.price && record.currency ? legacyPrice(record.price, record.currency) : undefined;
    const rated = reviews.filter((r) => typeof r.rating === "number");
    const average = rated.length ? rated.reduce((sum, r) => sum + (r.rating as number), 0) / rated.length : 0;
    const trail = breadcrumbs([
      { name: site.name, url: absoluteUrl(site, request, "/") },
      { name: title, url: canonical },
    ]);
    const product = {
      "@context": "https://schema.org",
      "@type": "Product",
      name: title,
      url: canonical,
      sku: record.legacyId,
      ...(record.category ? { category: record.category } : {}),
      ...(description ? { description } : {}),
      ...(images.length ? { image: images } : {}),
      ...(amount
        ? {
            offers: {
              "@type": "Offer",
              price: amount,
              priceCurrency: record.currency,
              // An archived listing is a record of a past sale, not something to buy here.
              availability: "https://schema.org/Discontinued",
            },
          }
        : {}),
      ...(rated.length
        ? {
            aggregateRating: {
              "@type": "AggregateRating",
              ratingValue: Number(average.toFixed(2)),
              reviewCount: rated.length,
              bestRating: 5,
              worstRating: 1,
            },
            review: rated.map((r) => ({
              "@type": "Review",
              reviewRating: { "@type": "Rating", ratingValue: r.rating, bestRating: 5, worstRating: 1 },
              author: {
                "@type": "Person",
                name: r.reviewer ? `Buyer ${r.reviewer.slice(0, 10)}` : "A buyer",
              },
              ...(r.reviewedAt ? { datePublished: isoDate(r.reviewedAt).slice(0, 10) } : {}),
            })),
          }
        : {}),
    };
    return {
      version: String(lastBlock),
      maxAge: 3600,
      body: renderDocument(
        site,
        {
          title,
          description: `${milestone ? `${milestone.label}: ` : ""}${title}, archived from the previous marketplace${amount ? `, sold for ${amount} ${record.currency}` : ""}.`,
          canonical,
          type: "product",
          image: images[0],
          imageAlt: title,
          ...(amount ? { price: { amount, currency: record.currency as string } } : {}),
          jsonLd: [product, trail.jsonLd],
        },
        html`${trail.nav}
<article>
<h1>${title}</h1>
${milestone ? html`<p><span class="state">Milestone: ${milestone.label}</span></p>` : ""}
${images.length ? html`<div class="gallery">${images.map((src, i) => html`<img src="${src}" alt="${i === 0 ? title : `${title}, picture ${i + 1}`}" width="480" height="360">`)}</div>` : ""}
${amount ? html`<p class="price">${amount} ${record.currency}</p>` : ""}
${description ? html`<p class="description">${description}</p>` : ""}
<dl class="facts">
<dt>Old listing id</dt><dd>${record.legacyId}</dd>
${record.category ? html`<dt>Category</dt><dd>${record.category}</dd>` : ""}
${record.listedAt ? html`<dt>Listed</dt><dd><time datetime="${isoDate(record.listedAt)}">${isoDate(record.listedAt).slice(0, 10)}</time></dd>` : ""}
<dt>On chain</dt><dd>transaction ${record.transaction}, block ${record.block}${record.proof.valid ? "; its Merkle proof verifies against the batch root" : ""}</dd>
</dl>
<h2>Reviews</h2>
${
  rated.length
    ? html`<p>${average.toFixed(1)} out of 5 from ${rated.length} ${rated.length === 1 ? "review" : "reviews"}</p><ul class="items">${rated.map(
        (r) =>
          html`<li>${r.rating} out of 5${r.reviewedAt ? html` · <time datetime="${isoDate(r.reviewedAt)}">${isoDate(r.reviewedAt).slice(0, 10)}</time>` : ""}</li>`,
      )}</ul>`
    : html`<p>No reviews were archived for this listing.</p>`
}
</article>`,
      ),
    };
  },
};

/** Minor units of an ISO 4217 currency as a decimal amount ("8500000" USD cents → "85000.00"). */
function legacyPrice(minorUnits: string, currency: string): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {}
  if (digits === 0) return minorUnits;
  const padded = minorUnits.padStart(digits + 1, "0");
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
