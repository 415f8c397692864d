import {
  ContentIntegrityError,
  ContentTooLargeError,
  sniffImageType,
  UnsupportedContentTypeError,
} from "@lantern/content";
import { listingMetadataSchema } from "@lantern/sdk";
import { z } from "zod";
import { ApiError, badParameter, notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { storeCid } from "../validation.ts";

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

export const uploadRoute = defineRoute({
  method: "POST",
  url: "/content",
  tag: "content",
  summary: "Store a listing document or an image",
  description:
    "The body's Content-Type says what it is: application/json for a listing metadata document (validated against the listing schema, stored in canonical form), image/jpeg, image/png or image/webp for an image (the bytes must be that type), application/octet-stream for opaque bytes (encrypted shipping details). Answers with the CID, under which GET /ipfs/{cid} serves it.",
  body: {
    description: "The document or the image",
    mediaTypes: ["application/json", ...IMAGE_TYPES, "application/octet-stream"],
  },
  responses: {
    201: "Stored (or already held): its CID, size and type",
    400: "Not a valid listing document",
    413: "Larger than the store accepts for its type",
    415: "A type the store does not take, or bytes that are not the type claimed",
  },
  handler: async ({ request, reply }, { content }) => {
    const type = (String(request.headers["content-type"] ?? "").split(";")[0] ?? "").trim().toLowerCase();
    const body = request.body;
    const bytes = body instanceof Uint8Array ? body : new Uint8Array();
    try {
      let stored: { cid: string; size: number; type: string };
      if (type === "application/json") {
        if (bytes.length > content.maxJsonBytes)
          throw new ContentTooLargeError("JSON document", bytes.length, content.maxJsonBytes);
        let value: unknown;
        try {
          value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
        } catch {
          throw badParameter("body", "must be a JSON document");
        }
        const parsed = listingMetadataSchema.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw badParameter(
            ["body", ...(issue?.path ?? []).map(String)].join("."),
            issue?.message ?? "is not valid",
          );
        }
        stored = await content.putJson(parsed.data);
      } else if (IMAGE_TYPES.includes(type)) {
        const actual = sniffImageType(bytes);
        if (actual !== type) {
          throw new ApiError(
            "unsupported_media_type",
            actual
              ? `The bytes are ${actual}, not ${type}.`
              : `The bytes are not ${type} (nor any image type accepted).`,
            { field: "body", rule: `must be the type its Content-Type says (${type})` },
          );
        }
        stored = await content.putImage(bytes);
      } else if (type === "application/octet-stream") {
        stored = await content.putRaw(bytes);
      } else {
        throw new ApiError("unsupported_media_type", `Content-Type ${type || "(none)"} is not accepted.`, {
          field: "headers.content-type",
          rule: "must be application/json, image/jpeg, image/png, image/webp or application/octet-stream",
        });
      }
      reply.code(201);
      return { ...stored, url: `/ipfs/${stored.cid}` };
    } catch (error) {
      if (error instanceof ContentTooLargeError) {
        throw new ApiError("payload_too_large", error.message, {
          field: "body",
          rule: `must be at most ${error.maxSize} bytes`,
        });
      }
      if (error instanceof UnsupportedContentTypeError) {
        throw new ApiError("unsupported_media_type", error.message, {
          field: "body",
          rule: "must be JPEG, PNG or WebP",
        });
      }
      throw error;
    }
  },
});

export const ipfsRoute = defineRoute({
  method: "GET",
  url: "/ipfs/:cid",
  tag: "content",
  summary: "Content by CID",
  description:
    "The bytes the CID names, checked against it on every read (bytes that do not hash to the CID are never served), with immutable caching: the same address an IPFS gateway serves.",
  params: z.strictObject({ cid: storeCid }),
  responses: {
    200: "The bytes",
    304: "Not modified",
    400: "Not a CID this store holds (sha2-256 CIDv1, json or raw codec)",
    404: "Not held here",
  },
  handler: async ({ params, request, reply }, { content }) => {
    let found: Awaited<ReturnType<typeof content.get>>;
    try {
      found = await content.get(params.cid);
    } catch (error) {
      // The file no longer matched its CID (the store removed it): for a client it is simply not here.
      if (error instanceof ContentIntegrityError) throw notFound(`The content ${params.cid}`);
      throw error;
    }
    if (!found) throw notFound(`The content ${params.cid}`);
    const etag = `"${found.cid}"`;
    reply.header("cache-control", "public, max-age=31536000, immutable");
    reply.header("etag", etag);
    reply.header("x-content-type-options", "nosniff");
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    reply.type(found.type === "application/json" ? "application/json; charset=utf-8" : found.type);
    return reply.send(Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength));
  },
});
