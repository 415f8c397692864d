import type { Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from "viem";
import { zeroAddress } from "viem";

/** The currency address that stands for the chain's native coin. */
export const NATIVE_CURRENCY: Address = zeroAddress;

/** Where an escrowed order stands, with the values of `OrderState` in contracts/src/types/Order.sol. */
export const OrderState = {
  None: 0,
  Paid: 1,
  Shipped: 2,
  Completed: 3,
  Refunded: 4,
  Cancelled: 5,
  Disputed: 6,
  Resolved: 7,
} as const;
export type OrderState = (typeof OrderState)[keyof typeof OrderState];
export type OrderStateName = keyof typeof OrderState;

/** A listing's lifecycle, with the values of `ListingStatus` in contracts/src/interfaces/IListing.sol. */
export const ListingStatus = {
  None: 0,
  Active: 1,
  Paused: 2,
  Closed: 3,
  Removed: 4,
} as const;
export type ListingStatus = (typeof ListingStatus)[keyof typeof ListingStatus];
export type ListingStatusName = keyof typeof ListingStatus;

/** The name of an order state, or `Unknown(n)` for a value this SDK does not know. */
export function orderStateName(state: number): OrderStateName | `Unknown(${number})` {
  const name = (Object.keys(OrderState) as OrderStateName[]).find((key) => OrderState[key] === state);
  return name ?? `Unknown(${state})`;
}

/** The name of a listing status, or `Unknown(n)` for a value this SDK does not know. */
export function listingStatusName(status: number): ListingStatusName | `Unknown(${number})` {
  const name = (Object.keys(ListingStatus) as ListingStatusName[]).find(
    (key) => ListingStatus[key] === status,
  );
  return name ?? `Unknown(${status})`;
}

/**
 * The `Order` struct the escrow hashes (contracts/src/types/Order.sol). Every call on an escrowed order
 * passes it back, field for field.
 */
export interface Order {
  buyer: Address;
  seller: Address;
  listing: Address;
  /** `NATIVE_CURRENCY` (address zero) for the native coin. */
  currency: Address;
  amount: bigint;
  quantity: number;
  shipWindow: number;
  deliveryWindow: number;
  /** Unix seconds. */
  paidAt: number;
  /** Unix seconds; 0 until shipped. */
  shippedAt: number;
  state: OrderState;
}

/**
 * An order as rebuilt from its events: the struct the escrow hashes plus what the events tell besides.
 * A direct (not escrowed) order is never stored on chain and is `Completed` from its purchase on.
 */
export interface OrderRecord extends Order {
  orderId: bigint;
  escrowed: boolean;
  /** sha2-256 digest (raw-codec CIDv1) of the encrypted shipping details, or zero. */
  shippingDigest: Hex;
  /** sha2-256 digest (raw-codec CIDv1) of the tracking details, or zero. */
  trackingDigest: Hex;
  /** Set once completed: true when the buyer confirmed, false when released after the delivery window. */
  completedByBuyer?: boolean;
  /** Set once disputed. */
  dispute?: { arbitrator: Address; disputeId: bigint };
  /** Set once the arbitrator's ruling was carried out. */
  resolution?: { ruling: bigint; buyerAmount: bigint; sellerAmount: bigint };
}

/** Lantern's contracts on one chain. */
export interface Deployment {
  chainId: number;
  /** The first block that holds one of the deployment's contracts: where log queries start. */
  deploymentBlock: bigint;
  contracts: {
    ListingFactory: Address;
    Escrow: Address;
    FixedPriceListing: Address;
    KeyRegistry: Address;
  };
}

export type LanternPublicClient = PublicClient<Transport, Chain | undefined>;
export type LanternWalletClient = WalletClient<Transport, Chain | undefined, Account>;

/** What readers need: a public client and the deployment to read from. */
export interface ReadContext {
  publicClient: LanternPublicClient;
  deployment: Deployment;
}

/** What actions need: a reader's context plus a wallet client whose account sends the transactions. */
export interface WriteContext extends ReadContext {
  walletClient: LanternWalletClient;
}
