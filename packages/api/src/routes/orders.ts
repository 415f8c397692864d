import { z } from "zod";
import { notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { decodeCursor, keysetPage } from "../search/cursor.ts";
import { address, limit, uint } from "../validation.ts";

const STATES = [
  "paid",
  "shipped",
  "completed",
  "refunded",
  "cancelled",
  "disputed",
  "resolved",
  "settled",
] as const;
const STATE_SQL = `CASE o.state ${STATES.map((s, i) => `WHEN ${i + 1} THEN '${s}'`).join(" ")} ELSE o.state::text END`;

/** An order as the API shows it; `o` is the orders row. */
export const ORDER_JSON = `jsonb_build_object(
  'orderId', o.order_id::text, 'listing', o.listing, 'buyer', o.buyer, 'seller', o.seller,
  'currency', o.currency, 'amount', o.amount::text, 'quantity', o.quantity, 'escrowed', o.escrowed,
  'state', ${STATE_SQL}, 'shipWindow', o.ship_window, 'deliveryWindow', o.delivery_window,
  'paidAt', o.paid_at, 'shippedAt', o.shipped_at, 'createdBlock', o.created_block, 'createdTx', o.created_tx,
  'updatedBlock', o.updated_block)`;

export const ordersRoute = defineRoute({
  method: "GET",
  url: "/orders",
  tag: "orders",
  summary: "Orders of a buyer or a seller",
  description: "Newest first, with keyset pagination. Give buyer, seller, or both.",
  query: z
    .strictObject({
      buyer: address.optional(),
      seller: address.optional(),
      limit: limit(100, 20),
      cursor: z.string().max(400).optional(),
    })
    .refine((q) => q.buyer || q.seller, { path: ["buyer"], message: "give buyer, seller or both" }),
  responses: { 200: "A page of orders", 400: "A parameter is not valid" },
  handler: async ({ query }, { db }) => {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.buyer) where.push(`o.buyer = $${params.push(query.buyer)}`);
    if (query.seller) where.push(`o.seller = $${params.push(query.seller)}`);
    if (query.cursor) {
      // The order id is the whole key; the cursor's address slot is unused.
      const cursor = decodeCursor(query.cursor, "order");
      where.push(`o.order_id < $${params.push(cursor.key)}::numeric`);
    }
    const rows = await db.query<{ item: Record<string, unknown> }>(
      `SELECT ${ORDER_JSON} AS item FROM orders o WHERE ${where.join(" AND ")}
       ORDER BY o.order_id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    return keysetPage(rows, query.limit, (last) => ({
      sort: "order",
      key: String(last.orderId),
      address: `0x${"0".repeat(40)}`,
    }));
  },
});

export const orderRoute = defineRoute({
  method: "GET",
  url: "/orders/:id",
  tag: "orders",
  summary: "One order",
  description:
    "The order, what its events told beyond the flat fields (dispute and fees, settlement offers, mediator, settlement, resolution) and every event.",
  params: z.strictObject({ id: uint }),
  responses: { 200: "The order", 400: "Not an order id", 404: "No such order" },
  handler: async ({ params }, { db }) => {
    const [row] = await db.query<{ item: unknown }>(
      `SELECT ${ORDER_JSON.slice(0, -1)},
         'completedByBuyer', o.completed_by_buyer, 'shippingDigest', o.shipping_digest,
         'trackingDigest', o.tracking_digest, 'arbitrator', o.arbitrator, 'disputeId', o.dispute_id::text,
         'ruling', o.ruling::text, 'buyerAmount', o.buyer_amount::text, 'sellerAmount', o.seller_amount::text,
         'offers', coalesce(o.details->'offers', '[]'), 'mediator', o.details->'mediator',
         'settlement', o.details->'settlement', 'dispute', o.details->'dispute',
         'resolution', o.details->'resolution',
         'events', coalesce((SELECT jsonb_agg(jsonb_build_object('event', e.event, 'block', e.block_number,
             'logIndex', e.log_index, 'tx', e.tx_hash, 'args', e.args) ORDER BY e.block_number, e.log_index)
           FROM order_events e WHERE e.order_id = o.order_id), '[]')) AS item
       FROM orders o WHERE o.order_id = $1::numeric`,
      [params.id],
    );
    if (!row) throw notFound(`The order ${params.id}`);
    return row.item;
  },
});
