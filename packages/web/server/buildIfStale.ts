import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Newest modification time under the given paths (files or directories). */
function newest(paths: string[]): number {
  let latest = 0;
  const visit = (p: string) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(p);
  return latest;
}

/**
 * Builds the DApp when dist/ is missing or older than its sources (the DApp's and the SDK's), so
 * `npm start` on a fresh clone serves it and a second start does not wait for a build it does not need.
 */
export function buildIfStale(): boolean {
  const built = statSync(path.join(root, "dist", "index.html"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = newest([
    path.join(root, "src"),
    path.join(root, "index.html"),
    path.join(root, "vite.config.ts"),
    path.join(root, "package.json"),
    path.join(root, "../sdk/src"),
  ]);
  if (built > sources) return false;
  execFileSync(process.execPath, [path.join(root, "../../node_modules/vite/bin/vite.js"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stderr.write(buildIfStale() ? "Built the DApp.\n" : "");
}
