import type { ChildProcess } from "node:child_process";
import type { Address, Hex } from "viem";
import { LanternError } from "../errors/base.ts";

// Node built-ins are loaded when a function runs, not when the module loads, so that the SDK's entry point
// stays importable in a browser bundle (the DApp) although it exports this Node-only helper.
const node = () => ({
  childProcess: process.getBuiltinModule("node:child_process"),
  fs: process.getBuiltinModule("node:fs"),
  module: process.getBuiltinModule("node:module"),
  net: process.getBuiltinModule("node:net"),
  path: process.getBuiltinModule("node:path"),
  url: process.getBuiltinModule("node:url"),
});

export interface AnvilAccount {
  address: Address;
  privateKey: Hex;
}

/**
 * Anvil's ten funded development accounts (10,000 ether each), derived from its well-known mnemonic
 * "test test test test test test test test test test test junk". Public knowledge: local chains only.
 */
export const anvilAccounts: readonly AnvilAccount[] = [
  [
    "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  ],
  [
    "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  ],
  [
    "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
    "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  ],
  [
    "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
    "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  ],
  [
    "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
    "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  ],
  [
    "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
    "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  ],
  [
    "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
    "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  ],
  [
    "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
    "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
  ],
  [
    "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
    "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  ],
  [
    "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
    "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
  ],
].map(([address, privateKey]) => ({ address: address as Address, privateKey: privateKey as Hex }));

export interface StartAnvilOptions {
  /** Chain id; 31337 (anvil's) unless given. */
  chainId?: number;
  /** Seconds between blocks; without it every transaction is mined at once. */
  blockTime?: number;
  /** More command-line arguments for anvil. */
  args?: readonly string[];
  /** The anvil executable; found from the installed `@foundry-rs/anvil` unless given. */
  binary?: string;
  /** How long to wait for the RPC to answer, in milliseconds (15 s). */
  timeoutMs?: number;
}

export interface Anvil {
  /** `http://127.0.0.1:<port>` */
  rpcUrl: string;
  port: number;
  chainId: number;
  /** The funded accounts, with their private keys. */
  accounts: readonly AnvilAccount[];
  /** Stops anvil and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The anvil binary npm installed with `@foundry-rs/anvil` (its platform package), or `node_modules/.bin`'s
 * wrapper when the platform package cannot be found. The binary itself is preferred: signals reach anvil
 * directly rather than a Node wrapper.
 */
export function anvilBinary(): string {
  const { fs, module, path, url } = node();
  const require = module.createRequire(import.meta.url);
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const exe = process.platform === "win32" ? "anvil.exe" : "anvil";
  try {
    const dir = path.dirname(require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/package.json`));
    const binary = path.join(dir, "bin", exe);
    if (fs.existsSync(binary)) return binary;
  } catch {
    // fall through to node_modules/.bin
  }
  for (let dir = path.dirname(url.fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", ".bin", exe);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new LanternError(
    `anvil is not installed for ${process.platform}/${process.arch}; run npm install (it comes with @foundry-rs/anvil).`,
  );
}

/** Children still running, killed if the process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Starts anvil on 127.0.0.1 on a free port and resolves once its RPC answers. Every caller must `stop()` it;
 * if the process exits first, anvil is killed anyway.
 */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<Anvil> {
  const binary = options.binary ?? anvilBinary();
  if (!node().fs.existsSync(binary)) throw new LanternError(`anvil was not found at ${binary}.`);
  let lastError: unknown;
  // Another process may take the free port between finding it and anvil binding it: try a few ports.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(binary, port, options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof LanternError && /in use/i.test(error.details))) throw error;
    }
  }
  throw lastError;
}

async function launch(binary: string, port: number, options: StartAnvilOptions): Promise<Anvil> {
  const chainId = options.chainId ?? 31337;
  const args = [
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--chain-id",
    String(chainId),
    "--accounts",
    "10",
  ];
  if (options.blockTime !== undefined) args.push("--block-time", String(options.blockTime));
  args.push(...(options.args ?? []));

  const child = node().childProcess.spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  installExitHook();
  let output = "";
  const keep = (chunk: Buffer | string) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("error", (error) => keep(`\n${error.message}`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));
  // A forgotten stop() must not keep the test process alive; the exit hook still kills anvil.
  child.unref();
  (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };

  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while ((await chainIdOf(rpcUrl)) !== chainId) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new LanternError(`anvil exited before it answered on port ${port}.`, { details: output.trim() });
    }
    if (Date.now() > deadline) {
      await stop();
      throw new LanternError(`anvil did not answer on ${rpcUrl} in time.`, { details: output.trim() });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { rpcUrl, port, chainId, accounts: anvilAccounts, stop };
}

async function chainIdOf(rpcUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    const body = (await response.json()) as { result?: string };
    return body.result ? Number(body.result) : undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = node().net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new LanternError("No free port was found."))));
    });
  });
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}
