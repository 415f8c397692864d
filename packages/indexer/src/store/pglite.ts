import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { DatabaseConnectionError } from "../common/errors.ts";
import type { Database, Queryable } from "./database.ts";

/** The embedded engine: PGlite (Postgres in WebAssembly) persisted in a directory. */
export async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  let db: PGlite;
  try {
    await initPgliteDir(dir);
    // pg_trgm serves search (migration 0003): typos and prefixes.
    db = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  } catch (error) {
    throw new DatabaseConnectionError(`Cannot open the embedded database (PGlite) in ${dir}`, {
      details: (error as Error)?.message,
      cause: error,
    });
  }
  const on = (q: PGlite | Transaction): Queryable => ({
    query: async (sql, params) => (await q.query(sql, params as unknown[])).rows as never,
    async copy(table, columns, text) {
      // PGlite reads COPY input from a Blob passed with the query, under the name /dev/blob.
      await q.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    },
  });
  return {
    kind: "pglite",
    location: dir,
    ...on(db),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    close: () => db.close(),
  };
}

/**
 * Runs PGlite's initdb in a side directory and renames it into place, so a process killed during the
 * first start (initdb takes seconds) leaves no half-made data directory behind to fail every later start.
 */
async function initPgliteDir(dir: string): Promise<void> {
  if (existsSync(path.join(dir, "PG_VERSION"))) return;
  mkdirSync(path.dirname(dir), { recursive: true });
  const staging = `${dir}.init`;
  rmSync(staging, { recursive: true, force: true });
  await runInitdb(staging);
  if (!existsSync(dir)) {
    renameSync(staging, dir);
    return;
  }
  // The directory exists (made by hand, say): move the cluster in, PG_VERSION last, since its presence is
  // what marks the directory as initialised.
  const entries = readdirSync(staging).sort(
    (a, b) => Number(a === "PG_VERSION") - Number(b === "PG_VERSION"),
  );
  for (const entry of entries) renameSync(path.join(staging, entry), path.join(dir, entry));
  rmSync(staging, { recursive: true, force: true });
}

function runInitdb(dir: string): Promise<void> {
  const script = fileURLToPath(new URL("./initPglite.mjs", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`initdb failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`)),
    );
  });
}
