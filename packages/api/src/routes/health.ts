import { defineRoute } from "../route.ts";

export const healthRoute = defineRoute({
  method: "GET",
  url: "/health",
  tag: "node",
  summary: "Chain head, indexed head and lag",
  description:
    "200 while the index is readable; chainHead and lag are null when the chain cannot be reached.",
  responses: { 200: "The node's state", 503: "The index database is not reachable" },
  handler: async (_input, { db, chainHead }) => {
    const [checkpoint] = await db.query<{ block: string }>(
      "SELECT block_number::text AS block FROM checkpoint",
    );
    const indexed = checkpoint ? BigInt(checkpoint.block) : null;
    let head: bigint | null = null;
    if (chainHead) {
      try {
        head = await chainHead();
      } catch {
        head = null;
      }
    }
    return {
      status: "ok",
      chainHead: head === null ? null : Number(head),
      indexedHead: indexed === null ? null : Number(indexed),
      lag: head !== null && indexed !== null ? Math.max(0, Number(head - indexed)) : null,
    };
  },
});
