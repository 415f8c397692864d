export {
  type Content,
  ContentStore,
  type ContentStoreOptions,
  type ContentType,
  DEFAULT_CONTENT_DIR,
  type StoredContent,
} from "./contentStore.ts";
export {
  ContentError,
  ContentIntegrityError,
  ContentTooLargeError,
  UnsupportedContentTypeError,
} from "./errors.ts";
export { type ImageType, sniffImageType } from "./sniff.ts";
