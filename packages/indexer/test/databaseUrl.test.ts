import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, test } from "node:test";
import { writeDeploymentFile } from "@lantern/sdk";
import type { Address } from "viem";
import { DatabaseConnectionError, NonRetryableError, runIndexCommand } from "../src/index.ts";
import { spawnIndexer } from "./helpers/child.ts";

const deployment = {
  chainId: 31337,
  deploymentBlock: 1n,
  contracts: {
    ListingFactory: "0x5fbdb2315678afecb367f032d93f642f64180aa3" as Address,
    Escrow: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512" as Address,
    KeyRegistry: "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9" as Address,
  },
};

function capture(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe("a database URL that does not connect", () => {
  test("fails with a clear message that names the server and hides the password", async () => {
    const err = capture();
    await assert.rejects(
      runIndexCommand({
        rpcUrl: "http://127.0.0.1:1",
        deployment,
        databaseUrl: "postgres://lantern:s3cret@127.0.0.1:1/lantern",
        stderr: err.stream,
        follow: false,
      }),
      (error: unknown) => error instanceof DatabaseConnectionError,
    );
    assert.match(
      err.text(),
      /Cannot connect to the PostgreSQL server at postgres:\/\/lantern:\*\*\*@127\.0\.0\.1:1\/lantern/,
    );
    assert.match(err.text(), /Check DATABASE_URL/);
    assert.doesNotMatch(err.text(), /s3cret/);
  });

  test("a URL that is not a URL is refused before connecting", async () => {
    const err = capture();
    await assert.rejects(
      runIndexCommand({
        rpcUrl: "http://127.0.0.1:1",
        deployment,
        databaseUrl: "not a url",
        stderr: err.stream,
      }),
      (error: unknown) => error instanceof NonRetryableError,
    );
    assert.match(err.text(), /DATABASE_URL is not a valid URL/);
  });

  test("the indexer process exits non-zero with the message on stderr", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lantern-bad-url-"));
    const file = writeDeploymentFile(dir, {
      ...deployment,
      contracts: { ...deployment.contracts, FixedPriceListing: deployment.contracts.Escrow },
    });
    const child = spawnIndexer(
      ["--rpc-url", "http://127.0.0.1:1", "--deployment", file],
      { DATABASE_URL: "postgres://lantern:s3cret@127.0.0.1:1/lantern" },
      { quiet: true },
    );
    const code = await child.exited;
    assert.equal(code, 1);
    assert.match(child.stderr(), /Cannot connect to the PostgreSQL server/);
    rmSync(dir, { recursive: true, force: true });
  });
});
