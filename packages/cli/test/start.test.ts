import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { SAMPLE_FILES } from "@lantern/archive";
import { openDatabase } from "@lantern/indexer";
import { anvilAccounts, createListing, escrowAbi, listingFactoryAbi, readDeploymentFile } from "@lantern/sdk";
import { createPublicClient, createWalletClient, http, parseEther, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { DEMO_LISTINGS, DEMO_ORDERS } from "../src/demo/catalog.ts";
import { DEMO_ROLES } from "../src/demo/seedDemo.ts";

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src", "bin.ts");
const tmpDirs: string[] = [];
after(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lantern-cli-"));
  tmpDirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

/** `lantern` with these arguments; with `group`, in a process group of its own (see `interrupt`). */
function lantern(args: string[], env: Record<string, string> = {}, group = false): Run {
  const child = spawn(process.execPath, ["--import", "tsx", bin, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
    detached: group,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitFor(run: Run, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`exited early:\n${run.output()}`);
    if (Date.now() > deadline) {
      run.child.kill("SIGKILL");
      throw new Error(`timed out waiting for "${text}":\n${run.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ctrl-C in a terminal: SIGINT to the whole process group, anvil included (which saves the chain). */
async function interrupt(run: Run): Promise<void> {
  process.kill(-(run.child.pid as number), "SIGINT");
  await run.exit;
  // anvil is not waited for by anyone once the node process is gone: wait until it let go of its port.
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(-(run.child.pid as number), 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the process group did not stop");
}

/** The JSON at `url` once it answers 200: the indexer writes what the chain holds a moment later. */
async function waitForJson(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    if (response.ok) return response.json();
    if (Date.now() > deadline)
      throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("lantern start", () => {
  test("deploys on the first start only, indexes what happens, and the chain survives a restart", async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const apiPort = await freePort();
    const args = ["start", "--data-dir", dataDir, "--port", String(port), "--api-port", String(apiPort)];

    const first = lantern(args);
    await waitFor(first, "Lantern is running");
    const api = first.output().match(/API\s+(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    assert.equal(api, `http://127.0.0.1:${apiPort}`, "prints the API's URL");
    assert.match(first.output(), /new chain/);
    assert.match(first.output(), /deployed now/);
    const deployment = JSON.parse(readFileSync(path.join(dataDir, "deployments", "31337.json"), "utf8"));
    assert.match(deployment.Escrow, /^0x[0-9a-fA-F]{40}$/);
    const client = createPublicClient({ transport: http(`http://127.0.0.1:${port}`) });
    await waitFor(first, "Caught up; following the head");
    const rpc = http(`http://127.0.0.1:${port}`);
    const seller = anvilAccounts[1];
    assert.ok(seller);
    const { listing } = await createListing(
      {
        publicClient: createPublicClient({ chain: foundry, transport: rpc }),
        walletClient: createWalletClient({
          chain: foundry,
          transport: rpc,
          account: privateKeyToAccount(seller.privateKey),
        }),
        deployment:
          readDeploymentFile(path.join(dataDir, "deployments"), 31337) ?? assert.fail("no deployment file"),
      },
      {
        currency: zeroAddress,
        price: parseEther("0.2"),
        stock: 3n,
        metadataCid: "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
        title: "Brass desk lamp",
        category: "home",
        location: "Lisbon",
      },
    );
    // Mine a few blocks so there is state beyond the listing to lose; the indexer polls the head every
    // quarter second, so two seconds is plenty for it to write the listing.
    await client.request({ method: "anvil_mine" as never, params: ["0x5"] as never });
    await new Promise((r) => setTimeout(r, 2000));
    const height = await client.getBlockNumber();
    const health = await (await fetch(`${api}/health`)).json();
    assert.equal(health.chainHead, Number(height));
    const found = await (await fetch(`${api}/listings?q=lamp`)).json();
    assert.deepEqual(
      found.items.map((i: { address: string }) => i.address),
      [listing.toLowerCase()],
      "the API searches what the indexer wrote",
    );

    // The deployment's Archive: `lantern import` finds it in the deployment file and may publish with the
    // deploying development account; the running indexer follows it and the API shows the records.
    assert.match(deployment.Archive, /^0x[0-9a-fA-F]{40}$/);
    const secretFile = path.join(dataDir, "secret.hex");
    writeFileSync(secretFile, "ab".repeat(32));
    const deployer = anvilAccounts[0] ?? assert.fail("no account");
    const imported = lantern(
      [
        "import",
        SAMPLE_FILES.listings,
        "--rpc-url",
        `http://127.0.0.1:${port}`,
        "--data-dir",
        dataDir,
        "--secret-file",
        secretFile,
        "--milestones",
        SAMPLE_FILES.milestones,
      ],
      { LANTERN_PRIVATE_KEY: deployer.privateKey },
    );
    assert.equal(await imported.exit, 0, imported.output());
    assert.match(imported.output(), new RegExp(`into the Archive at ${deployment.Archive}`, "i"));
    const record = await waitForJson(`${api}/archive/10003`);
    assert.equal(record.legacyId, "10003");
    assert.equal(record.proof.valid, true, "the record's Merkle proof verifies against its batch root");
    assert.equal(record.images.length, 3, "the record's images are served from the content store");
    const image = await fetch(`${api}${record.images[0].url}`);
    assert.equal(image.status, 200);
    const { items } = await (await fetch(`${api}/archive/milestones`)).json();
    assert.ok(
      items.some(
        (m: { label: string; legacyId: string }) => m.label === "first listing" && m.legacyId === "10001",
      ),
      JSON.stringify(items),
    );
    first.child.kill("SIGINT");
    assert.equal(await first.exit, 0, first.output());
    assert.ok(existsSync(path.join(dataDir, "chain", "state.json")), "state saved on Ctrl-C");
    const db = await openDatabase({ dataDir: path.join(dataDir, "db") });
    const rows = await db.query<{ title: string; stock: string }>(
      "SELECT title, stock FROM listings WHERE address = $1",
      [listing.toLowerCase()],
    );
    await db.close();
    assert.deepEqual(
      rows,
      [{ title: "Brass desk lamp", stock: "3" }],
      "the listing made while running is indexed",
    );

    const second = lantern(args);
    await waitFor(second, "Lantern is running");
    assert.match(second.output(), /resumed from saved state/);
    assert.match(second.output(), /deployed earlier/);
    assert.ok((await client.getBlockNumber()) >= height, "blocks survive the restart");
    const code = await client.getCode({ address: deployment.Escrow });
    assert.ok(code && code.length > 2, "contracts survive the restart");
    second.child.kill("SIGINT");
    assert.equal(await second.exit, 0, second.output());
  });

  test("--demo seeds on the first start only and describes the seed in demo.json", async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const args = ["start", "--demo", "--data-dir", dataDir, "--port", String(port)];
    const first = lantern([...args, "--api-port", String(await freePort())]);
    await waitFor(first, "Lantern is running", 120_000);
    assert.match(first.output(), /Demo\s+seeded now/);
    assert.match(first.output(), /\(5\) 0x\w+\s+0x\w+\s+arbiter/);
    const seed = JSON.parse(readFileSync(path.join(dataDir, "demo.json"), "utf8"));
    assert.equal(seed.listings.length, 12);
    assert.equal(seed.accounts.arbiters.length, 5);
    const client = createPublicClient({ transport: http(`http://127.0.0.1:${port}`) });
    const height = await client.getBlockNumber();
    first.child.kill("SIGINT");
    assert.equal(await first.exit, 0, first.output());

    const second = lantern([...args, "--api-port", String(await freePort())]);
    await waitFor(second, "Lantern is running", 120_000);
    assert.match(second.output(), /Demo\s+seeded on an earlier start/);
    assert.doesNotMatch(second.output(), /Seeding the demo/);
    assert.equal(await client.getBlockNumber(), height, "the second start sent no transaction");
    assert.deepEqual(JSON.parse(readFileSync(path.join(dataDir, "demo.json"), "utf8")), seed);
    second.child.kill("SIGINT");
    assert.equal(await second.exit, 0, second.output());
  });

  test("--demo cut short by Ctrl-C, during the listings and then during the orders, resumes: each listing and order exists once", async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const args = ["start", "--demo", "--data-dir", dataDir, "--port", String(port)];
    const client = createPublicClient({ transport: http(`http://127.0.0.1:${port}`) });
    const sellers = DEMO_ROLES.sellers.map((i) => anvilAccounts[i]?.address ?? assert.fail("no account"));
    const buyer = anvilAccounts[DEMO_ROLES.buyer]?.address ?? assert.fail("no account");
    const onChain = async () => {
      const deployment =
        readDeploymentFile(path.join(dataDir, "deployments"), 31337) ?? assert.fail("no deployment file");
      const [listings, orders] = await Promise.all([
        client.getContractEvents({
          address: deployment.contracts.ListingFactory,
          abi: listingFactoryAbi,
          eventName: "ListingCreated",
          args: { seller: sellers },
          fromBlock: deployment.deploymentBlock,
          strict: true,
        }),
        client.getContractEvents({
          address: deployment.contracts.Escrow,
          abi: escrowAbi,
          eventName: "OrderPaid",
          args: { buyer },
          fromBlock: deployment.deploymentBlock,
          strict: true,
        }),
      ]);
      return {
        listings: listings.map((l) => l.args.listing),
        orders: orders.map((o) => o.args.orderId.toString()),
      };
    };
    /** Runs `lantern start --demo` until the chain holds `enough` of what it seeds, then interrupts it. */
    const cutShort = async (enough: (seen: Awaited<ReturnType<typeof onChain>>) => boolean) => {
      const run = lantern([...args, "--api-port", String(await freePort())], {}, true);
      try {
        await waitFor(run, "Seeding the demo", 120_000);
        for (;;) {
          if (run.child.exitCode !== null)
            assert.fail(`finished before it was interrupted:\n${run.output()}`);
          const seen = await onChain().catch(() => undefined);
          if (seen && enough(seen)) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      } finally {
        await interrupt(run);
      }
      assert.doesNotMatch(run.output(), /Lantern is running/);
      return run.output();
    };

    await cutShort((seen) => seen.listings.length >= 3);
    const second = await cutShort((seen) => seen.orders.length >= 2);
    const listingsFound = Number(
      /Listings: 12 .*; (\d+) of them found from an earlier run/.exec(second)?.[1],
    );
    assert.ok(listingsFound >= 3 && listingsFound < 12, `listings the second start found: ${second}`);

    const last = lantern([...args, "--api-port", String(await freePort())], {}, true);
    try {
      await waitFor(last, "Lantern is running", 120_000);
      assert.match(last.output(), /Demo\s+seeded now/);
      const ordersFound = Number(
        /Orders: 8 .*; (\d+) of them found from an earlier run/.exec(last.output())?.[1],
      );
      assert.ok(ordersFound >= 2 && ordersFound < 8, `orders the last start found: ${last.output()}`);
      const seen = await onChain();
      const seed = JSON.parse(readFileSync(path.join(dataDir, "demo.json"), "utf8"));
      assert.equal(seen.listings.length, DEMO_LISTINGS.length);
      assert.equal(seen.orders.length, DEMO_ORDERS.length);
      assert.deepEqual(
        seed.listings.map((l: { address: string }) => l.address),
        seen.listings,
        "demo.json names the listings on chain, in the catalog's order",
      );
      assert.deepEqual(
        seed.orders.map((o: { id: string }) => o.id),
        seen.orders,
      );
      assert.deepEqual(
        seed.orders.map((o: { state: string }) => o.state),
        DEMO_ORDERS.map((o) => (o.escrowed ? o.state : "Direct")),
      );
    } finally {
      await interrupt(last);
    }
  });

  test("refuses a taken port with a message that names it, and exits non-zero", async () => {
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const args = ["--data-dir", tempDir(), "--port", String(port), "--api-port", String(await freePort())];
      const run = lantern(["start", ...args]);
      const code = await run.exit;
      assert.notEqual(code, 0);
      assert.match(run.output(), new RegExp(`Port ${port} .* already in use`));
    } finally {
      blocker.close();
    }
  });

  test("refuses a taken API port with a message that names it, before starting the chain", async () => {
    const apiPort = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(apiPort, "127.0.0.1", resolve));
    try {
      const dataDir = tempDir();
      const args = ["--data-dir", dataDir, "--port", String(await freePort()), "--api-port", String(apiPort)];
      const run = lantern(["start", ...args]);
      assert.notEqual(await run.exit, 0);
      assert.match(run.output(), new RegExp(`Port ${apiPort} .* already in use, so the API cannot start`));
      assert.ok(!existsSync(path.join(dataDir, "chain")), "no chain was started");
    } finally {
      blocker.close();
    }
  });

  test("refuses a corrupt state file, names it, and leaves it as it was", async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, "chain"), { recursive: true });
    const stateFile = path.join(dataDir, "chain", "state.json");
    writeFileSync(stateFile, '{"accounts": {"0x12": trunc');
    const before = readFileSync(stateFile);
    const ports = ["--port", String(await freePort()), "--api-port", String(await freePort())];
    const run = lantern(["start", "--data-dir", dataDir, ...ports]);
    const code = await run.exit;
    assert.notEqual(code, 0);
    assert.match(run.output(), /state\.json is corrupt/);
    assert.deepEqual(readFileSync(stateFile), before);
  });

  test("rejects a bad option value with a usage error", async () => {
    const run = lantern(["start", "--port", "99999"]);
    assert.equal(await run.exit, 2);
    assert.match(run.output(), /--port must be a whole number from 1 to 65535/);
  });
});
