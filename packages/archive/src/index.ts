// @lantern/archive: moves an existing marketplace's listings and anonymized reviews on chain.
export { IMPORT_USAGE, importCommand, readMilestones } from "./cli.ts";
export { currencyExponent, formatMinor } from "./currencies.ts";
export { type ListingDocument, listingDocument, type ReviewDocument, reviewDocument } from "./documents.ts";
export { ImportError, RowError } from "./errors.ts";
export {
  FIELDS,
  type Field,
  type FieldOptions,
  FieldReader,
  type Kind,
  type LegacyListing,
  type LegacyRecord,
  type LegacyReview,
  parseDate,
  parsePrice,
} from "./fields.ts";
export { ImageLoader, type ImageLoaderOptions } from "./images.ts";
export {
  calldataFloor,
  type ImportChain,
  type ImportFileOptions,
  type ImportReport,
  importFile,
  type MilestoneInput,
} from "./importer.ts";
export { Journal, type JournalEntry } from "./journal.ts";
export { loadSecret, MIN_SECRET_BYTES, Pseudonymizer } from "./pseudonym.ts";
export { CsvSplitter, parseCsvRecord } from "./read/csv.ts";
export { type Format, formatOf, type RawRow, readRows } from "./read/rows.ts";
export { listingRecord, reviewRecord } from "./records.ts";
export {
  generateSample,
  random,
  SAMPLE_DIR,
  SAMPLE_FILES,
  type Sample,
  type SampleOptions,
  samplePng,
} from "./sample.ts";
export { PLACEHOLDERS, type ScrubbedKind, type ScrubResult, scrubText } from "./scrub.ts";
