// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Offer, Role} from "../types/Negotiation.sol";
import {Order, OrderState} from "../types/Order.sol";
import {IArbitrable} from "./IArbitrable.sol";
import {IArbitrator} from "./IArbitrator.sol";
import {IEvidence} from "./IEvidence.sol";

/// @title IEscrow
/// @notice Holds every open order's funds. Direct purchases pay the seller at once; escrowed ones run
/// Paid -> Shipped -> Completed, or end refunded, cancelled, settled by agreement, or resolved in a dispute.
/// No marketplace fee.
/// @dev Only an escrowed order's hash is stored; functions that act on an order take the `Order` back and
/// check it against the hash. Payments that cannot be pushed (a receiver that rejects the native coin or a
/// token transfer that fails) are credited and withdrawn with `withdraw`, so no party can block another.
/// Disputes: the party who opens one pays the arbitrator's fee; the other pays the same within the fee
/// window, and the escrow then creates the dispute at the arbitrator, or the opener wins by default
/// (`timeoutDispute`). Settlements: either party, or a mediator both agreed on, offers a split; an offer
/// takes effect when the other party (for a mediator's offer, both parties) accepts it.
interface IEscrow is IArbitrable, IEvidence {
    /// @notice Where a dispute stands: waiting for the second arbitration fee, or at the arbitrator.
    enum DisputeStage {
        None,
        AwaitingFee,
        Arbitrating
    }

    /// @notice A dispute as the escrow holds it (see `IEscrowViews.disputeInfo`).
    struct DisputeInfo {
        DisputeStage stage;
        /// @dev The party who opened the dispute and paid the first fee.
        address opener;
        /// @dev Native coin the opener paid.
        uint256 openerFee;
        /// @dev Native coin the other party paid; zero until it pays.
        uint256 responderFee;
        /// @dev Until when the other party may pay; `timeoutDispute` works from then on.
        uint256 feeDeadline;
        /// @dev The arbitrator, fixed when the dispute was opened.
        address arbitrator;
        /// @dev The arbitrator's dispute id, once created.
        uint256 disputeId;
    }

