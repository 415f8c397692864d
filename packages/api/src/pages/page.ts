import type { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { html } from "./html.ts";
import { renderDocument } from "./layout.ts";
import { varyOnAccept } from "./negotiate.ts";
import { absoluteUrl, type Site } from "./site.ts";

export interface PageContext extends ApiContext {
  site: Site;
}

export interface PageResult {
  status?: number;
  /** text/html unless given. */
  type?: string;
  body: string | Readable;
  /**
   * What the page shows changes only when this does: the last indexed block that touched it, and whatever
   * else it depends on (a metadata document arriving). Becomes the ETag.
   */
  version?: string;
  /** Seconds a browser or CDN may reuse the page without asking; revalidation by ETag after that. */
  maxAge?: number;
}

/** A server-rendered page (or feed, sitemap, ...) at a URL the API may also answer with JSON. */
export interface PageRoute {
  url: string;
  /**
   * A document with one representation (sitemap, feed, robots.txt, OpenSearch): served whatever the
   * Accept header says. Pages (the default) give way to the API's JSON for clients that prefer it.
   */
  document?: boolean;
  render(request: FastifyRequest, ctx: PageContext): Promise<PageResult>;
}

/** Bumped when templates change, so caches drop pages rendered by an older node. */
const TEMPLATE_VERSION = "1";

/**
 * Renders a page and sends it with its validator; answers 304 when the client already has this version.
 * Errors become HTML pages (a 404 with a search box, a 400 that says what was wrong), never JSON.
 */
export async function sendPage(
  route: PageRoute,
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PageContext,
  onInternalError: (error: unknown) => void,
): Promise<FastifyReply> {
  let result: PageResult;
  try {
    result = await route.render(request, ctx);
  } catch (error) {
    result = errorPage(ctx.site, request, error, onInternalError);
  }
  const status = result.status ?? 200;
  varyOnAccept(reply);
  if (result.version !== undefined && status < 500) {
    const etag = `W/"${TEMPLATE_VERSION}-${status}-${result.version}"`;
    reply.header("etag", etag);
    reply.header("cache-control", `public, max-age=${result.maxAge ?? 60}, stale-while-revalidate=600`);
    if (matches(request.headers["if-none-match"], etag)) {
      if (typeof result.body !== "string") result.body.destroy();
      return reply.code(304).send();
    }
  } else {
    reply.header("cache-control", "no-store");
  }
  return reply
    .code(status)
    .type(result.type ?? "text/html; charset=utf-8")
    .header("x-content-type-options", "nosniff")
    .send(result.body);
}

function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, "");
  return String(header)
    .split(",")
    .some((tag) => tag.trim() === "*" || weak(tag) === weak(etag));
}

function errorPage(
  site: Site,
  request: FastifyRequest,
  error: unknown,
  onInternalError: (error: unknown) => void,
): PageResult {
  const api = error instanceof ApiError ? error : undefined;
  if (!api || api.code === "internal") onInternalError(error);
  const status = api && api.code !== "internal" ? api.status : 500;
  const heading =
    status === 404
      ? "Not found"
      : status === 400
        ? "This address is not valid"
        : status === 503
          ? "The index is not reachable right now"
          : "Something went wrong on our side";
  const detail =
    status === 404 || status === 400
      ? api?.message
      : status === 503
        ? "Try again in a moment."
        : "It has been logged.";
  const path = request.url.split("?")[0] ?? "/";
  const body = html`<h1>${heading}</h1>
<p>${detail ?? ""}</p>
<p>Look for something else with the search box above, or go <a href="/">back to the marketplace</a>.</p>`;
  return {
    status,
    body: renderDocument(
      site,
      { title: heading, description: heading, canonical: absoluteUrl(site, request, path), noindex: true },
      body,
    ),
    // Only a 404 is worth caching (a crawler asking again); a 400 or 5xx gets no validator.
    ...(status === 404 ? { version: "404", maxAge: 60 } : {}),
  };
}
