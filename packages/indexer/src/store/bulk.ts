import type { Queryable } from "./database.ts";

/** A column and the Postgres type its values are sent as. */
export interface Column {
  name: string;
  type: "text" | "numeric" | "bigint" | "integer" | "smallint" | "boolean" | "jsonb";
}

export type Value = string | number | boolean | null;

export interface InsertOptions {
  /** Primary key columns; with `update`, rows that exist are updated instead of failing. */
  conflict?: string[];
  /** Columns overwritten on conflict (default: every column outside `conflict`). */
  update?: string[];
}

/**
 * Inserts many rows in one statement: each column travels as one array parameter and `unnest` turns them
 * back into rows. One statement per table per range, whatever its size, and no parameter-count limit
 * (a multi-row VALUES list stops at 65,535 parameters). `rows` holds one array per column.
 */
export async function insertColumns(
  tx: Queryable,
  table: string,
  columns: readonly Column[],
  data: Value[][],
  options: InsertOptions = {},
): Promise<void> {
  const count = data[0]?.length ?? 0;
  if (count === 0) return;
  const names = columns.map((c) => c.name).join(", ");
  const sources = columns.map((c, i) => `$${i + 1}::${c.type}[]`);
  let sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${sources.join(", ")})`;
  if (options.conflict) {
    const update = options.update ?? columns.map((c) => c.name).filter((n) => !options.conflict?.includes(n));
    sql += ` ON CONFLICT (${options.conflict.join(", ")}) DO UPDATE SET ${update.map((n) => `${n} = excluded.${n}`).join(", ")}`;
  }
  await tx.query(sql, data);
}

/** Column-major storage for rows built one at a time. */
export class ColumnBuffer {
  readonly data: Value[][];
  constructor(readonly columns: readonly Column[]) {
    this.data = columns.map(() => []);
  }
  get length(): number {
    return this.data[0]?.length ?? 0;
  }
  push(...values: Value[]): void {
    for (let i = 0; i < values.length; i++) (this.data[i] as Value[]).push(values[i] as Value);
  }
}
