import { DEMO_ROLES, type DemoSeed, demoFile } from "./seedDemo.ts";

/** The part a development account plays in the demo, for the list `lantern start` prints. */
export function demoRole(index: number): string {
  if (index === DEMO_ROLES.operator) return "operator: archive publisher, rewards distributor, votes";
  if ((DEMO_ROLES.sellers as readonly number[]).includes(index)) return "seller";
  if (index === DEMO_ROLES.buyer) return "buyer";
  if ((DEMO_ROLES.arbiters as readonly number[]).includes(index)) return "arbiter";
  return "";
}

/** What the demo holds, in a few lines for the start banner. */
export function demoLines(seed: DemoSeed & { seededNow: boolean }, dataDir: string): string[] {
  const states = new Map<string, number>();
  for (const order of seed.orders) states.set(order.state, (states.get(order.state) ?? 0) + 1);
  return [
    `  Demo       ${seed.seededNow ? "seeded now" : "seeded on an earlier start"}; details in ${demoFile(dataDir)}`,
    `    Archive  ${seed.archive.listings} legacy listings, ${seed.archive.reviews} reviews, ${seed.archive.milestones.length} milestones (try legacy id ${seed.archive.listingWithImages})`,
    `    Market   ${seed.listings.length} listings; orders: ${[...states].map(([s, n]) => `${n} ${s}`).join(", ")}`,
    `    Court    ${seed.accounts.arbiters.length} arbiters staked; committees of ${seed.court.committeeSize}`,
    "",
  ];
}