    /// @notice The address is not a listing deployed by the marketplace's factory.
    error ListingNotGenuine(address listing);
    /// @notice The native coin sent does not match what the purchase or fee costs.
    error WrongPayment(uint256 expected, uint256 sent);
    /// @notice The total the buyer agreed to differs from the listing's current price times quantity.
    error PriceMismatch(uint256 agreed, uint256 actual);
    /// @notice The order's total does not fit the escrow's amount type.
    error AmountOverflow(uint256 amount);
    /// @notice A token moved a different amount than asked (fee-on-transfer or rebasing tokens are refused).
    error TokenTransferMismatch(address token, uint256 expected, uint256 received);
    /// @notice No escrowed order has this id.
    error OrderNotFound(uint256 orderId);
    /// @notice The order passed in differs from the stored one.
    error OrderMismatch(uint256 orderId);
    /// @notice The order is not in a state that allows this action.
    error WrongOrderState(uint256 orderId, OrderState state);
    /// @notice Only the order's buyer may do this.
    error NotBuyer(uint256 orderId, address caller);
    /// @notice Only the order's seller may do this.
    error NotSeller(uint256 orderId, address caller);
    /// @notice The seller still has time to ship; the buyer may cancel from `shipDeadline`.
    error ShipWindowOpen(uint256 orderId, uint256 shipDeadline);
    /// @notice The buyer still has time to check the item; anyone may release from `deliveryDeadline`.
    error DeliveryWindowOpen(uint256 orderId, uint256 deliveryDeadline);
    /// @notice The delivery window has ended; the order can only be released now.
    error DeliveryWindowClosed(uint256 orderId, uint256 deliveryDeadline);
    /// @notice No arbitrator is set, so disputes cannot be opened.
    error NoArbitrator();
    /// @notice Only the arbitrator that holds the dispute may rule on it.
    error NotArbitrator(address caller);
    /// @notice The arbitrator holds no open dispute of the escrow with this id.
    error UnknownDispute(uint256 disputeId);
    /// @notice The ruling is none of: 0 (refused: split evenly), 1 (refund), 2 (release), 3 + buyer basis points.
    error InvalidRuling(uint256 ruling);
    /// @notice Nothing is owed to the caller in this currency.
    error NothingToWithdraw(address account, address currency);
    /// @notice A window must be between one hour and one year.
    error InvalidWindow(uint256 window);
    /// @notice Only the order's buyer or seller may do this.
    error NotParty(uint256 orderId, address caller);
    /// @notice `buyWithPermit` is for listings priced in an ERC-20.
    error NotTokenListing(address listing);
    /// @notice The permit failed and the allowance it was to give is not there.
    error PermitFailed(address token);
    /// @notice A seller cannot buy their own listing.
    error BuyerIsSeller(address buyer);
    /// @notice Policy rule: the DAO has banned the listing's category, so it can no longer be bought.
    error CategoryBanned(address listing);
    /// @notice Policy rule: the listing's category may only be bought with escrow.
    error EscrowRequired(address listing);
    /// @notice Policy rule: the unit price is above the DAO's ceiling for the listing's category and currency.
    error UnitPriceAboveCeiling(address listing, uint256 unitPrice, uint256 ceiling);
    /// @notice The order has no dispute waiting for a fee or at the arbitrator.
    error NoOpenDispute(uint256 orderId);
    /// @notice Both fees are paid and the dispute is with the arbitrator already.
    error DisputeAtArbitrator(uint256 orderId, address arbitrator, uint256 disputeId);
    /// @notice The caller opened the dispute and paid its fee already; the other party pays the second fee.
    error AlreadyPaidFee(uint256 orderId, address payer);
    /// @notice The other party's time to pay the fee ended at `feeDeadline`; the opener wins by default.
    error FeeWindowClosed(uint256 orderId, uint256 feeDeadline);
    /// @notice The other party may still pay the fee until `feeDeadline`; the dispute can time out after.
    error FeeWindowOpen(uint256 orderId, uint256 feeDeadline);
    /// @notice A settlement gives the buyer at most 10,000 basis points (all) of the order.
    error InvalidSplit(uint256 buyerBps);
    /// @notice An offer's expiry must be a time in the future (unix seconds that fit 40 bits).
    error InvalidExpiry(uint256 expiry);
    /// @notice Only the order's buyer, seller or agreed mediator may make or withdraw a settlement offer.
    error NotPartyOrMediator(uint256 orderId, address caller);
    /// @notice No offer with this id was made on the order.
    error UnknownOffer(uint256 orderId, uint256 offerId);
    /// @notice Its proposer made a newer offer since; only the latest offer of each proposer stands.
    error OfferSuperseded(uint256 orderId, uint256 offerId);
    /// @notice Its proposer withdrew the offer.
    error OfferWithdrawn(uint256 orderId, uint256 offerId);
    /// @notice A party rejected the offer.
    error OfferRejected(uint256 orderId, uint256 offerId);
    /// @notice The offer expired at `expiry`.
    error OfferExpired(uint256 orderId, uint256 offerId, uint256 expiry);
    /// @notice A proposer cannot accept or reject its own offer (it may withdraw it).
    error OwnOffer(uint256 orderId, uint256 offerId);
    /// @notice Only the offer's proposer may withdraw it.
    error NotProposer(uint256 orderId, uint256 offerId, address caller);
    /// @notice The caller accepted this mediator's offer already; it takes effect when the other party does.
    error AlreadyAccepted(uint256 orderId, uint256 offerId);
    /// @notice An order takes at most 65,535 settlement offers.
    error TooManyOffers(uint256 orderId);
    /// @notice The dispute was resolved (ruled, or by default) before the settlement could take effect.
    error DisputeAlreadyResolved(uint256 orderId);
    /// @notice A party to the order cannot be its mediator.
    error InvalidMediator(address mediator);
    /// @notice `mediator` is not the candidate waiting for this party's agreement.
    error MediatorNotProposed(uint256 orderId, address mediator);
    /// @notice The party who proposed the mediator cannot also accept it; the other party does.
    error OwnMediatorProposal(uint256 orderId);
    /// @notice The escrow takes native coin only with purchases and fees, and back from an arbitrator.
    error UnexpectedPayment(address from);

