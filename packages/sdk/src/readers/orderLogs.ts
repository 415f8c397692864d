import { encodeEventTopics, formatLog, type Hex, type Log, numberToHex, parseEventLogs, toHex } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import {
  applyOrderEvent,
  type OrderEvent,
  type OrderEventName,
  orderEventNames,
} from "../orders/applyOrderEvent.ts";
import type { OrderRecord, ReadContext } from "../types.ts";

/** Topic 0 of each order event. */
export const orderEventTopics: Record<OrderEventName, Hex> = Object.fromEntries(
  orderEventNames.map((eventName) => [eventName, encodeEventTopics({ abi: escrowAbi, eventName })[0] as Hex]),
) as Record<OrderEventName, Hex>;

/** Keeps a topic list short enough for public RPC providers. */
const CHUNK = 100;

/**
 * The order events of `orderIds`, oldest first, from `fromBlock`. One `eth_getLogs` per hundred ids:
 * every order event has the order id as its first topic.
 */
export async function getOrderLogs(
  context: ReadContext,
  parameters: { orderIds: readonly bigint[]; eventNames?: readonly OrderEventName[]; fromBlock?: bigint },
): Promise<OrderEvent[]> {
  const { publicClient, deployment } = context;
  const signatures = (parameters.eventNames ?? orderEventNames).map((name) => orderEventTopics[name]);
  const logs: Log[] = [];
  for (let i = 0; i < parameters.orderIds.length; i += CHUNK) {
    const ids = parameters.orderIds.slice(i, i + CHUNK).map((id) => toHex(id, { size: 32 }));
    const raw = await publicClient.request({
      method: "eth_getLogs",
      params: [
        {
          address: deployment.contracts.Escrow,
          fromBlock: numberToHex(parameters.fromBlock ?? deployment.deploymentBlock),
          toBlock: "latest",
          topics: [signatures, ids],
        },
      ],
    });
    for (const log of raw) logs.push(formatLog(log));
  }
  // Chunks come back one after another; chain order is block, then position in the block.
  logs.sort((a, b) => {
    const blocks = (a.blockNumber ?? 0n) - (b.blockNumber ?? 0n);
    return blocks === 0n ? (a.logIndex ?? 0) - (b.logIndex ?? 0) : blocks < 0n ? -1 : 1;
  });
  return parseEventLogs({ abi: escrowAbi, logs, eventName: [...orderEventNames] }) as OrderEvent[];
}

/** Folds events (of any number of orders, in chain order) into one record per order, by id. */
export function foldOrders(events: readonly OrderEvent[]): Map<bigint, OrderRecord> {
  const orders = new Map<bigint, OrderRecord>();
  for (const event of events) {
    const id = event.args.orderId;
    orders.set(id, applyOrderEvent(orders.get(id), event));
  }
  return orders;
}
