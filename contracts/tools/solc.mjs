#!/usr/bin/env node
// Lets forge use the npm `solc` package (solc-js, WebAssembly) so builds need no
// compiler download. Forge only calls `--version` and `--standard-json`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const solc = require("solc");

const args = process.argv.slice(2);
if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("contracts/tools/solc.mjs answers only --version and --standard-json\n");
  process.exit(2);
}

// Forge passes sources inline, but may leave library files for the compiler to read.
const basePaths = [process.cwd(), ...argValues("--base-path"), ...argValues("--include-path")];
function findImports(importPath) {
  for (const base of basePaths) {
    try {
      return { contents: readFileSync(path.resolve(base, importPath), "utf8") };
    } catch {}
  }
  return { error: `File not found: ${importPath}` };
}

function argValues(flag) {
  const out = [];
  for (let i = 0; i < args.length; i++) if (args[i] === flag && args[i + 1]) out.push(args[i + 1]);
  return out;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
process.stdout.write(solc.compile(Buffer.concat(chunks).toString("utf8"), { import: findImports }));
