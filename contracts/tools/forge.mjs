#!/usr/bin/env node
// Runs the forge binary that npm installed (@foundry-rs/forge's platform package) with forge's own exit
// code. The package's `forge` wrapper in node_modules/.bin exits 0 even when tests or checks fail, which
// would let CI pass on a broken contract; every script of ours calls this instead.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const arch = process.arch === "x64" ? "amd64" : process.arch;
const pkg = `@foundry-rs/forge-${process.platform}-${arch}`;
let binary;
try {
  binary = path.join(
    path.dirname(require.resolve(`${pkg}/package.json`)),
    "bin",
    process.platform === "win32" ? "forge.exe" : "forge",
  );
} catch {
  binary = undefined;
}
if (!binary || !existsSync(binary)) {
  console.error(`forge is not installed for ${process.platform}/${process.arch} (${pkg}); run npm install`);
  process.exit(127);
}

const child = spawn(binary, process.argv.slice(2), { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
