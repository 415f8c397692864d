import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NonRetryableError } from "../common/errors.ts";
import type { Logger } from "../common/logger.ts";
import type { Database } from "./database.ts";

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `migrations/NNNN_name.sql`, in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(path.join(dir, file), "utf8"),
    }));
}

/**
 * Applies the migrations this database has not seen, each in its own transaction with its version row,
 * so a crash mid-migration leaves the previous version intact. A database from a newer indexer is refused
 * rather than written with an older idea of the tables.
 */
export async function migrate(db: Database, logger: Logger, migrations = readMigrations()): Promise<void> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const rows = await db.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
  const applied = new Set(rows.map((r) => Number(r.version)));
  const latest = migrations.at(-1)?.version ?? 0;
  const newest = Math.max(0, ...applied);
  if (newest > latest) {
    throw new NonRetryableError(
      `The database at ${db.location} was written by a newer indexer (schema version ${newest}, this one knows up to ${latest}).`,
    );
  }
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      // Statements run one by one: the extended protocol that takes parameters runs one statement at a time.
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
    });
    logger.info("applied migration", { version: m.version, name: m.name });
  }
}

/**
 * Splits a migration on semicolons at line ends, after dropping `--` comments, leaving `$$`-quoted bodies
 * (functions, triggers) whole. Enough for our DDL.
 */
export function splitStatements(sql: string): string[] {
  const text = sql
    .split("\n")
    .map((line) => line.replace(/--.*$/, ""))
    .join("\n");
  const statements: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/\$\$[\s\S]*?\$\$|;\s*(?:\n|$)/g)) {
    if (match[0].startsWith("$$")) continue;
    statements.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  statements.push(text.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}
