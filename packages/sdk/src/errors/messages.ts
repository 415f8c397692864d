import { type Address, formatEther, zeroAddress } from "viem";
import type {
  archiveAbi,
  courtAbi,
  escrowAbi,
  fixedPriceListingAbi,
  keyRegistryAbi,
  lanternGovernorAbi,
  lanternTimelockAbi,
  lanternTokenAbi,
  listingCurationAbi,
  listingFactoryAbi,
  policyAbi,
  prevrandaoRandomnessAbi,
  reviewsAbi,
  rewardsAbi,
  testTokenAbi,
} from "../generated/abis.ts";
import { listingStatusName, orderStateName } from "../types.ts";

type ErrorNames<abi extends readonly unknown[]> = Extract<
  abi[number],
  { type: "error"; name: string }
>["name"];

/**
 * Every custom error the Lantern contracts can revert with, including the OpenZeppelin errors compiled into
 * them and those of a standard OpenZeppelin ERC-20 with permit (a token's revert bubbles up through a
 * purchase), plus Solidity's built-in `Error(string)` and `Panic(uint256)`.
 */
export type LanternRevertName =
  | ErrorNames<typeof archiveAbi>
  | ErrorNames<typeof escrowAbi>
  | ErrorNames<typeof listingFactoryAbi>
  | ErrorNames<typeof fixedPriceListingAbi>
  | ErrorNames<typeof keyRegistryAbi>
  | ErrorNames<typeof lanternTokenAbi>
  | ErrorNames<typeof lanternGovernorAbi>
  | ErrorNames<typeof lanternTimelockAbi>
  | ErrorNames<typeof reviewsAbi>
  | ErrorNames<typeof policyAbi>
  | ErrorNames<typeof rewardsAbi>
  | ErrorNames<typeof testTokenAbi>
  | ErrorNames<typeof courtAbi>
  | ErrorNames<typeof listingCurationAbi>
  | ErrorNames<typeof prevrandaoRandomnessAbi>
  | "Error"
  | "Panic";

/** How amounts read in messages. Amounts are in the listing currency's smallest unit unless formatted. */
export interface RevertMessageOptions {
  /** Formats an amount of the listing's currency (for example `formatUnits` with its decimals and symbol). */
  formatAmount?: ((amount: bigint) => string) | undefined;
  /** The native coin's symbol, for fees and native payments; "ETH" unless given. */
  nativeSymbol?: string | undefined;
}

type Args = Readonly<Record<string, unknown>>;
type Message = (args: Args, options: RevertMessageOptions) => string;

const text = (value: unknown): string => String(value);
const date = (seconds: unknown): string => new Date(Number(seconds) * 1000).toISOString();
const native = (value: unknown, options: RevertMessageOptions): string =>
  `${formatEther(BigInt(value as bigint))} ${options.nativeSymbol ?? "ETH"}`;
const amount = (value: unknown, options: RevertMessageOptions): string =>
  options.formatAmount ? options.formatAmount(BigInt(value as bigint)) : `${text(value)} (smallest units)`;
const reportStates = ["None", "Pending", "Disputed", "Defaulted", "Resolved"] as const;
const reportStateName = (state: number): string => reportStates[state] ?? `Unknown(${state})`;
const currency = (value: unknown): string =>
  value === zeroAddress ? "the native coin" : `token ${text(value as Address)}`;

const tokens = (value: unknown): string => `${formatEther(BigInt(value as bigint))} LNTN`;

/** `ProposalState` of OpenZeppelin's IGovernor, by value. */
export const proposalStateNames = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
const proposalStateName = (value: number): string => proposalStateNames[value] ?? `in state ${value}`;
function expectedStates(bitmap: unknown): string {
  const bits = BigInt(bitmap as bigint);
  const names = proposalStateNames.filter((_, i) => (bits >> BigInt(i)) & 1n);
  return names.length > 0 ? names.join(" or ") : "in another state";
}

const roles: Record<string, string> = {
  "0x0000000000000000000000000000000000000000000000000000000000000000": "admin",
  "0xb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc1": "proposer",
  "0xd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e63": "executor",
  "0xfd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f783": "canceller",
};
const roleName = (value: unknown): string => roles[String(value).toLowerCase()] ?? text(value);

function duration(value: unknown): string {
  const seconds = Number(value);
  if (seconds % 86_400 === 0) return `${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} hours`;
  return `${seconds} seconds`;
}

const panics: Record<number, string> = {
  1: "an assertion failed",
  17: "an arithmetic operation overflowed",
  18: "a division by zero",
  33: "an invalid enum value",
  49: "pop on an empty array",
  50: "an array index out of bounds",
  65: "out of memory",
  81: "a call to an uninitialised function",
};

