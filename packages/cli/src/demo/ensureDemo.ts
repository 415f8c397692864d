import type { ContentStore } from "@lantern/content";
import type { Deployment } from "@lantern/sdk";
import { type DemoSeed, demoFile, readDemoSeed, seedDemo } from "./seedDemo.ts";

/**
 * The demo seed of this data directory: read from `<data-dir>/demo.json` when this deployment was seeded
 * before, else seeded now (and printed as it goes). `seededNow` tells which.
 */
export async function ensureDemo(options: {
  rpcUrl: string;
  dataDir: string;
  deployment: Deployment;
  content: ContentStore;
}): Promise<DemoSeed & { seededNow: boolean }> {
  const saved = readDemoSeed(options.dataDir, options.deployment);
  if (saved) return { ...saved, seededNow: false };
  process.stderr.write("Seeding the demo marketplace (real transactions on the local chain)...\n");
  const started = performance.now();
  const seed = await seedDemo(options);
  process.stderr.write(
    `Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; described in ${demoFile(options.dataDir)}.\n`,
  );
  return { ...seed, seededNow: true };
}