    /// @notice A purchase was paid. `escrowed` is false for a direct purchase, which completes here.
    /// @param shippingDigest sha2-256 digest of the buyer's shipping details, encrypted to the seller
    /// (a raw-codec CIDv1); zero when nothing ships.
    event OrderPaid(
        uint256 indexed orderId,
        address indexed listing,
        address indexed buyer,
        address seller,
        address currency,
        uint256 amount,
        uint256 quantity,
        bool escrowed,
        uint256 shipWindow,
        uint256 deliveryWindow,
        uint256 paidAt,
        bytes32 shippingDigest
    );
    /// @notice The seller marked the order shipped. `trackingDigest` is a raw-codec CIDv1 digest, or zero.
    event OrderShipped(uint256 indexed orderId, bytes32 trackingDigest, uint256 shippedAt);
    /// @notice The seller was paid: by the buyer's confirmation (`byBuyer`) or after the delivery window.
    event OrderCompleted(uint256 indexed orderId, bool byBuyer);
    /// @notice The seller refunded the buyer.
    event OrderRefunded(uint256 indexed orderId);
    /// @notice The buyer cancelled an order that was not shipped in time.
    event OrderCancelled(uint256 indexed orderId);
    /// @notice A party opened a dispute, paying `arbitrator`'s `fee`; the order is Disputed. The other party
    /// must pay the arbitrator's cost for `extraData` (`arbitrationCost`) by `feeDeadline`, or the opener
    /// wins by default.
    event DisputeOpened(
        uint256 indexed orderId,
        address indexed opener,
        address indexed arbitrator,
        uint256 fee,
        uint256 feeDeadline,
        bytes extraData
    );
    /// @notice The other party paid its arbitration fee; `OrderDisputed` follows.
    event ArbitrationFeePaid(uint256 indexed orderId, address indexed payer, uint256 fee);
    /// @notice With both fees paid, the escrow created dispute `disputeId` at `arbitrator`.
    event OrderDisputed(uint256 indexed orderId, address indexed arbitrator, uint256 indexed disputeId);
    /// @notice The other party did not pay its fee in time, so `winner` (the opener) won by default;
    /// `OrderResolved` follows with ruling 1 (refund) or 2 (release).
    event DisputeTimedOut(uint256 indexed orderId, address indexed winner);
    /// @notice The dispute ended: by the arbitrator's ruling, or by default (after `DisputeTimedOut`).
    event OrderResolved(uint256 indexed orderId, uint256 ruling, uint256 buyerAmount, uint256 sellerAmount);
    /// @notice Arbitration fees the escrow held went back to the parties (native coin), when a dispute ended
    /// by ruling, by default or by settlement.
    event ArbitrationFeesRefunded(uint256 indexed orderId, uint256 toBuyer, uint256 toSeller);
    /// @notice A settlement ended a dispute at `arbitrator`: `withdrawn` if it took the withdrawal
    /// (`IWithdrawableArbitrator`), and the native coin it sent back. Otherwise its ruling will be ignored.
    event DisputeSettled(
        uint256 indexed orderId,
        address indexed arbitrator,
        uint256 indexed disputeId,
        bool withdrawn,
        uint256 refund
    );
    /// @notice The arbitrator ruled on a dispute whose parties had settled; nothing moved.
    event RulingIgnored(
        uint256 indexed orderId, address indexed arbitrator, uint256 indexed disputeId, uint256 ruling
    );
    /// @notice `proposer` (the buyer, the seller or the agreed mediator) offers the buyer `buyerBps` basis
    /// points of the order, the seller the rest, until `expiry`. It replaces the proposer's previous offer on
    /// the order; an offer while the other party's stands is a counter-offer.
    /// @param messageDigest sha2-256 digest of a message to the other side (a raw-codec CIDv1), or zero.
    event SettlementProposed(
        uint256 indexed orderId,
        uint256 offerId,
        address indexed proposer,
        uint256 buyerBps,
        uint256 expiry,
        bytes32 messageDigest
    );
    /// @notice The proposer withdrew the offer (also when a mediator is replaced: its offer is withdrawn).
    event SettlementWithdrawn(uint256 indexed orderId, uint256 offerId);
    /// @notice A party rejected the offer.
    event SettlementRejected(uint256 indexed orderId, uint256 offerId, address indexed by);
    /// @notice A party accepted the mediator's offer; it takes effect when the other party accepts too.
    event SettlementAccepted(uint256 indexed orderId, uint256 offerId, address indexed by);
    /// @notice The offer was accepted: the order is Settled and its funds were split as the offer said.
    event OrderSettled(uint256 indexed orderId, uint256 offerId, uint256 buyerAmount, uint256 sellerAmount);
    /// @notice A party proposed `mediator` for the order (zero: no mediator); the other party must accept.
    event MediatorProposed(uint256 indexed orderId, address indexed by, address indexed mediator);
    /// @notice Both parties agreed on `mediator`, who may now make settlement offers on the order.
    event MediatorAppointed(uint256 indexed orderId, address indexed mediator);
    /// @notice A payment could not be pushed and was credited to `account` for `withdraw`.
    event PaymentDeferred(address indexed account, address indexed currency, uint256 amount);
    /// @notice `account` withdrew credited payments.
    event Withdrawn(address indexed account, address indexed currency, uint256 amount);
    /// @notice The ship and delivery windows for new orders changed.
    event WindowsChanged(uint256 shipWindow, uint256 deliveryWindow);
    /// @notice The arbitrator for new disputes changed.
    event ArbitratorChanged(address indexed arbitrator, bytes extraData);
    /// @notice The time the other party has to pay its arbitration fee, for new disputes, changed.
    event FeeWindowChanged(uint256 feeWindow);