/**
 * One readable sentence per revert. The type makes the compiler reject a missing name, and
 * errors/messages.test.ts checks every error in the generated ABIs at run time.
 */
export const revertMessages: Readonly<
  Record<LanternRevertName, Message> & Record<string, Message | undefined>
> = {
  // Escrow
  AmountOverflow: (a, o) => `The order total ${amount(a.amount, o)} is too large for the escrow to hold.`,
  BuyerIsSeller: (a) =>
    `${text(a.buyer)} is the listing's seller, and a seller cannot buy their own listing.`,
  DeliveryWindowClosed: (a) =>
    `The delivery window of order ${text(a.orderId)} closed at ${date(a.deliveryDeadline)}; ` +
    "the order can only be released to the seller now.",
  DeliveryWindowOpen: (a) =>
    `The buyer can still check order ${text(a.orderId)} until ${date(a.deliveryDeadline)}; ` +
    "it can be released after that.",
  InvalidRuling: (a) =>
    `Ruling ${text(a.ruling)} is not valid: rulings are 0 (split evenly), 1 (refund), 2 (release) ` +
    "or 3 + the buyer's basis points.",
  InvalidWindow: (a) => `A window must last from one hour to one year; ${duration(a.window)} does not.`,
  ListingNotGenuine: (a) => `${text(a.listing)} is not a listing created by this marketplace's factory.`,
  NoArbitrator: () => "No arbitrator is set, so disputes cannot be opened yet.",
  NotArbitrator: (a) => `Only the arbitrator may rule; ${text(a.caller)} is not it.`,
  NotBuyer: (a) =>
    `Only the buyer of order ${text(a.orderId)} may do this; ${text(a.caller)} is not the buyer.`,
  NotParty: (a) =>
    `Only the buyer or the seller of order ${text(a.orderId)} may do this; ${text(a.caller)} is neither.`,
  // The escrow's NotSeller(orderId, caller) and the listing's NotSeller(caller) share the name.
  NotSeller: (a) =>
    a.orderId === undefined
      ? `Only the listing's seller may do this; ${text(a.caller)} is not the seller.`
      : `Only the seller of order ${text(a.orderId)} may do this; ${text(a.caller)} is not the seller.`,
  NotTokenListing: (a) =>
    `${text(a.listing)} is priced in the native coin; buying with a permit is only for ERC-20 listings.`,
  NothingToWithdraw: (a) => `Nothing is owed to ${text(a.account)} in ${currency(a.currency)}.`,
  OrderMismatch: (a) =>
    `The order passed for order ${text(a.orderId)} differs from the one the escrow stored; ` +
    "rebuild it from the chain's events (getOrder) and try again.",
  OrderNotFound: (a) =>
    `No escrowed order has id ${text(a.orderId)} (direct purchases complete at once and are not stored).`,
  PermitFailed: (a) => `The permit for token ${text(a.token)} failed and gave the escrow no allowance.`,
  PriceMismatch: (a, o) =>
    `The price changed: you agreed to pay ${amount(a.agreed, o)} but it now costs ${amount(a.actual, o)}.`,
  ShipWindowOpen: (a) =>
    `The seller can still ship order ${text(a.orderId)} until ${date(a.shipDeadline)}; you can cancel after that.`,
  TokenTransferMismatch: (a, o) =>
    `Token ${text(a.token)} moved ${amount(a.received, o)} instead of ${amount(a.expected, o)}; ` +
    "tokens that charge a fee on transfer or rebase cannot be used.",
  UnknownDispute: (a) => `The arbitrator holds no open dispute ${text(a.disputeId)} of this escrow.`,
  WrongOrderState: (a) =>
    `Order ${text(a.orderId)} is ${orderStateName(Number(a.state))}; this action needs another state.`,
  WrongPayment: (a, o) => `The payment must be ${native(a.expected, o)}, but ${native(a.sent, o)} was sent.`,

  // Escrow: arbitration fees, settlements and mediators
  AlreadyAccepted: (a) =>
    `You accepted the mediator's offer ${text(a.offerId)} on order ${text(a.orderId)} already; ` +
    "it takes effect when the other party accepts it too.",
  AlreadyPaidFee: (a) =>
    `${text(a.payer)} opened the dispute on order ${text(a.orderId)} and paid its fee already; ` +
    "the other party pays the second fee.",
  DisputeAlreadyResolved: (a) =>
    `The dispute on order ${text(a.orderId)} was resolved (by the arbitrator's ruling or by default) ` +
    "before the settlement could take effect.",
  DisputeAtArbitrator: (a) =>
    `Both fees of the dispute on order ${text(a.orderId)} are paid; it is dispute ${text(a.disputeId)} ` +
    `at arbitrator ${text(a.arbitrator)} now.`,
  FeeWindowClosed: (a) =>
    `The time to pay the arbitration fee on order ${text(a.orderId)} ended at ${date(a.feeDeadline)}; ` +
    "the party who opened the dispute wins by default.",
  FeeWindowOpen: (a) =>
    `The other party can still pay its arbitration fee on order ${text(a.orderId)} until ${date(a.feeDeadline)}; ` +
    "the dispute can be timed out after that.",
  InvalidExpiry: (a) => `An offer must expire in the future; ${text(a.expiry)} (unix seconds) is not.`,
  InvalidMediator: (a) => `${text(a.mediator)} is a party to the order and cannot be its mediator.`,
  InvalidSplit: (a) =>
    `A settlement gives the buyer from 0 to 10000 basis points (100 %) of the order; ${text(a.buyerBps)} is more.`,
  MediatorNotProposed: (a) =>
    `${text(a.mediator)} is not the mediator waiting for your agreement on order ${text(a.orderId)}.`,
  NoOpenDispute: (a) => `Order ${text(a.orderId)} has no dispute waiting for a fee or at the arbitrator.`,
  NotPartyOrMediator: (a) =>
    `Only the buyer, the seller or the agreed mediator of order ${text(a.orderId)} may make or withdraw offers; ` +
    `${text(a.caller)} is none of them.`,
  NotProposer: (a) =>
    `Only the proposer of offer ${text(a.offerId)} on order ${text(a.orderId)} may withdraw it; ` +
    `${text(a.caller)} did not propose it.`,
  OfferExpired: (a) =>
    `Offer ${text(a.offerId)} on order ${text(a.orderId)} expired at ${date(a.expiry)}; ask for a new one.`,
  OfferRejected: (a) => `Offer ${text(a.offerId)} on order ${text(a.orderId)} was rejected.`,
  OfferSuperseded: (a) =>
    `Offer ${text(a.offerId)} on order ${text(a.orderId)} was replaced by a newer offer of the same proposer; ` +
    "only the latest one can be accepted.",
  OfferWithdrawn: (a) =>
    `Offer ${text(a.offerId)} on order ${text(a.orderId)} was withdrawn by its proposer.`,
  OwnMediatorProposal: (a) =>
    `You proposed this mediator for order ${text(a.orderId)}; the other party must accept it.`,
  OwnOffer: (a) =>
    `Offer ${text(a.offerId)} on order ${text(a.orderId)} is your own; the other side accepts or rejects it, ` +
    "and you may withdraw it.",
  TooManyOffers: (a) => `Order ${text(a.orderId)} has had 65,535 offers, the most it can take.`,
  UnexpectedPayment: (a) =>
    `The escrow takes no native coin sent to it directly (from ${text(a.from)}); it comes with purchases and fees.`,
  UnknownOffer: (a) => `No offer ${text(a.offerId)} was made on order ${text(a.orderId)}.`,

  // Listings
  AlreadyInitialized: () => "The listing was already initialised.",
  InsufficientStock: (a) =>
    `Only ${text(a.available)} left in stock; ${text(a.requested)} ${a.requested === 1n ? "was" : "were"} asked for.`,
  ListingFinal: (a) =>
    `The listing is ${listingStatusName(Number(a.status))} for good and cannot be changed.`,
  ListingNotActive: (a) =>
    `The listing is ${listingStatusName(Number(a.status))}, so it cannot be bought or changed this way.`,
  NotEscrow: (a) => `Only the marketplace escrow may do this; ${text(a.caller)} is not it.`,
  NotFactory: (a) => `Only the listing factory may do this; ${text(a.caller)} is not it.`,
  ZeroPrice: () => "A price must be above zero.",
  ZeroQuantity: () => "The quantity must be at least 1.",

  // Listing factory
  CurrencyNotApproved: (a) => `Token ${text(a.currency)} is not approved as a payment currency.`,
  ListingExists: (a) =>
    `A listing already exists at ${text(a.listing)} for this seller, currency and salt; use another salt.`,
  InvalidField: (a) =>
    a.length === 0n
      ? `The ${text(a.field)} must not be empty.`
      : `The ${text(a.field)} is ${text(a.length)} bytes long; at most ${text(a.maxLength)} are allowed.`,
  NotCurator: (a) =>
    `Only the curator (the court's listing curation) may remove listings or slash bonds; ${text(a.caller)} is not it.`,
  TemplateNotApproved: (a) => `Template ${text(a.template)} is not approved for new listings.`,
  UnknownListing: (a) => `${text(a.listing)} is not a listing of this factory.`,
  ZeroAddress: () => "The zero address is not allowed here.",
  ZeroStock: () => "A listing must start with at least one item in stock.",

  // Key registry
  ZeroKey: () => "A public key of zero is not a key.",

  // Archive
  EmptyBatch: () => "An archive batch must hold at least one record.",
  InvalidLabel: (a) =>
    `A milestone label must have 1 to ${text(a.maxLength)} bytes; this one has ${text(a.length)}.`,
  InvalidSummary: (a) =>
    `Record ${text(a.index)} of the batch has a ${text(a.length)}-byte summary, the wrong size for its kind ` +
    "(a listing's has 1 to 512 bytes, a review's exactly 64).",
  MalformedRecord: (a) => `Record ${text(a.index)} of the batch is not validly encoded.`,
  NotArchived: (a) => `No archived record of kind ${text(a.kind)} has legacy id ${text(a.legacyId)}.`,
  NotMilestone: (a) => `The archived record ${text(a.legacyId)} (kind ${text(a.kind)}) is not a milestone.`,
  NotPublisher: (a) => `${text(a.caller)} is not an authorized archive publisher.`,
  TooManyMilestones: (a) => `The archive already has ${text(a.max)} milestones; remove one first.`,
  UnknownKind: (a) =>
    `Record ${text(a.index)} of the batch has kind ${text(a.kind)}, which is neither listing nor review.`,
  ZeroContent: (a) => `Record ${text(a.index)} of the batch names no content.`,
  ZeroLegacyId: (a) => `Record ${text(a.index)} of the batch has a legacy id of zero.`,

  // Court
  AlreadyCommitted: (a) =>
    `Seat ${text(a.seat)} of round ${text(a.round)} of dispute ${text(a.disputeID)} has committed its vote already.`,
  AlreadyRevealed: (a) =>
    `Seat ${text(a.seat)} of round ${text(a.round)} of dispute ${text(a.disputeID)} has revealed its vote already.`,
  AppealLimitReached: (a) =>
    `Dispute ${text(a.disputeID)} cannot be appealed again: its committee of ${text(a.committee)} is the largest ` +
    "the court draws.",
  CommitPeriodOver: (a) =>
    `The commit period of round ${text(a.round)} of dispute ${text(a.disputeID)} ended at ${date(a.commitEnd)}.`,
  CommitmentMismatch: (a) =>
    `The ruling and salt do not match what seat ${text(a.seat)} committed in round ${text(a.round)} of dispute ` +
    `${text(a.disputeID)}; reveal exactly the ruling and salt you committed.`,
  CommitteeComplete: (a) =>
    `The committee of round ${text(a.round)} of dispute ${text(a.disputeID)} is complete; nothing is left to draw.`,
  CommitteeNotDrawn: (a) =>
    `The committee of round ${text(a.round)} of dispute ${text(a.disputeID)} is not drawn yet, so voting has not started.`,
  DisputeNotFound: (a) => `The court has no dispute ${text(a.disputeID)}.`,
  DisputeWithdrawnAlready: (a) =>
    `Dispute ${text(a.disputeID)} was withdrawn by its parties' settlement; only its settlement of arbiters remains.`,
  FeeTooLarge: (a) => `The payment of ${text(a.paid)} wei is more than the court can account for.`,
  InsufficientFee: (a, o) => `The fee is ${native(a.required, o)}, but ${native(a.paid, o)} was sent.`,
  InvalidCommitteeSize: (a) =>
    `A committee must have an odd number of seats from 1 to 1023; ${text(a.size)} is not allowed.`,
  InvalidLookahead: (a) =>
    `The randomness lookahead must be at least one block; ${text(a.lookahead)} is not.`,
  InvalidMinStake: (a) =>
    `The minimum stake must be at least 10^9 token units (one draw weight); ${text(a.minStake)} is too small.`,
  InvalidPenalty: (a) =>
    `The penalty must be from 1 to 10,000 basis points of the minimum stake; ${text(a.penaltyBps)} is not.`,
  InvalidPeriod: (a) => `A court period must last from one hour to one year; ${duration(a.period)} does not.`,
  NativeTransferFailed: (a, o) =>
    `Sending ${native(a.amount, o)} to ${text(a.to)} failed; that account must accept the native coin.`,
  NoArbiters: () => "No arbiter has stake in the court, so no committee can be drawn yet.",
  NotAppealPeriod: (a) =>
    Number(a.end) === 0
      ? `Dispute ${text(a.disputeID)} has no ruling to appeal yet.`
      : `Dispute ${text(a.disputeID)} can be appealed only from ${date(a.start)} until ${date(a.end)}.`,
  NotArbitrable: (a) =>
    `Only the contract that created dispute ${text(a.disputeID)} may withdraw it; ${text(a.caller)} did not.`,
  NotCommitted: (a) =>
    `Seat ${text(a.seat)} of round ${text(a.round)} of dispute ${text(a.disputeID)} committed no vote, so it has ` +
    "nothing to reveal.",
  NotDrawn: (a) =>
    `${text(a.caller)} was not drawn for seat ${text(a.seat)} of round ${text(a.round)} of dispute ` +
    `${text(a.disputeID)}.`,
  NothingOwed: (a) => `Nothing is owed to ${text(a.account)}.`,
  RandomnessNotReady: (a) =>
    `The random number for dispute ${text(a.disputeID)} comes with block ${text(a.ticket)}; draw in that block.`,
  RevealNotStarted: (a) =>
    `Votes of round ${text(a.round)} of dispute ${text(a.disputeID)} are revealed from ${date(a.revealStart)}, ` +
    "when the commit period ends.",
  RevealPeriodOver: (a) =>
    `The reveal period of round ${text(a.round)} of dispute ${text(a.disputeID)} ended at ${date(a.revealEnd)}; ` +
    "an unrevealed vote counts as incoherent.",
  RoundNotFound: (a) => `Dispute ${text(a.disputeID)} has no round ${text(a.round)}.`,
  RoundSettled: (a) => `Round ${text(a.round)} of dispute ${text(a.disputeID)} is settled already.`,
  RulingAlreadyExecuted: (a) => `The ruling of dispute ${text(a.disputeID)} was carried out already.`,
  RulingFinal: (a) =>
    `The ruling of dispute ${text(a.disputeID)} is final, so the dispute can no longer be withdrawn.`,
  RulingNotFinal: (a) =>
    Number(a.appealEnd) === 0
      ? `Dispute ${text(a.disputeID)} has no ruling yet: its committee is still being drawn.`
      : `The ruling of dispute ${text(a.disputeID)} can be appealed until ${date(a.appealEnd)}; it is final after that.`,
  RulingOutOfRange: (a) =>
    `Ruling ${text(a.ruling)} is out of range: this dispute's rulings run from 0 to ${text(a.choices)}.`,
  StakeBelowMinimum: (a) =>
    `A stake must be zero or at least the minimum of ${text(a.minStake)} token units; ${text(a.stake)} is less.`,
  StakeLocked: (a) =>
    `${text(a.locked)} token units of the stake back seats in open disputes; the stake cannot go below that ` +
    `(${text(a.stake)} was asked) until they are settled.`,
  StakeTooLarge: (a) => `A stake of ${text(a.stake)} token units is more than the court can hold.`,
  StakeUnchanged: (a) => `The stake is already ${text(a.stake)} token units.`,
  TooManyChoices: (a) => `A dispute may have at most ${text(a.max)} rulings; ${text(a.choices)} were asked.`,
  TreeFull: () => "The court holds the most arbiters it can; one must leave before another joins.",
  TreeOverflow: () => "The total stake would exceed what the court's draw tree can hold.",
  ZeroCommitment: () => "A commitment of zero is not allowed; commit the hash of your ruling and salt.",

  // Listing curation
  ArbitrationCostAboveDeposits: (a, o) =>
    `The arbitrator now charges ${native(a.cost, o)}, more than both deposits together (${native(a.deposits, o)}).`,
  ContestWindowOpen: (a) =>
    `The seller may contest report ${text(a.reportId)} until ${date(a.deadline)}; it cannot default before.`,
  ContestWindowOver: (a) => `The time to contest report ${text(a.reportId)} ended at ${date(a.deadline)}.`,
  InvalidContestWindow: (a) =>
    `A contest window must last from one hour to one year; ${duration(a.window)} does not.`,
  InvalidCurationRuling: (a) =>
    `Ruling ${text(a.ruling)} is not valid for a report: 0 (refused), 1 (remove) or 2 (keep).`,
  ListingNotOpen: (a) =>
    `${text(a.listing)} is ${listingStatusName(Number(a.status))}; only an active or paused listing can be reported.`,
  NotListingSeller: (a) =>
    `Only the seller of the reported listing may contest report ${text(a.reportId)}; ${text(a.caller)} is not it.`,
  NotAListing: (a) => `${text(a.listing)} is not a listing of this marketplace.`,
  ReportAlreadyOpen: (a) => `${text(a.listing)} already has an open report (${text(a.reportId)}).`,
  ReportClosed: (a) => `Report ${text(a.reportId)} is closed; evidence is accepted only while it is open.`,
  ReportNotFound: (a) => `There is no report ${text(a.reportId)}.`,
  ReportNotPending: (a) =>
    `Report ${text(a.reportId)} is ${reportStateName(Number(a.state))}, no longer waiting for the seller.`,
  UnknownReportDispute: (a) => `${text(a.arbitrator)} has no open report under dispute ${text(a.disputeId)}.`,
  WrongDeposit: (a, o) => `The deposit must be ${native(a.required, o)}, but ${native(a.paid, o)} was sent.`,

  // LanternToken
  AllocationExceedsCap: (a) =>
    `The genesis allocation totals ${tokens(a.allocated)}, more than the cap of ${tokens(a.cap)}.`,
  AllocationLengthMismatch: (a) =>
    `The genesis allocation names ${text(a.recipients)} recipients but ${text(a.amounts)} amounts.`,
  CapExceeded: (a) =>
    `Minting ${tokens(a.amount)} would take the supply of ${tokens(a.supply)} past its cap of ${tokens(a.cap)}.`,
  InvalidCap: (a) =>
    `A cap of ${tokens(a.cap)} is not allowed; it must be positive and fit the vote counter.`,
  NotMinter: (a) => `Only the reward contract may mint tokens; ${text(a.caller)} is not it.`,
  CheckpointUnorderedInsertion: () => "A vote checkpoint was written out of order.",
  ERC20ExceededSafeSupply: (a) =>
    `The supply would reach ${tokens(a.increasedSupply)}, beyond the ${tokens(a.cap)} that votes can count.`,
  ERC5805FutureLookup: (a) => `Votes at ${date(a.timepoint)} are not known yet; it is now ${date(a.clock)}.`,
  SafeCastOverflowedUintDowncast: (a) => `The value ${text(a.value)} does not fit ${text(a.bits)} bits.`,
  VotesExpiredSignature: (a) => `The delegation signature expired at ${date(a.expiry)}; sign a new one.`,

  // Policy: the marketplace's rules, checked by the factory when a listing is created
  CategoryNotAllowed: (a) => `The DAO does not allow new listings in the category "${text(a.category)}".`,
  PriceAboveCeiling: (a, o) =>
    `The price ${amount(a.price, o)} is above the DAO's ceiling of ${amount(a.ceiling, o)} for ` +
    `"${text(a.category)}" in ${currency(a.currency)}.`,
  NotPolicy: (a) => `Only the DAO's policy may write rules; ${text(a.caller)} is not it.`,
  CategoryTagTaken: (a) =>
    `"${text(a.category)}" shares its tag ${text(a.tag)} with another category that has a rule; ` +
    "the escrow could not tell them apart at purchase. Name the category differently.",
  // Policy at purchase: the escrow applies the rules as they are now, whatever they were at creation
  CategoryBanned: (a) =>
    `The DAO has banned the category of ${text(a.listing)} since it was listed; it can no longer be bought.`,
  EscrowRequired: (a) =>
    `The DAO requires escrow for the category of ${text(a.listing)}; buy it with escrow, not directly.`,
  UnitPriceAboveCeiling: (a, o) =>
    `${text(a.listing)} costs ${amount(a.unitPrice, o)} per item, above the DAO's ceiling of ` +
    `${amount(a.ceiling, o)} for its category; it cannot be bought at this price.`,
  BondLocked: (a) =>
    Number(a.releasableAt) === 0
      ? `The bond of ${text(a.listing)} is locked; ask for its release first (requestBondRelease).`
      : `The bond of ${text(a.listing)} is released at ${date(a.releasableAt)}, not before.`,
  InvalidCategory: (a) => `A category name is at most 64 bytes; this one has ${text(a.length)}.`,
  InvalidReleaseDelay: (a) => `A bond release delay must be one day to one year, not ${duration(a.delay)}.`,
  ListingNotClosed: (a) => `Close ${text(a.listing)} before asking for its bond back.`,
  NoBond: (a) => `${text(a.listing)} has no bond.`,
  NotBondSeller: (a) =>
    `Only the seller of ${text(a.listing)} may take its bond back; ${text(a.caller)} is not.`,
  TooManyCategories: () => "The policy has as many categories with rules of their own as it can hold.",

  // Rewards
  AlreadyClaimed: (a) => `Payout ${text(a.index)} of epoch ${text(a.epoch)} has been claimed already.`,
  ChallengeWindowClosed: (a) => `The root of epoch ${text(a.epoch)} can no longer be challenged.`,
  ChallengeWindowOpen: (a) =>
    `The root of epoch ${text(a.epoch)} can be challenged until ${date(a.endsAt)}; claims open then.`,
  ClaimsExceedTotal: (a) =>
    `Claims from epoch ${text(a.epoch)} would pass its root's total; the root does not add up (challenge it).`,
  EpochNotEnded: (a) =>
    `Epoch ${text(a.epoch)} ends at ${date(a.endsAt)}; its root can be posted after that.`,
  InvalidProof: (a) =>
    `The proof does not show ${tokens(a.amount)} for ${text(a.account)} in epoch ${text(a.epoch)}'s root.`,
  InvalidSchedule: () =>
    "The reward schedule is invalid: epochs need a length, and the decay must be below 100%.",
  NoRoot: (a) => `Epoch ${text(a.epoch)} has no posted root.`,
  NotChallenged: (a) => `The root of epoch ${text(a.epoch)} is not challenged.`,
  NotDistributor: (a) =>
    `Only the distributor governance appointed may post roots; ${text(a.caller)} is not it.`,
  OverBudget: (a) =>
    `The root of epoch ${text(a.epoch)} pays ${tokens(a.total)}, more than its budget of ${tokens(a.budget)}.`,
  PreviousEpochWithoutRoot: (a) => `Epoch ${text(a.epoch)} cannot have a root before the epochs before it.`,
  RootAlreadyPosted: (a) => `Epoch ${text(a.epoch)} has a root already; challenge it instead.`,
  RootChallenged: (a) =>
    `The root of epoch ${text(a.epoch)} is challenged; claims wait until governance decides.`,

  // Reviews (OrderNotFound, OrderMismatch, WrongOrderState, NotBuyer and NotSeller read as the escrow's)
  AlreadyAnswered: (a) => `The seller already answered the review of order ${text(a.orderId)}.`,
  AlreadyReviewed: (a) =>
    `Order ${text(a.orderId)} has been reviewed already; a buyer reviews an order once.`,
  EmptyAnswer: (a) => `The answer to the review of order ${text(a.orderId)} has no text.`,
  InvalidRating: (a) => `A rating is from 1 to 5, not ${text(a.rating)}.`,
  NotReviewed: (a) => `Order ${text(a.orderId)} has no review to answer yet.`,

  // Governor
  ERC6372InconsistentClock: () => "The token's clock changed since the governor was deployed.",
  GovernorAlreadyCastVote: (a) => `${text(a.voter)} has already voted on this proposal.`,
  GovernorAlreadyQueuedProposal: (a) => `Proposal ${text(a.proposalId)} is already queued.`,
  GovernorDisabledDeposit: () => "The governor does not take deposits; send funds to the timelock.",
  GovernorInsufficientProposerVotes: (a) =>
    `${text(a.proposer)} has ${tokens(a.votes)} of votes; proposing needs ${tokens(a.threshold)}` +
    " (delegate your tokens to yourself to count them).",
  GovernorInvalidProposalLength: (a) =>
    `A proposal needs as many calls as targets and values; it has ${text(a.targets)} targets, ` +
    `${text(a.calldatas)} calls and ${text(a.values)} values.`,
  GovernorInvalidQuorumFraction: (a) =>
    `A quorum of ${text(a.quorumNumerator)}/${text(a.quorumDenominator)} of the supply is not possible.`,
  GovernorInvalidSignature: (a) => `The vote signature is not ${text(a.voter)}'s.`,
  GovernorInvalidVoteParams: () => "This governor takes no vote parameters.",
  GovernorInvalidVoteType: () => "A vote is 0 (against), 1 (for) or 2 (abstain).",
  GovernorInvalidVotingPeriod: (a) => `A voting period of ${duration(a.votingPeriod)} is not allowed.`,
  GovernorNonexistentProposal: (a) => `There is no proposal ${text(a.proposalId)}.`,
  GovernorOnlyExecutor: (a) =>
    `Only the DAO's timelock may do this, through a proposal; ${text(a.account)} is not it.`,
  GovernorProposalQueueingFailed: (a) => `The timelock did not queue proposal ${text(a.proposalId)}.`,
  GovernorProposalQueueingNotRequired: (a) => `Proposal ${text(a.proposalId)} needs no queueing.`,
  GovernorRestrictedProposer: (a) => `${text(a.proposer)} may not make this proposal.`,
  GovernorUnableToCancel: (a) =>
    `${text(a.account)} cannot cancel proposal ${text(a.proposalId)}: only its proposer, before its vote starts.`,
  GovernorUnexpectedProposalState: (a) =>
    `Proposal ${text(a.proposalId)} is ${proposalStateName(Number(a.current))}; this step needs it ` +
    `${expectedStates(a.expectedStates)}.`,

  // Timelock
  AccessControlBadConfirmation: () => "An account can only renounce its own role.",
  AccessControlUnauthorizedAccount: (a) =>
    `${text(a.account)} lacks the timelock role ${roleName(a.neededRole)}; changes go through a proposal.`,
  TimelockInsufficientDelay: (a) =>
    `A delay of ${duration(a.delay)} is shorter than the timelock's ${duration(a.minDelay)}.`,
  TimelockInvalidOperationLength: (a) =>
    `An operation needs as many calls as targets and values; it has ${text(a.targets)} targets, ` +
    `${text(a.payloads)} calls and ${text(a.values)} values.`,
  TimelockUnauthorizedCaller: (a) =>
    `Only the timelock itself may do this, through a proposal; ${text(a.caller)} is not it.`,
  TimelockUnexecutedPredecessor: (a) => `Operation ${text(a.predecessorId)} must run first.`,
  TimelockUnexpectedOperationState: (a) =>
    `Timelock operation ${text(a.operationId)} is not ready for this step (its delay may not have passed).`,

  // OpenZeppelin, compiled into the contracts
  FailedCall: () => "A call to another contract failed without giving a reason.",
  InsufficientBalance: (a, o) =>
    `The contract holds ${native(a.balance, o)} but needs ${native(a.needed, o)} for this.`,
  OwnableInvalidOwner: (a) => `${text(a.owner)} cannot be the owner.`,
  OwnableUnauthorizedAccount: (a) => `Only the owner may do this; ${text(a.account)} is not the owner.`,
  ReentrancyGuardReentrantCall: () => "A contract tried to re-enter a Lantern contract during a call.",
  SafeERC20FailedOperation: (a) => `A transfer of token ${text(a.token)} failed.`,

  // A standard OpenZeppelin ERC-20 with permit, whose reverts bubble up through purchases
  ECDSAInvalidSignature: () => "The signature is not valid.",
  ECDSAInvalidSignatureLength: (a) => `The signature is ${text(a.length)} bytes long; it must be 65.`,
  ECDSAInvalidSignatureS: (a) => `The signature's s value ${text(a.s)} is not in the lower half order.`,
  ERC20InsufficientAllowance: (a, o) =>
    `The token allowance for ${text(a.spender)} is ${amount(a.allowance, o)} but ${amount(a.needed, o)} is needed; ` +
    "approve the escrow first.",
  ERC20InsufficientBalance: (a, o) =>
    `${text(a.sender)} holds ${amount(a.balance, o)} of the token but ${amount(a.needed, o)} is needed.`,
  ERC20InvalidApprover: (a) => `${text(a.approver)} cannot approve token transfers.`,
  ERC20InvalidReceiver: (a) => `${text(a.receiver)} cannot receive the token.`,
  ERC20InvalidSender: (a) => `${text(a.sender)} cannot send the token.`,
  ERC20InvalidSpender: (a) => `${text(a.spender)} cannot be approved to spend the token.`,
  ERC2612ExpiredSignature: (a) => `The permit expired at ${date(a.deadline)}; sign a new one.`,
  ERC2612InvalidSigner: (a) =>
    `The permit was signed by ${text(a.signer)}, not by the token owner ${text(a.owner)}.`,
  InvalidAccountNonce: (a) =>
    `The permit's nonce is stale; ${text(a.account)}'s current nonce is ${text(a.currentNonce)}.`,
  InvalidShortString: () => "A string is not a valid short string.",
  StringTooLong: (a) => `The string "${text(a.str)}" is too long.`,

  // Solidity built-ins
  Error: (a) => `The contract reverted: ${text(a.message)}.`,
  Panic: (a) => {
    const code = Number(a.reason);
    return `The contract panicked with code 0x${code.toString(16)} (${panics[code] ?? "unknown panic"}).`;
  },
};

/** The readable sentence for a revert, given its error name and named arguments. */
export function revertMessage(errorName: string, args: Args, options: RevertMessageOptions = {}): string {
  const message = revertMessages[errorName];
  return message ? message(args, options) : `The contract reverted with ${errorName}.`;
}
