// The API under load in its own process (bench/lib/searchServer.ts), so the load generator does not share
// its event loop, and autocannon as a promise. Shared by the search and pages benchmarks.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts bench/lib/searchServer.ts with `config` and waits for the URL it prints. */
export async function startApiProcess(config: object): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "bench/lib/searchServer.ts"), JSON.stringify(config)],
    { stdio: ["ignore", "pipe", "inherit"], cwd: root },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the API server exited (${code})`)));
  });
  return {
    url: (JSON.parse(line) as { url: string }).url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

export function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
