import { z } from "zod";
import { notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { decodeCursor, keysetPage } from "../search/cursor.ts";
import { address, limit, uint } from "../validation.ts";
import { ORDER_JSON } from "./orders.ts";

/**
 * A dispute as the API shows it: what the arbitrable contract said of it (ERC-792 Dispute, Ruling; ERC-1497
 * meta-evidence), and, for a trade dispute, its order. `d` is the disputes row, `o` the order (LEFT JOIN).
 */
const DISPUTE_JSON = `jsonb_build_object(
  'arbitrator', d.arbitrator, 'disputeId', d.dispute_id::text, 'arbitrable', d.arbitrable,
  'state', CASE WHEN d.ruling IS NULL THEN 'open' ELSE 'ruled' END, 'ruling', d.ruling::text,
  'metaEvidenceId', d.meta_evidence_id::text, 'evidenceGroupId', d.evidence_group_id::text,
  'metaEvidence', (SELECT m.evidence FROM meta_evidence m
    WHERE m.arbitrable = d.arbitrable AND m.meta_evidence_id = d.meta_evidence_id
    ORDER BY m.block_number DESC, m.log_index DESC LIMIT 1),
  'createdBlock', d.created_block, 'ruledBlock', d.ruled_block,
  'order', CASE WHEN o.order_id IS NULL THEN NULL ELSE ${ORDER_JSON} END)`;

// A trade dispute's order: the escrow's evidence group is the order id (a primary key probe), and the
// order names the arbitrator and dispute id it went to, which tells a trade dispute from any other.
const FROM = `disputes d LEFT JOIN orders o ON o.order_id = d.evidence_group_id
  AND o.arbitrator = d.arbitrator AND o.dispute_id = d.dispute_id`;

export const disputesRoute = defineRoute({
  method: "GET",
  url: "/disputes",
  tag: "disputes",
  summary: "Disputes",
  description:
    "Disputes the index has seen an arbitrable contract send to its arbitrator (the escrow's trade disputes), highest dispute id first, with keyset pagination. Filter by a party of the order (buyer or seller), by state, or by arbitrator.",
  query: z.strictObject({
    party: address.optional().describe("The buyer or the seller of the disputed order"),
    state: z.enum(["open", "ruled", "any"], { message: "must be one of open, ruled, any" }).default("any"),
    arbitrator: address.optional(),
    limit: limit(100, 20),
    cursor: z.string().max(400, "must be a nextCursor this list returned").optional(),
  }),
  responses: { 200: "A page of disputes", 400: "A parameter is not valid" },
  handler: async ({ query }, { db }) => {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.party) {
      const p = `$${params.push(query.party)}`;
      where.push(`(o.buyer = ${p} OR o.seller = ${p})`);
    }
    if (query.state === "open") where.push("d.ruling IS NULL");
    if (query.state === "ruled") where.push("d.ruling IS NOT NULL");
    if (query.arbitrator) where.push(`d.arbitrator = $${params.push(query.arbitrator)}`);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor, "dispute");
      where.push(
        `(d.dispute_id, d.arbitrator) < ($${params.push(cursor.key)}::numeric, $${params.push(cursor.address)})`,
      );
    }
    const rows = await db.query<{ item: Record<string, unknown> }>(
      `SELECT ${DISPUTE_JSON} AS item FROM ${FROM} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY d.dispute_id DESC, d.arbitrator DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    return keysetPage(rows, query.limit, (last) => ({
      sort: "dispute",
      key: String(last.disputeId),
      address: String(last.arbitrator),
    }));
  },
});

export const disputeRoute = defineRoute({
  method: "GET",
  url: "/disputes/:arbitrator/:id",
  tag: "disputes",
  summary: "One dispute, with its evidence",
  description:
    "The dispute and every piece of ERC-1497 evidence submitted to its evidence group, oldest first (the URI as submitted, usually /ipfs/<cid> of an evidence document, and who submitted it).",
  params: z.strictObject({ arbitrator: address, id: uint }),
  responses: { 200: "The dispute", 400: "Not an address or a dispute id", 404: "No such dispute" },
  handler: async ({ params }, { db }) => {
    const [row] = await db.query<{ item: unknown }>(
      `SELECT ${DISPUTE_JSON.slice(0, -1)},
         'evidence', coalesce((SELECT jsonb_agg(jsonb_build_object('party', e.party, 'evidence', e.evidence,
             'block', e.block_number, 'logIndex', e.log_index, 'tx', e.tx_hash) ORDER BY e.block_number, e.log_index)
           FROM evidence e WHERE e.arbitrable = d.arbitrable AND e.arbitrator = d.arbitrator
             AND e.evidence_group_id = d.evidence_group_id), '[]')) AS item
       FROM ${FROM} WHERE d.arbitrator = $1 AND d.dispute_id = $2::numeric`,
      [params.arbitrator, params.id],
    );
    if (!row) throw notFound(`The dispute ${params.id} of ${params.arbitrator}`);
    return row.item;
  },
});
