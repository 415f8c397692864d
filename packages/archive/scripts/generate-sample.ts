// Writes the committed sample export (packages/archive/sample) from a fixed seed: `npm run sample -w
// @lantern/archive`. Running it again rewrites the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateSample, SAMPLE_DIR, SAMPLE_FILES } from "../src/sample.ts";

const sample = generateSample();
mkdirSync(path.join(SAMPLE_DIR, "images"), { recursive: true });
writeFileSync(SAMPLE_FILES.listings, sample.listingsCsv);
writeFileSync(SAMPLE_FILES.reviews, sample.reviewsJsonl);
writeFileSync(SAMPLE_FILES.milestones, `${JSON.stringify(sample.milestones, null, 2)}\n`);
for (const image of sample.images) writeFileSync(path.join(SAMPLE_DIR, "images", image.name), image.bytes);
console.log(
  `wrote ${sample.stats.listingIds.length} listings, ${sample.stats.reviewIds.length} reviews, ${sample.images.length} images and ${sample.milestones.length} milestones to ${path.relative(process.cwd(), SAMPLE_DIR)} (${sample.stats.plantedTexts} texts with planted contact details)`,
);
