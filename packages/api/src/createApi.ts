import type { IncomingMessage, ServerResponse } from "node:http";
import compress from "@fastify/compress";
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import { ContentStore } from "@lantern/content";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import type { ApiContext } from "./context.ts";
import type { ApiDatabase } from "./database.ts";
import { isUnavailable, unavailable } from "./database.ts";
import { ApiError } from "./errors.ts";
import { createSite, PAGES, type PageContext, type PagesOptions, sendPage } from "./pages/index.ts";
import { prefersHtml } from "./pages/negotiate.ts";
import { openApiDocument, type RouteDefinition, register } from "./route.ts";
import { ROUTES } from "./routes/index.ts";

export interface CreateApiOptions {
  db: ApiDatabase;
  /** The content store, or its options; `.lantern/content` by default. */
  content?: ContentStore;
  chainHead?: () => Promise<bigint>;
  /** The chain and deployment of the rewards routes (`ApiContext.chain`). */
  chain?: ApiContext["chain"];
  /** Requests per minute per client address; false turns the limit off (benchmarks). Default 1200. */
  rateLimit?: { max: number; timeWindowMs?: number } | false;
  /** Origins allowed by CORS; true (default) allows any, since the API is public and read-mostly. */
  corsOrigin?: boolean | string | string[];
  /** Trust X-Forwarded-For from a load balancer for the client address (rate limits). Default false. */
  trustProxy?: boolean;
  /** Routes added to the built-in ones (and to the OpenAPI document). */
  routes?: readonly RouteDefinition[];
  /** Called with errors that are ours, not the client's (the client gets a 500 without details). */
  onInternalError?: (error: unknown) => void;
  /**
   * Answers what no API route takes, before the 404: the DApp's files and pages (`createWebHandler` of
   * @lantern/web). Its answers bypass Fastify's reply (it compresses its own files).
   */
  web?: {
    handles(request: IncomingMessage): boolean;
    serve(request: IncomingMessage, response: ServerResponse): void;
    /** The DApp's script and style tags, put into every server-rendered page so the DApp takes it over. */
    appTags?: string;
  };
  /**
   * Server-rendered pages for browsers without a wallet, crawlers and link previews (listing, seller,
   * category, search, archive record; sitemaps, feeds, robots.txt, OpenSearch); false turns them off.
   */
  pages?: PagesOptions | false;
}

/**
 * The HTTP API over one index database. Keeps no state between requests (the rate limiter's counters
 * aside), so any number of processes can serve one database.
 */
export async function createApi(options: CreateApiOptions): Promise<FastifyInstance> {
  const content = options.content ?? new ContentStore();
  const ctx: ApiContext = { db: options.db, content, chainHead: options.chainHead, chain: options.chain };
  const routes = [...ROUTES, ...(options.routes ?? [])];
  const app = Fastify({
    logger: false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: Math.max(content.maxImageBytes, content.maxJsonBytes, content.maxRawBytes),
    // Path parameters we take are short (an address, a CID, an id); longer ones are refused early.
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // Refusals from the router (a bad URL encoding, a parameter too long) get the same JSON as ours.
    frameworkErrors: (error, _request, reply) => {
      const api = toApiError(error);
      (reply as FastifyReply).code(api.status).type("application/json; charset=utf-8").send(api.toJSON());
    },
  });

  app.setErrorHandler((error, _request, reply) => {
    const api = toApiError(error);
    if (api.status >= 500 && api.code === "internal") {
      // Logged with its cause for us, never sent to the client (it may name tables, paths or values).
      (options.onInternalError ?? logInternalError)(error);
    }
    reply.code(api.status).type("application/json; charset=utf-8").send(api.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.web?.handles(request.raw)) {
      reply.hijack();
      options.web.serve(request.raw, reply.raw);
      return;
    }
    reply
      .code(404)
      .send(new ApiError("not_found", `No route ${request.method} ${request.url.split("?")[0]}`).toJSON());
  });

  // Uploads are bytes whatever they claim to be; the route decides what they are.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  await app.register(cors, { origin: options.corsOrigin ?? true, methods: ["GET", "POST"] });
  await app.register(compress, { global: true, threshold: 1024, encodings: ["gzip", "deflate"] });
  if (options.rateLimit !== false) {
    await app.register(rateLimit, {
      max: options.rateLimit?.max ?? 1200,
      timeWindow: options.rateLimit?.timeWindowMs ?? 60_000,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        Object.assign(
          new ApiError("rate_limited", `Too many requests; retry after ${Math.ceil(context.ttl / 1000)} s.`),
          { statusCode: 429 },
        ),
    });
  }

  const document = openApiDocument(routes, { version: "0.1.0" });
  app.get("/openapi.json", async () => document);
  const pages = options.pages === false ? [] : PAGES;
  const pageCtx: PageContext = { ...ctx, site: createSite(options.pages || {}, options.web?.appTags) };
  const onInternalError = options.onInternalError ?? logInternalError;
  for (const route of routes) {
    const page = route.method === "GET" ? pages.find((p) => p.url === route.url) : undefined;
    // One URL, two representations: the JSON route keeps every client that does not ask for HTML first.
    register(
      app,
      route,
      ctx,
      page && {
        wants: (request) => prefersHtml(request.headers.accept, "json"),
        send: (request, reply) => sendPage(page, request, reply, pageCtx, onInternalError),
      },
    );
  }
  for (const page of pages) {
    if (routes.some((r) => r.method === "GET" && r.url === page.url)) continue;
    app.get(page.url, (request, reply) => {
      // A client that asks for JSON gets the API's 404 at a page's URL, as before pages existed.
      if (!page.document && !prefersHtml(request.headers.accept, "html")) return reply.callNotFound();
      return sendPage(page, request, reply, pageCtx, onInternalError);
    });
  }
  return app;
}

function logInternalError(error: unknown): void {
  const e = error as Error;
  process.stderr.write(`lantern api: internal error: ${e?.stack ?? String(error)}\n`);
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as { code?: string; statusCode?: number; message?: string };
  if (e?.code === "FST_ERR_MAX_PARAM_LENGTH" || e?.code === "FST_ERR_BAD_URL") {
    return new ApiError(
      "invalid_parameter",
      "The URL has a path parameter that is too long or badly encoded.",
      {
        field: "params",
        rule: "must be a short, correctly percent-encoded value",
      },
    );
  }
  if (e?.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new ApiError("payload_too_large", "The body is larger than any upload the store accepts.", {
      field: "body",
      rule: "too large",
    });
  }
  if (e?.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return new ApiError("unsupported_media_type", "This Content-Type is not accepted.", {
      field: "headers.content-type",
      rule: "not accepted",
    });
  }
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own refusals (bad JSON framing, bad URL encoding, empty body...) are the client's.
    return new ApiError(
      e.statusCode === 413
        ? "payload_too_large"
        : e.statusCode === 415
          ? "unsupported_media_type"
          : e.statusCode === 429
            ? "rate_limited"
            : "invalid_parameter",
      e.message ?? "Bad request",
      {
        field: "request",
        rule: e.message ?? "bad request",
      },
    );
  }
  if (isUnavailable(error)) return unavailable();
  return new ApiError("internal", "Something went wrong on our side; it has been logged.");
}
