import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { ImportError, loadSecret, Pseudonymizer } from "../src/index.ts";
import { SECRET, temporaryDir } from "./helpers/chain.ts";

describe("Pseudonymizer", () => {
  const pseudonyms = new Pseudonymizer(SECRET);

  test("gives the same person the same 16-byte pseudonym every time", () => {
    const a = pseudonyms.of("u100119");
    assert.match(a, /^0x[0-9a-f]{32}$/);
    assert.equal(pseudonyms.of("u100119"), a);
    assert.equal(new Pseudonymizer(SECRET).of("u100119"), a);
  });

  test("gives different people different pseudonyms, and none shows the id", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const pseudonym = pseudonyms.of(String(i));
      assert.ok(!pseudonym.includes(Buffer.from(String(i)).toString("hex")) || i < 10);
      seen.add(pseudonym);
    }
    assert.equal(seen.size, 10_000);
  });

  test("gives other pseudonyms under another secret, so only the secret's keeper can link them", () => {
    const other = new Pseudonymizer(
      new TextEncoder().encode("another secret of at least 32 bytes long......"),
    );
    assert.notEqual(other.of("u100119"), pseudonyms.of("u100119"));
    assert.notEqual(other.fingerprint(), pseudonyms.fingerprint());
    assert.equal(new Pseudonymizer(SECRET).fingerprint(), pseudonyms.fingerprint());
  });

  test("matches HMAC-SHA256 of the documented message, cut to 16 bytes", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", SECRET)
      .update("lantern/archive/user:u100119")
      .digest()
      .subarray(0, 16);
    assert.equal(pseudonyms.of("u100119"), `0x${expected.toString("hex")}`);
  });

  test("refuses a secret shorter than 32 bytes", () => {
    assert.throws(() => new Pseudonymizer(new TextEncoder().encode("too short")), ImportError);
  });
});

describe("loadSecret", () => {
  const { dir, cleanup } = temporaryDir("secret");
  after(cleanup);

  test("decodes 64 hex digits and takes anything else as text", () => {
    const hexFile = path.join(dir, "hex");
    writeFileSync(hexFile, `${"ab".repeat(32)}\n`);
    assert.equal(loadSecret({ file: hexFile }).length, 32);
    assert.equal(loadSecret({ value: `0x${"cd".repeat(40)}` }).length, 40);
    assert.equal(loadSecret({ value: "  a pass phrase of some length  " }).length, 28);
  });

  test("refuses a missing secret, saying how to give one", () => {
    assert.throws(() => loadSecret({}), /--secret-file/);
    assert.throws(() => loadSecret({ file: path.join(dir, "missing") }), /cannot be read/);
  });
});
