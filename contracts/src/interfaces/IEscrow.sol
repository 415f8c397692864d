// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Order, OrderState} from "../types/Order.sol";
import {IArbitrable} from "./IArbitrable.sol";
import {IArbitrator} from "./IArbitrator.sol";
import {IEvidence} from "./IEvidence.sol";

/// @title IEscrow
/// @notice Holds every open order's funds. Direct purchases pay the seller at once; escrowed ones run
/// Paid -> Shipped -> Completed, or end refunded, cancelled, or ruled by the arbitrator. No marketplace fee.
/// @dev Only an escrowed order's hash is stored; functions that act on an order take the `Order` back and
/// check it against the hash. Payments that cannot be pushed (a receiver that rejects the native coin or a
/// token transfer that fails) are credited and withdrawn with `withdraw`, so no party can block another.
interface IEscrow is IArbitrable, IEvidence {
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
    /// @notice Only a party to the order may submit evidence.
    error NotParty(uint256 orderId, address caller);
    /// @notice `buyWithPermit` is for listings priced in an ERC-20.
    error NotTokenListing(address listing);
    /// @notice The permit failed and the allowance it was to give is not there.
    error PermitFailed(address token);
    /// @notice A seller cannot buy their own listing.
    error BuyerIsSeller(address buyer);

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
    /// @notice The buyer opened a dispute at `arbitrator`.
    event OrderDisputed(uint256 indexed orderId, address indexed arbitrator, uint256 indexed disputeId);
    /// @notice The arbitrator's ruling was carried out.
    event OrderResolved(uint256 indexed orderId, uint256 ruling, uint256 buyerAmount, uint256 sellerAmount);
    /// @notice A payment could not be pushed and was credited to `account` for `withdraw`.
    event PaymentDeferred(address indexed account, address indexed currency, uint256 amount);
    /// @notice `account` withdrew credited payments.
    event Withdrawn(address indexed account, address indexed currency, uint256 amount);
    /// @notice The ship and delivery windows for new orders changed.
    event WindowsChanged(uint256 shipWindow, uint256 deliveryWindow);
    /// @notice The arbitrator for new disputes changed.
    event ArbitratorChanged(address indexed arbitrator, bytes extraData);

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
    /// @notice The buyer opens a dispute before release, paying the arbitrator's fee in `msg.value`.
    function openDispute(uint256 orderId, Order calldata order, string calldata evidence)
        external
        payable
        returns (uint256 disputeId);
    /// @notice A party adds evidence (ERC-1497) to a disputed order.
    function submitEvidence(uint256 orderId, string calldata evidence) external;
    /// @notice Withdraws payments credited to the caller in `currency`.
    function withdraw(address currency) external;

    /// @notice Sets the windows for new orders (owner only).
    function setWindows(uint32 shipWindow, uint32 deliveryWindow) external;
    /// @notice Sets the arbitrator for new disputes (owner only).
    function setArbitrator(IArbitrator arbitrator, bytes calldata extraData) external;

    /// @notice The stored hash of order `orderId`, or zero.
    function orderHash(uint256 orderId) external view returns (bytes32);
    /// @notice How many orders were placed.
    function orderCount() external view returns (uint256);
    /// @notice What the escrow owes `account` in `currency`, to withdraw.
    function owed(address account, address currency) external view returns (uint256);
    /// @notice The order a dispute is about.
    function disputedOrder(uint256 orderId) external view returns (Order memory);
    /// @notice The factory whose listings this escrow sells.
    function factory() external view returns (address);
    /// @notice Seconds the seller has to ship.
    function shipWindow() external view returns (uint32);
    /// @notice Seconds the buyer has to check the item after shipping.
    function deliveryWindow() external view returns (uint32);
    /// @notice The arbitrator for new disputes.
    function arbitrator() external view returns (IArbitrator);
}
