import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { CliError } from "../errors.ts";

const require = createRequire(import.meta.url);

/**
 * The platform binary that npm installed with `@foundry-rs/anvil`. Spawning it directly (not the npm
 * wrapper script) lets Ctrl-C reach anvil itself, which is what makes it dump its state on exit.
 */
export function anvilBinary(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new CliError(`anvil is not installed for ${process.platform}/${process.arch} (${pkg}); run npm install`);
  }
  const binary = path.join(dir, "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
  if (!existsSync(binary)) throw new CliError(`anvil binary missing at ${binary}; run npm install`);
  return binary;
}
