import pg from "pg";
import { ApiError } from "./errors.ts";

/** What the API needs from the index: read queries. Every route is a read, except content uploads (disk). */
export interface ApiDatabase {
  /**
   * `prepare` names a statement whose text never changes (hot routes): PostgreSQL then plans it once per
   * connection. Engines without prepared statements ignore it.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], prepare?: string): Promise<T[]>;
  close?(): Promise<void>;
}

/**
 * A pool of connections to the index in a PostgreSQL server (optionally one schema of it). The API keeps
 * no state of its own, so any number of API processes can share one database (or its read replicas).
 */
export function openApiDatabase(url: string, options: { schema?: string; max?: number } = {}): ApiDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    // A query the planner gets wrong must not hold a connection forever.
    statement_timeout: 10_000,
    options: [
      ...(options.schema ? [`-c search_path="${options.schema.replaceAll('"', '""')}",public`] : []),
      // Every API query is short and many run at once: a parallel plan's workers (and JIT compiling a
      // plan the planner thinks costly) take longer to start than the query takes, and the cores they
      // take serve the other requests better.
      "-c max_parallel_workers_per_gather=0",
      "-c jit=off",
    ].join(" "),
  });
  // An idle connection the server drops emits 'error' on the pool; the next query gets a new one.
  pool.on("error", () => {});
  return {
    async query<T>(sql: string, params?: unknown[], prepare?: string) {
      const result = prepare
        ? await pool.query({ name: prepare, text: sql, values: params })
        : await pool.query(sql, params);
      return result.rows as T[];
    },
    close: () => pool.end(),
  };
}

/** The database is down or not open yet: 503, so clients and load balancers retry elsewhere. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? "";
  return (
    (typeof code === "string" &&
      (code.startsWith("08") || code === "57P01" || code === "57P03" || code === "ECONNREFUSED")) ||
    /not open yet|Connection terminated|timeout exceeded when trying to connect|PGlite is closed/i.test(
      message,
    ) ||
    (error as Error)?.name === "DatabaseConnectionError"
  );
}

export const unavailable = () =>
  new ApiError("unavailable", "The index database is not reachable right now; try again shortly.");