    /// @notice Buys `quantity` items of `listing` for `amount` in total (price times quantity), in the
    /// listing's currency: native coin in `msg.value`, or an ERC-20 the escrow may transfer from the buyer.
    /// @param escrowed True to hold the funds until delivery; false pays the seller at once.
    /// @param amount The total the buyer agrees to pay; guards against a price change before inclusion.
    /// @param shippingDigest Digest of the encrypted shipping details, or zero.
    /// @return orderId The order's id.
    function buy(address listing, uint32 quantity, bool escrowed, uint256 amount, bytes32 shippingDigest)
        external
        payable
        returns (uint256 orderId);

    /// @notice `buy` for an EIP-2612 token in one transaction: approves with the buyer's permit first.
    function buyWithPermit(
        address listing,
        uint32 quantity,
        bool escrowed,
        uint256 amount,
        bytes32 shippingDigest,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 orderId);

    /// @notice The seller marks a paid order shipped.
    function markShipped(uint256 orderId, Order calldata order, bytes32 trackingDigest) external;
    /// @notice The buyer confirms receipt; the seller is paid.
    function confirmReceipt(uint256 orderId, Order calldata order) external;
    /// @notice Anyone pays the seller once the delivery window after shipping has passed.
    function release(uint256 orderId, Order calldata order) external;
    /// @notice The seller refunds the buyer in full, any time before the order ends; stock comes back.
    function refund(uint256 orderId, Order calldata order) external;
    /// @notice The buyer cancels an order not shipped within the ship window; stock comes back.
    function cancel(uint256 orderId, Order calldata order) external;
    /// @notice The buyer or the seller opens a dispute on a paid order, or a shipped one within its delivery
    /// window, paying the arbitrator's fee in `msg.value`. The other party has the fee window to pay too.
    /// @param evidence ERC-1497 evidence URI, or empty.
    /// @return feeDeadline Until when the other party may pay its fee.
    function openDispute(uint256 orderId, Order calldata order, string calldata evidence)
        external
        payable
        returns (uint256 feeDeadline);
    /// @notice The other party pays its arbitration fee (the arbitrator's cost now, in `msg.value`) before the
    /// fee deadline; the escrow creates the dispute at the arbitrator with one of the two fees.
    function payArbitrationFee(uint256 orderId, string calldata evidence)
        external
        payable
        returns (uint256 disputeId);
    /// @notice Anyone ends a dispute whose second fee was not paid by the deadline: the opener wins the whole
    /// order (the buyer a refund, the seller a release) and gets its fee back.
    function timeoutDispute(uint256 orderId) external;
    /// @notice A party adds evidence (ERC-1497) to a disputed order.
    function submitEvidence(uint256 orderId, string calldata evidence) external;

