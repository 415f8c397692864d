// The API in its own process for the search benchmark, so the load generator does not share its event
// loop: `tsx bench/lib/searchServer.ts '{"url":..., "schema":..., "workers": 2}'` or `'{"dataDir":...}'`.
// On PostgreSQL it can run several API processes on one port (node:cluster), as a deployment behind a
// load balancer would; PGlite lives in one process. Prints one JSON line with the URL once every process
// listens; exits on SIGTERM.
import cluster from "node:cluster";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ApiDatabase, openApiDatabase, serveApi } from "@lantern/api";
import { ContentStore } from "@lantern/content";
import { openDatabase } from "@lantern/indexer";

const config = JSON.parse(process.argv[2] ?? "{}") as {
  url?: string;
  schema?: string;
  dataDir?: string;
  workers?: number;
};
const workers = config.url ? (config.workers ?? 1) : 1;
if (workers > 1 && cluster.isPrimary) {
  let url: string | undefined;
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on("message", (message: { url: string }) => {
      url = message.url;
      if (++listening === workers) process.stdout.write(`${JSON.stringify({ url, workers })}\n`);
    });
  }
  process.once("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    cluster.once("exit", () => setTimeout(() => process.exit(0), 200));
  });
} else {
  await serve();
}

async function serve(): Promise<void> {
  const contentDir = mkdtempSync(path.join(os.tmpdir(), "lantern-bench-content-"));
  let db: ApiDatabase;
  if (config.url) {
    db = openApiDatabase(config.url, { schema: config.schema, max: 8 });
  } else {
    const database = await openDatabase({ dataDir: config.dataDir ?? "" });
    db = { query: (sql, params) => database.query(sql, params), close: () => database.close() };
  }
  // The benchmark is one client address sending thousands of requests a second: no rate limit here.
  const api = await serveApi({ db, content: new ContentStore({ dir: contentDir }), rateLimit: false });
  if (cluster.isWorker) process.send?.({ url: api.url });
  else process.stdout.write(`${JSON.stringify({ url: api.url })}\n`);
  process.once("SIGTERM", async () => {
    await api.close();
    await db.close?.();
    rmSync(contentDir, { recursive: true, force: true });
    process.exit(0);
  });
}
