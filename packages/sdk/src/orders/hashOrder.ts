import { encodeAbiParameters, getAbiItem, type Hex, keccak256 } from "viem";
import { escrowAbi } from "../generated/abis.ts";
import type { Order } from "../types.ts";

const orderParameter = getAbiItem({ abi: escrowAbi, name: "confirmReceipt" }).inputs[1];

/** Exactly the `Order` struct's fields, dropping what an `OrderRecord` adds. */
export function orderStruct(order: Order): Order {
  return {
    buyer: order.buyer,
    seller: order.seller,
    listing: order.listing,
    currency: order.currency,
    amount: order.amount,
    quantity: order.quantity,
    shipWindow: order.shipWindow,
    deliveryWindow: order.deliveryWindow,
    paidAt: order.paidAt,
    shippedAt: order.shippedAt,
    state: order.state,
  };
}

/** `keccak256(abi.encode(order))`: what the escrow stores as `orderHash(orderId)`. */
export function hashOrder(order: Order): Hex {
  return keccak256(encodeAbiParameters([orderParameter], [orderStruct(order)]));
}
