// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IArbitrator} from "../interfaces/IArbitrator.sol";
import {IEscrow} from "../interfaces/IEscrow.sol";
import {IListing} from "../interfaces/IListing.sol";
import {ListingClone} from "../libraries/ListingClone.sol";
import {Rulings} from "../libraries/Rulings.sol";
import {Order, OrderHashing, OrderState} from "../types/Order.sol";

/// @title Escrow
/// @notice One contract holds every open order's funds, so one solvency invariant covers all money:
/// for each currency, the balance equals open escrowed orders plus credited payments.
contract Escrow is IEscrow, Ownable2Step, ReentrancyGuardTransient {
    using OrderHashing for Order;
    using SafeERC20 for IERC20;

    /// @dev Gas handed to a receiver of a pushed native payment: enough for smart wallets, too little to
    /// grief. A receiver that fails is credited instead (see `withdraw`).
    uint256 private constant PUSH_GAS = 35_000;
    uint32 private constant MIN_WINDOW = 1 hours;
    uint32 private constant MAX_WINDOW = 365 days;

    struct Config {
        IArbitrator arbitrator;
        uint32 shipWindow;
        uint32 deliveryWindow;
    }

    struct DisputeRecord {
        Order order;
        IArbitrator arbitrator;
        uint256 disputeId;
    }

    address private immutable FACTORY;

    Config private _config;
    bytes private _arbitratorExtraData;
    /// @inheritdoc IEscrow
    uint256 public orderCount;
    /// @inheritdoc IEscrow
    mapping(uint256 orderId => bytes32) public orderHash;
    /// @inheritdoc IEscrow
    mapping(address account => mapping(address currency => uint256)) public owed;
    mapping(uint256 orderId => DisputeRecord) private _disputes;
    mapping(IArbitrator arbitrator => mapping(uint256 disputeId => uint256 orderId)) private _orderOfDispute;

    constructor(
        address factory_,
        address initialOwner,
        uint32 shipWindow_,
        uint32 deliveryWindow_,
        string memory metaEvidence
    ) Ownable(initialOwner) {
        FACTORY = factory_;
        _setWindows(shipWindow_, deliveryWindow_);
        emit MetaEvidence(0, metaEvidence);
    }

    // ------------------------------------------------------------------ purchases

    /// @inheritdoc IEscrow
    function buy(address listing, uint32 quantity, bool escrowed, uint256 amount, bytes32 shippingDigest)
        external
        payable
        nonReentrant
        returns (uint256)
    {
        (address seller, address currency) = _genuine(listing);
        uint256 expectedValue = currency == address(0) ? amount : 0;
        if (msg.value != expectedValue) revert WrongPayment(expectedValue, msg.value);
        return _buy(listing, seller, currency, quantity, escrowed, amount, shippingDigest);
    }

    /// @inheritdoc IEscrow
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
    ) external nonReentrant returns (uint256) {
        (address seller, address currency) = _genuine(listing);
        if (currency == address(0)) revert NotTokenListing(listing);
        try IERC20Permit(currency).permit(msg.sender, address(this), amount, deadline, v, r, s) {}
        catch {
            // Someone may have submitted the permit first; what matters is the allowance it gave.
            if (IERC20(currency).allowance(msg.sender, address(this)) < amount) {
                revert PermitFailed(currency);
            }
        }
        return _buy(listing, seller, currency, quantity, escrowed, amount, shippingDigest);
    }

    // ------------------------------------------------------------------ escrowed order lifecycle

    /// @inheritdoc IEscrow
    function markShipped(uint256 orderId, Order calldata order, bytes32 trackingDigest) external {
        _verify(orderId, order);
        if (msg.sender != order.seller) revert NotSeller(orderId, msg.sender);
        if (order.state != OrderState.Paid) revert WrongOrderState(orderId, order.state);
        orderHash[orderId] = OrderHashing.hashWith(order, OrderState.Shipped, uint40(block.timestamp));
        emit OrderShipped(orderId, trackingDigest, block.timestamp);
    }

    /// @inheritdoc IEscrow
    function confirmReceipt(uint256 orderId, Order calldata order) external nonReentrant {
        _verify(orderId, order);
        if (msg.sender != order.buyer) revert NotBuyer(orderId, msg.sender);
        OrderState state = order.state;
        if (state != OrderState.Paid && state != OrderState.Shipped) revert WrongOrderState(orderId, state);
        _complete(orderId, order, true);
    }

    /// @inheritdoc IEscrow
    function release(uint256 orderId, Order calldata order) external nonReentrant {
        _verify(orderId, order);
        if (order.state != OrderState.Shipped) revert WrongOrderState(orderId, order.state);
        uint256 deadline = uint256(order.shippedAt) + order.deliveryWindow;
        if (block.timestamp < deadline) revert DeliveryWindowOpen(orderId, deadline);
        _complete(orderId, order, false);
    }

    /// @inheritdoc IEscrow
    function refund(uint256 orderId, Order calldata order) external nonReentrant {
        _verify(orderId, order);
        if (msg.sender != order.seller) revert NotSeller(orderId, msg.sender);
        OrderState state = order.state;
        if (state != OrderState.Paid && state != OrderState.Shipped) revert WrongOrderState(orderId, state);
        orderHash[orderId] = OrderHashing.hashWith(order, OrderState.Refunded, order.shippedAt);
        emit OrderRefunded(orderId);
        _restock(order.listing, order.quantity);
        _pay(order.currency, order.buyer, order.amount);
    }

    /// @inheritdoc IEscrow
    function cancel(uint256 orderId, Order calldata order) external nonReentrant {
        _verify(orderId, order);
        if (msg.sender != order.buyer) revert NotBuyer(orderId, msg.sender);
        if (order.state != OrderState.Paid) revert WrongOrderState(orderId, order.state);
        uint256 deadline = uint256(order.paidAt) + order.shipWindow;
        if (block.timestamp < deadline) revert ShipWindowOpen(orderId, deadline);
        orderHash[orderId] = OrderHashing.hashWith(order, OrderState.Cancelled, order.shippedAt);
        emit OrderCancelled(orderId);
        _restock(order.listing, order.quantity);
        _pay(order.currency, order.buyer, order.amount);
    }

    // ------------------------------------------------------------------ disputes (ERC-792 / ERC-1497)

    /// @inheritdoc IEscrow
    function openDispute(uint256 orderId, Order calldata order, string calldata evidence)
        external
        payable
        nonReentrant
        returns (uint256 disputeId)
    {
        _verify(orderId, order);
        if (msg.sender != order.buyer) revert NotBuyer(orderId, msg.sender);
        if (order.state == OrderState.Shipped) {
            uint256 deadline = uint256(order.shippedAt) + order.deliveryWindow;
            if (block.timestamp >= deadline) revert DeliveryWindowClosed(orderId, deadline);
        } else if (order.state != OrderState.Paid) {
            revert WrongOrderState(orderId, order.state);
        }
        IArbitrator arb = _config.arbitrator;
        if (address(arb) == address(0)) revert NoArbitrator();
        bytes memory extraData = _arbitratorExtraData;
        uint256 fee = arb.arbitrationCost(extraData);
        if (msg.value != fee) revert WrongPayment(fee, msg.value);

        Order memory o = order;
        o.state = OrderState.Disputed;
        orderHash[orderId] = o.hash();
        DisputeRecord storage record = _disputes[orderId];
        record.order = o;
        record.arbitrator = arb;
        // The arbitrator is chosen by governance; the id it returns is needed to route its ruling back.
        disputeId = arb.createDispute{value: fee}(Rulings.CHOICES, extraData);
        record.disputeId = disputeId;
        _orderOfDispute[arb][disputeId] = orderId;

        emit OrderDisputed(orderId, address(arb), disputeId);
        emit Dispute(arb, disputeId, 0, orderId);
        if (bytes(evidence).length != 0) emit Evidence(arb, orderId, msg.sender, evidence);
    }

    /// @inheritdoc IEscrow
    function submitEvidence(uint256 orderId, string calldata evidence) external {
        DisputeRecord storage record = _disputes[orderId];
        OrderState state = record.order.state;
        if (state != OrderState.Disputed) revert WrongOrderState(orderId, state);
        if (msg.sender != record.order.buyer && msg.sender != record.order.seller) {
            revert NotParty(orderId, msg.sender);
        }
        emit Evidence(record.arbitrator, orderId, msg.sender, evidence);
    }

    /// @notice Carries out the arbitrator's ruling: 0 splits evenly (the arbitrator refused to rule),
    /// 1 refunds the buyer, 2 releases to the seller, 3 + b gives the buyer b basis points.
    function rule(uint256 disputeId, uint256 ruling) external nonReentrant {
        IArbitrator arb = IArbitrator(msg.sender);
        uint256 orderId = _orderOfDispute[arb][disputeId];
        if (orderId == 0) {
            if (address(arb) != address(_config.arbitrator)) revert NotArbitrator(msg.sender);
            revert UnknownDispute(disputeId);
        }
        if (ruling > Rulings.CHOICES) revert InvalidRuling(ruling);
        uint256 buyerBps = Rulings.buyerShare(ruling);
        Order memory o = _disputes[orderId].order;
        delete _disputes[orderId];
        delete _orderOfDispute[arb][disputeId];

        uint256 buyerAmount = o.amount * buyerBps / Rulings.BPS;
        uint256 sellerAmount = o.amount - buyerAmount;
        o.state = OrderState.Resolved;
        orderHash[orderId] = o.hash();
        emit Ruling(arb, disputeId, ruling);
        emit OrderResolved(orderId, ruling, buyerAmount, sellerAmount);

        if (buyerBps == Rulings.BPS) _restock(o.listing, o.quantity);
        _pay(o.currency, o.buyer, buyerAmount);
        _pay(o.currency, o.seller, sellerAmount);
    }

    // ------------------------------------------------------------------ pull payments

    /// @inheritdoc IEscrow
    function withdraw(address currency) external nonReentrant {
        uint256 amount = owed[msg.sender][currency];
        if (amount == 0) revert NothingToWithdraw(msg.sender, currency);
        owed[msg.sender][currency] = 0;
        emit Withdrawn(msg.sender, currency, amount);
        if (currency == address(0)) Address.sendValue(payable(msg.sender), amount);
        else IERC20(currency).safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IEscrow
    function setWindows(uint32 shipWindow_, uint32 deliveryWindow_) external onlyOwner {
        _setWindows(shipWindow_, deliveryWindow_);
    }

    /// @inheritdoc IEscrow
    function setArbitrator(IArbitrator arbitrator_, bytes calldata extraData) external onlyOwner {
        _config.arbitrator = arbitrator_;
        _arbitratorExtraData = extraData;
        emit ArbitratorChanged(address(arbitrator_), extraData);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IEscrow
    function disputedOrder(uint256 orderId) external view returns (Order memory) {
        return _disputes[orderId].order;
    }

    /// @notice The arbitrator and its dispute id for a disputed order.
    function disputeOf(uint256 orderId) external view returns (IArbitrator arbitrator_, uint256 disputeId) {
        DisputeRecord storage record = _disputes[orderId];
        return (record.arbitrator, record.disputeId);
    }

    /// @inheritdoc IEscrow
    function factory() external view returns (address) {
        return FACTORY;
    }

    /// @inheritdoc IEscrow
    function shipWindow() external view returns (uint32) {
        return _config.shipWindow;
    }

    /// @inheritdoc IEscrow
    function deliveryWindow() external view returns (uint32) {
        return _config.deliveryWindow;
    }

    /// @inheritdoc IEscrow
    function arbitrator() external view returns (IArbitrator) {
        return _config.arbitrator;
    }

    /// @notice The extra data passed to the arbitrator with each new dispute.
    function arbitratorExtraData() external view returns (bytes memory) {
        return _arbitratorExtraData;
    }

    // ------------------------------------------------------------------ internals

    function _buy(
        address listing,
        address seller,
        address currency,
        uint32 quantity,
        bool escrowed,
        uint256 amount,
        bytes32 shippingDigest
    ) private returns (uint256 orderId) {
        if (msg.sender == seller) revert BuyerIsSeller(msg.sender);
        // The listing is verified as a clone of an approved template, so this call runs our own code.
        uint256 total = IListing(listing).purchase(quantity) * quantity;
        if (total != amount) revert PriceMismatch(amount, total);
        if (total > type(uint96).max) revert AmountOverflow(total);

        Config memory c = _config;
        orderId = ++orderCount;
        emit OrderPaid(
            orderId,
            listing,
            msg.sender,
            seller,
            currency,
            total,
            quantity,
            escrowed,
            c.shipWindow,
            c.deliveryWindow,
            block.timestamp,
            shippingDigest
        );
        if (escrowed) {
            orderHash[orderId] = Order({
                buyer: msg.sender,
                seller: seller,
                listing: listing,
                currency: currency,
                amount: uint96(total),
                quantity: quantity,
                shipWindow: c.shipWindow,
                deliveryWindow: c.deliveryWindow,
                paidAt: uint40(block.timestamp),
                shippedAt: 0,
                state: OrderState.Paid
            }).hash();
            if (currency != address(0)) _pullExact(currency, msg.sender, address(this), total);
        } else if (currency == address(0)) {
            _pay(address(0), seller, total);
        } else {
            _pullExact(currency, msg.sender, seller, total);
        }
    }

    function _complete(uint256 orderId, Order calldata order, bool byBuyer) private {
        orderHash[orderId] = OrderHashing.hashWith(order, OrderState.Completed, order.shippedAt);
        emit OrderCompleted(orderId, byBuyer);
        _pay(order.currency, order.seller, order.amount);
    }

    /// @dev Reverts unless `order` is exactly what the escrow stored for `orderId`.
    function _verify(uint256 orderId, Order calldata order) private view {
        bytes32 stored = orderHash[orderId];
        if (stored == bytes32(0)) revert OrderNotFound(orderId);
        if (OrderHashing.hashCalldata(order) != stored) revert OrderMismatch(orderId);
    }

    function _genuine(address listing) private view returns (address seller, address currency) {
        (seller, currency) = ListingClone.verify(listing, FACTORY);
        if (seller == address(0)) revert ListingNotGenuine(listing);
    }

    /// @dev A genuine template's restock cannot revert for the escrow; the guard is for templates approved
    /// later, so that no listing code can ever hold a refund hostage.
    function _restock(address listing, uint32 quantity) private {
        try IListing(listing).restock(quantity) {} catch {}
    }

    /// @dev Moves exactly `amount` of `token` from `from` to `to`, or reverts: fee-on-transfer, rebasing and
    /// false-returning tokens would otherwise break the escrow's accounting.
    function _pullExact(address token, address from, address to, uint256 amount) private {
        uint256 before = IERC20(token).balanceOf(to);
        IERC20(token).safeTransferFrom(from, to, amount);
        uint256 received = IERC20(token).balanceOf(to) - before;
        if (received != amount) revert TokenTransferMismatch(token, amount, received);
    }

    /// @dev Pushes a payment; if the receiver cannot take it, credits it for `withdraw` so that nobody can
    /// block a refund or another order by rejecting funds.
    function _pay(address currency, address to, uint256 amount) private {
        if (amount == 0) return;
        bool ok;
        if (currency == address(0)) {
            assembly ("memory-safe") {
                // No return data is copied, so a receiver cannot grief with a huge revert reason.
                ok := call(PUSH_GAS, to, amount, 0, 0, 0, 0)
            }
        } else {
            ok = IERC20(currency).trySafeTransfer(to, amount);
        }
        if (!ok) {
            owed[to][currency] += amount;
            emit PaymentDeferred(to, currency, amount);
        }
    }

    function _setWindows(uint32 shipWindow_, uint32 deliveryWindow_) private {
        if (shipWindow_ < MIN_WINDOW || shipWindow_ > MAX_WINDOW) revert InvalidWindow(shipWindow_);
        if (deliveryWindow_ < MIN_WINDOW || deliveryWindow_ > MAX_WINDOW) {
            revert InvalidWindow(deliveryWindow_);
        }
        _config.shipWindow = shipWindow_;
        _config.deliveryWindow = deliveryWindow_;
        emit WindowsChanged(shipWindow_, deliveryWindow_);
    }
}
