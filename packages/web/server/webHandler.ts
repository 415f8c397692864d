import { readdirSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Deployment } from "@lantern/sdk";

/** What the DApp needs to know at run time; served as `/config.json`. */
export interface WebConfig {
  chainId: number;
  chainName?: string;
  /** JSON-RPC endpoint as the browser reaches it. */
  rpcUrl: string;
  /** The API's base URL as the browser reaches it; the page's own origin unless given. */
  apiUrl?: string;
  /** Offer the funded development accounts as a built-in wallet: local chains only. */
  devWallet: boolean;
  deployment: Deployment;
}

export interface WebHandlerOptions {
  config: WebConfig;
  /** The `vite build` output; packages/web/dist unless given. */
  distDir?: string;
}

export interface WebHandler {
  /** Whether `serve` answers this request: GET or HEAD of a DApp file, of /config.json, or of a page. */
  handles(request: IncomingMessage): boolean;
  /** Answers a request `handles` accepted, gzipped when the client takes it. */
  serve(request: IncomingMessage, response: ServerResponse): void;
  /**
   * The built DApp's script, preload and stylesheet tags, for server-rendered pages: a page that carries
   * them shows its own HTML first, then the DApp mounts on the same URL (progressive enhancement).
   */
  appTags: string;
}

export const DEFAULT_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

interface File {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  cache: string;
}

/**
 * Serves the built DApp from memory: hashed assets with immutable caching, `/config.json`, and index.html
 * for every other page path (the DApp routes in the browser). It is framework-free so any HTTP server can
 * mount it in front of its 404; requests it does not take (another method, a path with an unknown
 * extension) are left to the server.
 */
export function createWebHandler(options: WebHandlerOptions): WebHandler {
  const dist = path.resolve(options.distDir ?? DEFAULT_DIST_DIR);
  const indexFile = path.join(dist, "index.html");
  if (!statSync(indexFile, { throwIfNoEntry: false })?.isFile()) {
    throw new Error(`The DApp is not built: ${indexFile} is missing (run npm run build -w @lantern/web).`);
  }
  const files = new Map<string, File>();
  const add = (urlPath: string, body: Buffer, type: string, cache: string) => {
    // Small files gain nothing from gzip; compress once here rather than on every request.
    const gzip =
      body.length > 1024 && !type.startsWith("image/png") ? gzipSync(body, { level: 9 }) : undefined;
    files.set(urlPath, { body, type, cache, ...(gzip ? { gzip } : {}) });
  };
  for (const file of walk(dist)) {
    const rel = `/${path.relative(dist, file).split(path.sep).join("/")}`;
    const ext = path.extname(file);
    const hashed = rel.startsWith("/assets/");
    add(
      rel,
      readFileSync(file),
      TYPES[ext] ?? "application/octet-stream",
      hashed ? "public, max-age=31536000, immutable" : "no-cache",
    );
  }
  const { config } = options;
  add(
    "/config.json",
    Buffer.from(
      JSON.stringify({
        ...config,
        apiUrl: config.apiUrl ?? "",
        deployment: { ...config.deployment, deploymentBlock: String(config.deployment.deploymentBlock) },
      }),
    ),
    TYPES[".json"] as string,
    "no-store",
  );
  const index = files.get("/index.html") as File;
  const appTags = assetTags(index.body.toString("utf8"));

  const lookup = (request: IncomingMessage): File | undefined => {
    if (request.method !== "GET" && request.method !== "HEAD") return undefined;
    const pathname = decodeURIComponent((request.url ?? "/").split("?")[0] ?? "/");
    const file = files.get(pathname);
    if (file) return file;
    // A page path (no extension) that no API route took: the DApp's router shows it.
    if (path.posix.extname(pathname) === "" && accepts(request, "text/html")) return index;
    return undefined;
  };

  return {
    appTags,
    handles: (request) => {
      try {
        return lookup(request) !== undefined;
      } catch {
        return false; // a malformed escape in the path: not ours
      }
    },
    serve(request, response) {
      const file = lookup(request);
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      const gzip = file.gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      const body = gzip ? (file.gzip as Buffer) : file.body;
      response.writeHead(200, {
        "content-type": file.type,
        "content-length": body.length,
        "cache-control": file.cache,
        "x-content-type-options": "nosniff",
        vary: "accept-encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      response.end(request.method === "HEAD" ? undefined : body);
    },
  };
}

/** The <script> and <link> elements of the built index.html's head (Vite's output: one per line). */
export function assetTags(indexHtml: string): string {
  const head = indexHtml.slice(0, indexHtml.indexOf("</head>"));
  return (head.match(/<script\b[^>]*><\/script>|<link\b[^>]*>/g) ?? []).join("\n");
}

// Only a browser's navigation asks for HTML by name; fetch() and API clients send */* or JSON and must get
// the API's 404, not the DApp's page.
function accepts(request: IncomingMessage, type: string): boolean {
  return String(request.headers.accept ?? "").includes(type);
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
