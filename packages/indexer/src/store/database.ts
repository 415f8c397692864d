import type { DatabaseConfig } from "../common/options.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

/** What the stages need from a database: one dialect (Postgres), two engines. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * `COPY table (columns) FROM` the given text (Postgres text format: tab-separated, one row per line):
   * the fastest bulk load either engine has, about 2-3x an INSERT of the same rows from JSON.
   */
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
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
