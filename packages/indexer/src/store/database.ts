import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { DatabaseConnectionError, NonRetryableError } from "../common/errors.ts";
import type { DatabaseConfig } from "../common/options.ts";

/** What the stages need from a database: one dialect (Postgres), two engines. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Where it is, for messages: a directory or a URL without its password. */
  readonly location: string;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return "url" in config ? openPostgres(config.url, config.schema) : openPglite(config.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  let db: PGlite;
  try {
    await initPgliteDir(dir);
    db = await PGlite.create({ dataDir: dir });
  } catch (error) {
    throw new DatabaseConnectionError(`Cannot open the embedded database (PGlite) in ${dir}`, {
      details: (error as Error)?.message,
      cause: error,
    });
  }
  const run = async <T>(q: { query: PGlite["query"] }, sql: string, params?: unknown[]) =>
    (await q.query<T>(sql, params as unknown[])).rows;
  return {
    kind: "pglite",
    location: dir,
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
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
  const db = await PGlite.create({ dataDir: staging });
  await db.close();
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

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  const location = redact(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // Without a listener, a server that goes away would crash the process from an 'error' event; the next
  // query fails instead, with the message below.
  let lost: Error | undefined;
  client.on("error", (error) => {
    lost = error;
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new DatabaseConnectionError(`Cannot connect to the PostgreSQL server at ${location}`, {
      details: `${(error as Error)?.message || String(error)}. Check DATABASE_URL: host, port, user, password and database name.`,
      cause: error,
    });
  }
  if (schema) {
    const quoted = `"${schema.replaceAll('"', '""')}"`;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}; SET search_path TO ${quoted}`);
  }
  const query = async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
    try {
      return (await client.query(sql, params as unknown[])).rows as T[];
    } catch (error) {
      if (lost || isConnectionError(error)) {
        throw new DatabaseConnectionError(`Lost the connection to the PostgreSQL server at ${location}`, {
          details: (lost ?? (error as Error)).message,
          cause: error,
        });
      }
      throw error;
    }
  };
  return {
    kind: "postgres",
    location,
    query,
    exec: async (sql) => {
      await query(sql);
    },
    async transaction(fn) {
      await query("BEGIN");
      try {
        const result = await fn({ query });
        await query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    close: () => client.end(),
  };
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && (code.startsWith("08") || code === "57P01" || code === "ECONNRESET");
}

/** The URL with its password replaced, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    throw new NonRetryableError("DATABASE_URL is not a valid URL", {
      details: "expected postgres://user:password@host:port/database",
    });
  }
}
