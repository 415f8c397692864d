import { LanternError } from "@lantern/sdk";

/** Content was refused or could not be served; the base of the content store's errors. */
export class ContentError extends LanternError {
  override name = "ContentError";
}

/** Content is larger than the store accepts for its type. */
export class ContentTooLargeError extends ContentError {
  override name = "ContentTooLargeError";
  readonly size: number;
  readonly maxSize: number;

  constructor(what: string, size: number, maxSize: number) {
    super(
      `The ${what} has ${size.toLocaleString("en-US")} bytes; at most ${maxSize.toLocaleString("en-US")} are accepted.`,
    );
    this.size = size;
    this.maxSize = maxSize;
  }
}

/** Bytes offered as an image are not a JPEG, PNG or WebP image. */
export class UnsupportedContentTypeError extends ContentError {
  override name = "UnsupportedContentTypeError";
}

/**
 * A stored file does not hash to its CID (changed on disk after it was written). The file is removed, so
 * storing the right content again repairs the store.
 */
export class ContentIntegrityError extends ContentError {
  override name = "ContentIntegrityError";
  readonly cid: string;

  constructor(cid: string, file: string) {
    super(`The stored content for ${cid} does not match its CID; it was removed.`, { details: file });
    this.cid = cid;
  }
}
