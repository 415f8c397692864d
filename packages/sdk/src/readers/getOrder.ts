import { OrderNotFoundError } from "../errors/errors.ts";
import type { OrderRecord, ReadContext } from "../types.ts";
import { foldOrders, getOrderLogs } from "./orderLogs.ts";

export interface GetOrderParameters {
  orderId: bigint;
  /** Where to start looking for the order's events; the deployment block unless given. */
  fromBlock?: bigint;
}

export type GetOrderReturnType = OrderRecord;

/**
 * Rebuilds an order from its events (`OrderPaid`, then every later order event, in chain order). The
 * result holds the exact `Order` struct the escrow hashed, which every later call on the order passes back.
 */
export async function getOrder(
  context: ReadContext,
  parameters: GetOrderParameters,
): Promise<GetOrderReturnType> {
  const events = await getOrderLogs(context, {
    orderIds: [parameters.orderId],
    ...(parameters.fromBlock === undefined ? {} : { fromBlock: parameters.fromBlock }),
  });
  if (events[0]?.eventName !== "OrderPaid") throw new OrderNotFoundError(parameters.orderId);
  const order = foldOrders(events).get(parameters.orderId);
  if (!order) throw new OrderNotFoundError(parameters.orderId);
  return order;
}
