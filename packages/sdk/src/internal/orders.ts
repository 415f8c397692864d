import { type Address, parseEventLogs, type TransactionReceipt } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import { applyOrderEvent, type OrderEvent, orderEventNames } from "../orders/applyOrderEvent.ts";
import { getOrder } from "../readers/getOrder.ts";
import type { OrderRecord, ReadContext } from "../types.ts";

/** The order an action works on: the one passed in, or rebuilt from the chain's events. */
export async function resolveOrder(
  context: ReadContext,
  parameters: { orderId: bigint; order?: OrderRecord | undefined },
): Promise<OrderRecord> {
  if (parameters.order) {
    if (parameters.order.orderId !== parameters.orderId) {
      throw new RangeError(`order ${parameters.order.orderId} was passed for order ${parameters.orderId}`);
    }
    return parameters.order;
  }
  return getOrder(context, { orderId: parameters.orderId });
}

/** The escrow's order events in a receipt, for one order or all. */
export function orderEventsOf(receipt: TransactionReceipt, escrow: Address, orderId?: bigint): OrderEvent[] {
  const logs = receipt.logs.filter((log) => log.address.toLowerCase() === escrow.toLowerCase());
  return (parseEventLogs({ abi: escrowAbi, logs, eventName: [...orderEventNames] }) as OrderEvent[]).filter(
    (event) => orderId === undefined || event.args.orderId === orderId,
  );
}

/** The order after the transaction: its events in the receipt folded in. */
export function applyReceipt(order: OrderRecord, receipt: TransactionReceipt, escrow: Address): OrderRecord {
  return orderEventsOf(receipt, escrow, order.orderId).reduce<OrderRecord>(applyOrderEvent, order);
}
