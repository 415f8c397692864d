import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { anvilBinary } from "@lantern/sdk";
import { CliError } from "../errors.ts";
import { assertPortFree } from "./port.ts";
import { chainStateFiles, promoteNextState, stateToLoad } from "./stateFile.ts";

export interface LocalChainOptions {
  dataDir: string;
  host: string;
  port: number;
  chainId: number;
  /** Seconds between periodic state dumps, so a crash loses at most this much. */
  stateInterval: number;
}

export interface LocalChain {
  rpcUrl: string;
  chainId: number;
  /** True when the chain was loaded from a saved state. */
  resumed: boolean;
  /** Stops anvil, waits for its final state dump, and makes that dump the saved state. */
  stop(): Promise<void>;
  /** Resolves if anvil exits on its own (a crash), with its exit code. */
  exited: Promise<number | null>;
}

/** Starts anvil on a fixed loopback port with its state kept in the data directory. */
export async function startLocalChain(options: LocalChainOptions): Promise<LocalChain> {
  const files = chainStateFiles(options.dataDir);
  mkdirSync(files.dir, { recursive: true });
  const load = stateToLoad(files);
  await assertPortFree(options.host, options.port, "local chain");

  const args = [
    "--host",
    options.host,
    "--port",
    String(options.port),
    "--chain-id",
    String(options.chainId),
    "--dump-state",
    files.next,
    "--state-interval",
    String(options.stateInterval),
    // Logs of every past block must survive a restart so the indexer can rebuild from the deployment block.
    "--preserve-historical-states",
  ];
  if (load) args.push("--load-state", load);

  const child = spawn(anvilBinary(), args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const rpcUrl = `http://${options.host}:${options.port}`;
  await waitForRpc(rpcUrl, child, () => output);
  let stopping: Promise<void> | undefined;
  return {
    rpcUrl,
    chainId: options.chainId,
    resumed: load !== undefined,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGINT");
          const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
          await exited;
          clearTimeout(timer);
        }
        promoteNextState(files);
      })();
      return stopping;
    },
  };
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new CliError(`The local chain (anvil) exited with code ${child.exitCode}:\n${output().trim()}`);
    }
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new CliError(`The local chain (anvil) did not answer on ${rpcUrl} within 30 s:\n${output().trim()}`);
}
