import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseConfig } from "../../src/index.ts";

/** A database for one test, and how to throw it away. */
export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

export interface DatabaseTarget {
  name: "pglite" | "postgres";
  create(): Promise<TestDatabase>;
}

/**
 * Every engine the tests run against: PGlite always; a PostgreSQL server too when TEST_DATABASE_URL is set
 * (scripts/postgres-test-server.sh starts a throwaway one). Each test database is its own PGlite directory
 * or its own schema, so tests never see each other's rows.
 */
export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: "pglite", create: pgliteDatabase }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ name: "postgres", create: () => postgresSchema(url) });
  return targets;
}

let template: Promise<string> | undefined;

/**
 * An empty PGlite data directory. `initdb` takes seconds in WebAssembly, so it runs once per test process
 * and each test gets a copy of the result.
 */
export async function pgliteDatabase(): Promise<TestDatabase> {
  template ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lantern-indexer-template-"));
    const db = await PGlite.create({ dataDir: dir });
    await db.close();
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lantern-indexer-test-"));
  cpSync(await template, dataDir, { recursive: true });
  return {
    config: { dataDir },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.lock`, { force: true });
    },
  };
}

let counter = 0;

export async function postgresSchema(url: string): Promise<TestDatabase> {
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  return {
    config: { url, schema },
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
