import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const script = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../scripts/postgres-test-server.sh",
);

export interface BenchPostgres {
  url: string;
  /** Stops the server if this process started it; a TEST_DATABASE_URL server is left alone. */
  stop(): void;
}

/**
 * The PostgreSQL server a benchmark measures: TEST_DATABASE_URL when set, otherwise a throwaway server
 * (scripts/postgres-test-server.sh) whose state lives under `stateDir`.
 */
export function benchPostgres(stateDir: string): BenchPostgres {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop() {} };
  console.error("Starting a throwaway PostgreSQL server (scripts/postgres-test-server.sh)...");
  const env = { ...process.env, LANTERN_PG_STATE: path.join(stateDir, "pg-state") };
  const url = execFileSync(script, ["start"], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return { url, stop: () => execFileSync(script, ["stop"], { env, stdio: "inherit" }) };
}