    /// @notice The buyer, the seller, or the agreed mediator offers to settle a paid, shipped or disputed
    /// order: `buyerBps` basis points of it to the buyer, the rest to the seller, open until `expiry`.
    /// Replaces the caller's previous offer. The message exists only in the event.
    /// @return offerId The offer's id on this order.
    function proposeSettlement(
        uint256 orderId,
        Order calldata order,
        uint256 buyerBps,
        uint256 expiry,
        bytes32 messageDigest
    ) external returns (uint256 offerId);
    /// @notice A party accepts the other party's standing offer, which settles the order at once; or accepts
    /// the mediator's offer, which settles it once both parties have. Settling a disputed order withdraws
    /// the dispute and returns the arbitration fees (see docs/escrow.md).
    function acceptSettlement(uint256 orderId, Order calldata order, uint256 offerId) external;
    /// @notice A party rejects the other party's or the mediator's standing offer.
    function rejectSettlement(uint256 orderId, Order calldata order, uint256 offerId) external;
    /// @notice The proposer withdraws its standing offer.
    function withdrawSettlement(uint256 orderId, Order calldata order, uint256 offerId) external;
    /// @notice A party proposes `mediator` for the order, replacing any mediator until the other party
    /// accepts; address zero removes the mediator. A replaced mediator's standing offer is withdrawn.
    function proposeMediator(uint256 orderId, Order calldata order, address mediator) external;
    /// @notice The other party accepts the proposed `mediator`, who may then make offers.
    function acceptMediator(uint256 orderId, Order calldata order, address mediator) external;
    /// @notice Withdraws payments credited to the caller in `currency`.
    function withdraw(address currency) external;

    /// @notice Sets the windows for new orders (owner only).
    function setWindows(uint32 shipWindow, uint32 deliveryWindow) external;
    /// @notice Sets the arbitrator for new disputes (owner only).
    function setArbitrator(IArbitrator arbitrator, bytes calldata extraData) external;
    /// @notice Sets the time the other party has to pay its arbitration fee, for new disputes (owner only).
    function setFeeWindow(uint32 feeWindow) external;

    /// @notice The stored hash of order `orderId`, or zero.
    function orderHash(uint256 orderId) external view returns (bytes32);
    /// @notice How many orders were placed.
    function orderCount() external view returns (uint256);
    /// @notice What the escrow owes `account` in `currency`, to withdraw.
    function owed(address account, address currency) external view returns (uint256);
    /// @notice The factory whose listings this escrow sells.
    function factory() external view returns (address);
    /// @notice Seconds the seller has to ship.
    function shipWindow() external view returns (uint32);
    /// @notice Seconds the buyer has to check the item after shipping.
    function deliveryWindow() external view returns (uint32);
    /// @notice The arbitrator for new disputes.
    function arbitrator() external view returns (IArbitrator);
    /// @notice Seconds the other party has to pay its arbitration fee once a dispute is opened.
    function feeWindow() external view returns (uint32);
}
