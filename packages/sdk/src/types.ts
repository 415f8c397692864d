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
  Settled: 8,
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

/** Where a dispute stands: waiting for the other party's fee, at the arbitrator, or over. */
export type DisputeStage = "awaitingFee" | "arbitrating" | "timedOut" | "ruled" | "settled";

/** An order's dispute as its events tell it (`DisputeOpened`, `ArbitrationFeePaid`, `OrderDisputed`, ...). */
export interface OrderDispute {
  /** The party who opened it and paid the first fee. */
  opener: Address;
  /** The ERC-792 arbitrator, fixed when the dispute was opened, and its extra data. */
  arbitrator: Address;
  extraData: Hex;
  /** Native coin the opener paid. */
  openerFee: bigint;
  /** Unix seconds until which the other party may pay its fee (`payArbitrationFee`). */
  feeDeadline: number;
  stage: DisputeStage;
  /** Native coin the other party paid, once it did. */
  responderFee?: bigint;
  /** The arbitrator's dispute id, once both fees were paid. */
  disputeId?: bigint;
  /** The arbitration fees the escrow returned when the dispute ended. */
  feesRefunded?: { toBuyer: bigint; toSeller: bigint };
  /** When a settlement ended a dispute at the arbitrator: whether it took the withdrawal, and its refund. */
  withdrawal?: { withdrawn: boolean; refund: bigint };
  /** Rulings the arbitrator gave after the parties settled; the escrow ignored them. */
  ignoredRulings?: bigint[];
}

/** Who made a settlement offer. */
export type SettlementRole = "buyer" | "seller" | "mediator";

/**
 * A settlement offer as its events tell it. Only the latest offer of each proposer stands: an earlier one is
 * `superseded`. An offer past its `expiry` can no longer be accepted, whatever its status says.
 */
export interface SettlementOffer {
  offerId: bigint;
  proposer: Address;
  role: SettlementRole;
  /** The buyer's share of the order in basis points (0..10000); the seller gets the rest. */
  buyerBps: number;
  /** Unix seconds. */
  expiry: number;
  /** sha2-256 digest (raw-codec CIDv1) of the proposer's message, or zero. */
  messageDigest: Hex;
  status: "standing" | "superseded" | "withdrawn" | "rejected" | "accepted";
  /** The other party's offer that stood when this one was made: this one is its counter-offer. */
  counters?: bigint;
  /** The parties who accepted it (a mediator's offer needs both). */
  acceptedBy: Address[];
  /** The party who rejected it. */
  rejectedBy?: Address;
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
  /** Set once a dispute was opened. */
  dispute?: OrderDispute;
  /** Set once the dispute was resolved: by the arbitrator's ruling, or by default (ruling 1 or 2). */
  resolution?: { ruling: bigint; buyerAmount: bigint; sellerAmount: bigint };
  /** Every settlement offer made on the order, oldest first; set once the first one is made. */
  offers?: SettlementOffer[];
  /** The mediator a party proposed, and whether the other agreed; unset when there is none. */
  mediator?: { address: Address; proposedBy: Address; agreed: boolean };
  /** Set once an offer was accepted and the order Settled. */
  settlement?: { offerId: bigint; buyerAmount: bigint; sellerAmount: bigint };
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
    /** The DAO (absent from deployments made before governance existed). */
    LanternToken?: Address;
    LanternGovernor?: Address;
    /** Owns every parameter of the marketplace unless the deployment kept an admin (`keepAdmin`). */
    LanternTimelock?: Address;
    /** Verified reviews of escrowed orders (absent from older deployments). */
    Reviews?: Address;
    /** The ERC-792 arbitrator of the escrow and the curation; its views answer at this address too. */
    Court?: Address;
    /** Reports of listings: the factory's curator (absent from older deployments). */
    ListingCuration?: Address;
    /** The court's randomness source (`PrevrandaoRandomness` unless replaced). */
    Randomness?: Address;
    /** The marketplace's rules and the sellers' bonds (absent from older deployments). */
    Policy?: Address;
    /** Shop-to-earn rewards, the token's minter (absent from older deployments). */
    Rewards?: Address;
    /** Legacy records of a marketplace that moved here (absent from older deployments). */
    Archive?: Address;
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
