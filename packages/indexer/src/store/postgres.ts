import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { DatabaseConnectionError, NonRetryableError } from "../common/errors.ts";
import type { Database } from "./database.ts";

/** A PostgreSQL server, over one connection: the indexer is a single writer. */
export async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
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

  const fail = (error: unknown): never => {
    if (lost || isConnectionError(error)) {
      throw new DatabaseConnectionError(`Lost the connection to the PostgreSQL server at ${location}`, {
        details: (lost ?? (error as Error)).message,
        cause: error,
      });
    }
    throw error;
  };
  const run = async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
    try {
      return (await client.query(sql, params as unknown[])).rows as T[];
    } catch (error) {
      return fail(error);
    }
  };
  // One connection serves every stage: a statement from outside a transaction waits for it to end, as on
  // PGlite, instead of running inside it (the metadata stage writes beside the range writer).
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = turn.then(fn);
    turn = result.catch(() => {});
    return result;
  };
  const query = <T>(sql: string, params?: unknown[]): Promise<T[]> => exclusive(() => run<T>(sql, params));
  const copy = async (table: string, columns: readonly string[], text: string): Promise<void> => {
    try {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
      await new Promise<void>((resolve, reject) => {
        stream.once("error", reject);
        stream.once("finish", resolve);
        stream.end(text);
      });
    } catch (error) {
      fail(error);
    }
  };
  return {
    kind: "postgres",
    location,
    query,
    copy: (table, columns, text) => exclusive(() => copy(table, columns, text)),
    exec: async (sql) => {
      await query(sql);
    },
    transaction: (fn) =>
      exclusive(async () => {
        await run("BEGIN");
        try {
          const result = await fn({ query: run, copy });
          await run("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        }
      }),
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
