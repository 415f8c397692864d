import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DemoSeed } from "@lantern/cli";

export interface Stack {
  /** Where the DApp and the API answer (one origin). */
  url: string;
  /** The local chain's JSON-RPC endpoint. */
  rpcUrl: string;
  /** The data directory `npm start` uses (removed by `stop()`). */
  dataDir: string;
  stop(): Promise<void>;
}

/** A stack started with `{ demo: true }`: what the seed holds (`<data-dir>/demo.json`, see docs/archive.md). */
export interface DemoStack extends Stack {
  demo: DemoSeed;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `npm start` (chain, contracts, indexer, API and DApp) on free ports with a fresh data directory, and
 * resolves once it printed where the chain and the API answer. With `demo`, `npm start -- --demo` seeds the
 * demo marketplace first and the seed's description comes back as `demo`. `stop()` stops it as Ctrl-C would
 * and removes the directory.
 */
export async function startStack(): Promise<Stack>;
export async function startStack(options: { demo: true }): Promise<DemoStack>;
export async function startStack(options: { demo?: boolean } = {}): Promise<Stack | DemoStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lantern-e2e-"));
  const [chainPort, apiPort] = [await freePort(), await freePort()];
  const args = ["--data-dir", dataDir, "--port", String(chainPort), "--api-port", String(apiPort)];
  const child = spawn(
    "npm",
    ["start", "--", ...args, ...(options.demo ? ["--demo"] : [])],
    // Its own process group, so stopping reaches npm, the node process and anvil together.
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const stop = async () => {
    await stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const { url, rpcUrl } = await new Promise<{ url: string; rpcUrl: string }>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(
        () => reject(new Error(`npm start did not start within 120 s:\n${out}`)),
        120_000,
      );
      const read = (chunk: Buffer) => {
        out = (out + chunk.toString()).slice(-20_000);
        const api = /^\s+API\s+(http:\/\/\S+)/m.exec(out);
        const chain = /^\s+Chain\s+(http:\/\/\S+)/m.exec(out);
        if (api?.[1] && chain?.[1]) {
          clearTimeout(timer);
          resolve({ url: api[1], rpcUrl: chain[1] });
        }
      };
      child.stdout?.on("data", read);
      child.stderr?.on("data", read);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}):\n${out}`));
      });
    });
    if (!options.demo) return { url, rpcUrl, dataDir, stop };
    const demo = JSON.parse(readFileSync(path.join(dataDir, "demo.json"), "utf8")) as DemoSeed;
    return { url, rpcUrl, dataDir, stop, demo };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stops the whole process group as Ctrl-C does (the chain state is saved), then kills what is left. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const group = -child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(group, "SIGKILL");
      } catch {
        // already gone
      }
    }, 20_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(group, "SIGINT");
  });
}

/** Moves the local chain's clock forward (anvil), as waiting out a window would. */
export async function increaseTime(rpcUrl: string, seconds: number): Promise<void> {
  for (const [method, params] of [
    ["evm_increaseTime", [seconds]],
    ["evm_mine", []],
  ] as const) {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await response.json()) as { error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
  }
}
