// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IArbitrator} from "../interfaces/IArbitrator.sol";
import {IEscrow} from "../interfaces/IEscrow.sol";
import {IListing} from "../interfaces/IListing.sol";
import {IPolicyTarget} from "../interfaces/IPolicyTarget.sol";
import {IWithdrawableArbitrator} from "../interfaces/IWithdrawableArbitrator.sol";
import {ListingClone} from "../libraries/ListingClone.sol";
import {PolicyRules} from "../libraries/PolicyRules.sol";
import {Rulings} from "../libraries/Rulings.sol";
import {Negotiation, Offer, OfferStatus, Role} from "../types/Negotiation.sol";
import {Order, OrderHashing, OrderState, OrderStorage} from "../types/Order.sol";
import {EscrowStorage} from "./EscrowStorage.sol";
import {EscrowViews} from "./EscrowViews.sol";

/// @title Escrow
/// @notice One contract holds every open order's funds, so one solvency invariant covers all money:
/// for each currency, the balance equals open escrowed orders plus credited payments, plus (native coin)
/// the arbitration fees of open disputes.
contract Escrow is IEscrow, IPolicyTarget, EscrowStorage, ReentrancyGuardTransient {
    using OrderHashing for Order;
    using SafeERC20 for IERC20;

    /// @dev Gas handed to a receiver of a pushed native payment: enough for smart wallets, too little to
    /// grief. A receiver that fails is credited instead (see `withdraw`).
    uint256 private constant PUSH_GAS = 35_000;
    uint32 private constant MIN_WINDOW = 1 hours;
    uint32 private constant MAX_WINDOW = 365 days;
    uint32 private constant DEFAULT_FEE_WINDOW = 7 days;
    uint256 private constant ORDER_COUNT_BITS = 64;

    address private immutable FACTORY;
    /// @dev Where the fallback sends the views it does not answer itself (`IEscrowViews`).
    address private immutable VIEWS;

    /// @dev The arbitrator a dispute is being withdrawn from: the one sender `receive` takes native coin from.
    address private transient _refundingArbitrator;

    constructor(
        address factory_,
        address initialOwner,
        uint32 shipWindow_,
        uint32 deliveryWindow_,
        string memory metaEvidence
    ) Ownable(initialOwner) {
        FACTORY = factory_;
        VIEWS = address(new EscrowViews());
        _setWindows(shipWindow_, deliveryWindow_);
        _setFeeWindow(DEFAULT_FEE_WINDOW);
        emit MetaEvidence(0, metaEvidence);
    }

    /// @notice Takes the refund of a dispute being withdrawn (`IWithdrawableArbitrator`), from its arbitrator
    /// only: any other native coin would sit outside the escrow's books.
    receive() external payable {
        if (msg.sender != _refundingArbitrator) revert UnexpectedPayment(msg.sender);
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
        _orderHashes[orderId] = OrderHashing.hashWith(order, OrderState.Shipped, uint40(block.timestamp));
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
        _orderHashes[orderId] = OrderHashing.hashWith(order, OrderState.Refunded, order.shippedAt);
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
        _orderHashes[orderId] = OrderHashing.hashWith(order, OrderState.Cancelled, order.shippedAt);
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
        returns (uint256 feeDeadline)
    {
        _verify(orderId, order);
        bool bySeller = msg.sender == order.seller;
        if (!bySeller && msg.sender != order.buyer) revert NotParty(orderId, msg.sender);
        if (order.state == OrderState.Shipped) {
            uint256 deadline = uint256(order.shippedAt) + order.deliveryWindow;
            if (block.timestamp >= deadline) revert DeliveryWindowClosed(orderId, deadline);
        } else if (order.state != OrderState.Paid) {
            revert WrongOrderState(orderId, order.state);
        }
        Config memory c = _config;
        if (address(c.arbitrator) == address(0)) revert NoArbitrator();
        bytes memory extraData = _arbitratorExtraData;
        uint256 fee = c.arbitrator.arbitrationCost(extraData);
        if (msg.value != fee) revert WrongPayment(fee, msg.value);
        feeDeadline = block.timestamp + c.feeWindow;

        _orderHashes[orderId] = OrderHashing.hashWith(order, OrderState.Disputed, order.shippedAt);
        DisputeRecord storage record = _disputes[orderId];
        OrderStorage.store(record.order, order, OrderState.Disputed);
        record.arbitrator = c.arbitrator;
        // Overflow not possible: a timestamp plus a window of at most a year fits 40 bits until year 36812.
        // forge-lint: disable-next-line(unsafe-typecast)
        record.feeDeadline = uint40(feeDeadline);
        record.stage = DisputeStage.AwaitingFee;
        record.openedBySeller = bySeller;
        // Overflow not possible: fee == msg.value, and no chain has 2^128 units of its coin.
        // forge-lint: disable-next-line(unsafe-typecast)
        record.openerFee = uint128(fee);
        record.extraData = extraData;

        emit DisputeOpened(orderId, msg.sender, address(c.arbitrator), fee, feeDeadline, extraData);
        if (bytes(evidence).length != 0) emit Evidence(c.arbitrator, orderId, msg.sender, evidence);
    }

    /// @inheritdoc IEscrow
    function payArbitrationFee(uint256 orderId, string calldata evidence)
        external
        payable
        nonReentrant
        returns (uint256 disputeId)
    {
        DisputeRecord storage record = _awaitingFee(orderId);
        bool openedBySeller = record.openedBySeller;
        if (msg.sender != (openedBySeller ? record.order.buyer : record.order.seller)) {
            if (msg.sender == (openedBySeller ? record.order.seller : record.order.buyer)) {
                revert AlreadyPaidFee(orderId, msg.sender);
            }
            revert NotParty(orderId, msg.sender);
        }
        uint256 deadline = record.feeDeadline;
        if (block.timestamp >= deadline) revert FeeWindowClosed(orderId, deadline);
        IArbitrator arb = record.arbitrator;
        bytes memory extraData = record.extraData;
        uint256 cost = arb.arbitrationCost(extraData);
        if (msg.value != cost) revert WrongPayment(cost, msg.value);

        record.stage = DisputeStage.Arbitrating;
        // Overflow not possible: cost == msg.value, and no chain has 2^128 units of its coin.
        // forge-lint: disable-next-line(unsafe-typecast)
        record.responderFee = uint128(cost);
        emit ArbitrationFeePaid(orderId, msg.sender, cost);
        // The arbitrator was chosen by governance; the id it returns is needed to route its ruling back.
        disputeId = arb.createDispute{value: cost}(Rulings.CHOICES, extraData);
        record.disputeId = disputeId;
        _orderOfDispute[arb][disputeId] = orderId;

        emit OrderDisputed(orderId, address(arb), disputeId);
        emit Dispute(arb, disputeId, 0, orderId);
        if (bytes(evidence).length != 0) emit Evidence(arb, orderId, msg.sender, evidence);
    }

    /// @inheritdoc IEscrow
    function timeoutDispute(uint256 orderId) external nonReentrant {
        DisputeRecord storage record = _awaitingFee(orderId);
        uint256 deadline = record.feeDeadline;
        if (block.timestamp < deadline) revert FeeWindowOpen(orderId, deadline);
        bool sellerWins = record.openedBySeller;
        emit DisputeTimedOut(orderId, sellerWins ? record.order.seller : record.order.buyer);
        _resolve(orderId, record, sellerWins ? Rulings.RELEASE : Rulings.REFUND);
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
    /// 1 refunds the buyer, 2 releases to the seller, 3 + b gives the buyer b basis points. The fee the escrow
    /// still holds (one of the two; the other paid the arbitrator) is split the same way. A ruling on a
    /// dispute its parties settled is ignored.
    function rule(uint256 disputeId, uint256 ruling) external nonReentrant {
        IArbitrator arb = IArbitrator(msg.sender);
        uint256 orderId = _orderOfDispute[arb][disputeId];
        if (orderId == 0) {
            if (address(arb) != address(_config.arbitrator)) revert NotArbitrator(msg.sender);
            revert UnknownDispute(disputeId);
        }
        DisputeRecord storage record = _disputes[orderId];
        // Only a settlement removes the record of a dispute at the arbitrator, and a settled order is final:
        // however often the arbitrator rules on it, nothing moves.
        if (record.stage != DisputeStage.Arbitrating) {
            emit RulingIgnored(orderId, address(arb), disputeId, ruling);
            return;
        }
        if (ruling > Rulings.CHOICES) revert InvalidRuling(ruling);
        delete _orderOfDispute[arb][disputeId];
        emit Ruling(arb, disputeId, ruling);
        _resolve(orderId, record, ruling);
    }

    // ------------------------------------------------------------------ settlements and mediators

    /// @inheritdoc IEscrow
    function proposeSettlement(
        uint256 orderId,
        Order calldata order,
        uint256 buyerBps,
        uint256 expiry,
        bytes32 messageDigest
    ) external returns (uint256 offerId) {
        _verifyOpen(orderId, order);
        if (buyerBps > Rulings.BPS) revert InvalidSplit(buyerBps);
        if (expiry <= block.timestamp || expiry > type(uint40).max) revert InvalidExpiry(expiry);
        Role role;
        if (msg.sender == order.buyer) role = Role.Buyer;
        else if (msg.sender == order.seller) role = Role.Seller;
        else if (_isMediator(orderId, msg.sender)) role = Role.Mediator;
        else revert NotPartyOrMediator(orderId, msg.sender);

        Negotiation n = _negotiations[orderId];
        offerId = n.lastId() + 1;
        if (offerId > type(uint16).max) revert TooManyOffers(orderId);
        // Casts are safe: offerId and buyerBps were bounded above, expiry by its check.
        _negotiations[orderId] = n.withStanding(role, offerId, buyerBps, expiry);
        emit SettlementProposed(orderId, offerId, msg.sender, buyerBps, expiry, messageDigest);
    }

    /// @inheritdoc IEscrow
    function acceptSettlement(uint256 orderId, Order calldata order, uint256 offerId) external nonReentrant {
        _verifyOpen(orderId, order);
        Role caller = _party(orderId, order);
        Negotiation n = _negotiations[orderId];
        (Role proposer, Offer memory offer) = _standingOffer(orderId, n, offerId);
        if (proposer == caller) revert OwnOffer(orderId, offerId);
        if (proposer == Role.Mediator && !n.acceptedBy(caller == Role.Buyer ? Role.Seller : Role.Buyer)) {
            if (n.acceptedBy(caller)) revert AlreadyAccepted(orderId, offerId);
            _negotiations[orderId] = n.withAcceptance(caller);
            emit SettlementAccepted(orderId, offerId, msg.sender);
            return;
        }
        _negotiations[orderId] = Negotiation.wrap(0);
        _settle(orderId, order, offerId, offer.buyerBps);
    }

    /// @inheritdoc IEscrow
    function rejectSettlement(uint256 orderId, Order calldata order, uint256 offerId) external {
        _verifyOpen(orderId, order);
        Role caller = _party(orderId, order);
        Negotiation n = _negotiations[orderId];
        (Role proposer,) = _standingOffer(orderId, n, offerId);
        if (proposer == caller) revert OwnOffer(orderId, offerId);
        _negotiations[orderId] = n.withStatus(proposer, OfferStatus.Rejected);
        emit SettlementRejected(orderId, offerId, msg.sender);
    }

    /// @inheritdoc IEscrow
    function withdrawSettlement(uint256 orderId, Order calldata order, uint256 offerId) external {
        _verifyOpen(orderId, order);
        Negotiation n = _negotiations[orderId];
        (Role proposer,) = _standingOffer(orderId, n, offerId);
        address proposerAddress = proposer == Role.Buyer
            ? order.buyer
            : proposer == Role.Seller ? order.seller : _mediators[orderId].mediator;
        if (msg.sender != proposerAddress) revert NotProposer(orderId, offerId, msg.sender);
        _negotiations[orderId] = n.withStatus(proposer, OfferStatus.Withdrawn);
        emit SettlementWithdrawn(orderId, offerId);
    }

    /// @inheritdoc IEscrow
    function proposeMediator(uint256 orderId, Order calldata order, address mediator) external {
        _verifyOpen(orderId, order);
        Role caller = _party(orderId, order);
        if (mediator == order.buyer || mediator == order.seller) revert InvalidMediator(mediator);
        if (mediator == address(0)) {
            delete _mediators[orderId];
        } else {
            _mediators[orderId] =
                MediatorRecord({mediator: mediator, proposedBySeller: caller == Role.Seller, agreed: false});
        }
        emit MediatorProposed(orderId, msg.sender, mediator);

        // Whoever made the mediator's standing offer is no longer the agreed mediator.
        Negotiation n = _negotiations[orderId];
        Offer memory offer = n.offerOf(Role.Mediator);
        if (offer.status == OfferStatus.Standing) {
            _negotiations[orderId] = n.withStatus(Role.Mediator, OfferStatus.Withdrawn);
            emit SettlementWithdrawn(orderId, offer.id);
        }
    }

    /// @inheritdoc IEscrow
    function acceptMediator(uint256 orderId, Order calldata order, address mediator) external {
        _verifyOpen(orderId, order);
        Role caller = _party(orderId, order);
        MediatorRecord storage record = _mediators[orderId];
        if (mediator == address(0) || record.mediator != mediator || record.agreed) {
            revert MediatorNotProposed(orderId, mediator);
        }
        if (record.proposedBySeller == (caller == Role.Seller)) revert OwnMediatorProposal(orderId);
        record.agreed = true;
        emit MediatorAppointed(orderId, mediator);
    }

    // ------------------------------------------------------------------ pull payments

    /// @inheritdoc IEscrow
    function withdraw(address currency) external nonReentrant {
        uint256 amount = _owed[msg.sender][currency];
        if (amount == 0) revert NothingToWithdraw(msg.sender, currency);
        _owed[msg.sender][currency] = 0;
        emit Withdrawn(msg.sender, currency, amount);
        if (currency == address(0)) Address.sendValue(payable(msg.sender), amount);
        else IERC20(currency).safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IPolicyTarget
    /// @dev The factory forwards its policy's writes (`ListingFactory.forwardPolicyRule`).
    function setPolicyRule(bytes32 key, uint256 value) external {
        if (msg.sender != FACTORY) revert NotPolicy(msg.sender);
        if (key == PolicyRules.FILTER_KEY) _orderWord = uint64(_orderWord) | value << ORDER_COUNT_BITS;
        else _policyRules[key] = value;
    }

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

    /// @inheritdoc IEscrow
    function setFeeWindow(uint32 feeWindow_) external onlyOwner {
        _setFeeWindow(feeWindow_);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IEscrow
    function orderHash(uint256 orderId) external view returns (bytes32) {
        return _orderHashes[orderId];
    }

    /// @inheritdoc IEscrow
    function owed(address account, address currency) external view returns (uint256) {
        return _owed[account][currency];
    }

    /// @inheritdoc IEscrow
    function orderCount() external view returns (uint256) {
        return uint64(_orderWord);
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

    /// @inheritdoc IEscrow
    function feeWindow() external view returns (uint32) {
        return _config.feeWindow;
    }

    /// @notice Answers the views of `IEscrowViews` (disputes, offers, mediators) by running `EscrowViews` in
    /// this contract's storage; any other unknown call reverts there.
    fallback() external {
        address views = VIEWS;
        assembly ("memory-safe") {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), views, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
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
        uint256 total = _take(listing, quantity, currency, escrowed) * quantity;
        if (total != amount) revert PriceMismatch(amount, total);
        if (total > type(uint96).max) revert AmountOverflow(total);

        Config memory c = _config;
        // The count is the word's low 64 bits; 2^64 orders would be needed to carry into the filter.
        orderId = uint64(++_orderWord);
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
            _orderHashes[orderId] = Order({
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

    /// @dev Takes the items from the listing's stock and, when the filter in the order word says the category
    /// may have a purchase rule, checks the policy. Returns the unit price. (A helper that also numbered the
    /// order measured about 700 gas more per purchase than numbering it in `_buy`.)
    function _take(address listing, uint32 quantity, address currency, bool escrowed)
        private
        returns (uint256 unitPrice)
    {
        uint256 categoryTag;
        // The listing is verified as a clone of an approved template, so this call runs our own code.
        (unitPrice, categoryTag) = IListing(listing).purchase(quantity);
        if (_orderWord >> (ORDER_COUNT_BITS + PolicyRules.filterBit(categoryTag)) & 1 != 0) {
            _checkPolicy(listing, categoryTag, currency, unitPrice, escrowed);
        }
    }

    /// @dev The purchase-time rules of the listing's category, as they are now: governance may have banned
    /// it, made it escrow-only or lowered its ceiling since the listing was created, or the seller may have
    /// raised the price. A category without a rule of its own follows the default rule.
    function _checkPolicy(
        address listing,
        uint256 categoryTag,
        address currency,
        uint256 unitPrice,
        bool escrowed
    ) private view {
        uint256 ruleIndex = categoryTag;
        uint256 word = _policyRules[PolicyRules.purchaseKey(categoryTag)];
        if (word == 0) {
            ruleIndex = PolicyRules.DEFAULT_INDEX;
            word = _policyRules[PolicyRules.DEFAULT_PURCHASE_KEY];
        }
        if (word & PolicyRules.BANNED != 0) revert CategoryBanned(listing);
        if (!escrowed && word & PolicyRules.ESCROW_REQUIRED != 0) revert EscrowRequired(listing);
        if (word & PolicyRules.HAS_CEILING != 0) {
            uint256 ceiling = _policyRules[PolicyRules.ceilingKey(ruleIndex, currency)];
            if (ceiling != 0 && unitPrice > ceiling) {
                revert UnitPriceAboveCeiling(listing, unitPrice, ceiling);
            }
        }
    }

    function _complete(uint256 orderId, Order calldata order, bool byBuyer) private {
        _orderHashes[orderId] = OrderHashing.hashWith(order, OrderState.Completed, order.shippedAt);
        emit OrderCompleted(orderId, byBuyer);
        _pay(order.currency, order.seller, order.amount);
    }

    /// @dev Ends a dispute by `ruling` (the arbitrator's, or the default one after a timeout). The fee the
    /// escrow still holds is split the same way as the order: the opener's fee while the other one was not
    /// paid (the winner's by default), or the one fee left once the other paid the arbitrator.
    function _resolve(uint256 orderId, DisputeRecord storage record, uint256 ruling) private {
        uint256 buyerBps = Rulings.buyerShare(ruling);
        Order memory o = OrderStorage.load(record.order);
        uint256 fees = record.openerFee;
        delete _disputes[orderId];

        uint256 buyerAmount = o.amount * buyerBps / Rulings.BPS;
        uint256 buyerFee = fees * buyerBps / Rulings.BPS;
        o.state = OrderState.Resolved;
        _orderHashes[orderId] = o.hash();
        emit OrderResolved(orderId, ruling, buyerAmount, o.amount - buyerAmount);
        emit ArbitrationFeesRefunded(orderId, buyerFee, fees - buyerFee);

        if (buyerBps == Rulings.BPS) _restock(o.listing, o.quantity);
        _pay(o.currency, o.buyer, buyerAmount);
        _pay(o.currency, o.seller, o.amount - buyerAmount);
        _pay(address(0), o.buyer, buyerFee);
        _pay(address(0), o.seller, fees - buyerFee);
    }

    /// @dev Ends the order as the accepted offer splits it. Effects first: the order, then the dispute's
    /// records; the arbitrator, the listing and the payments come last.
    function _settle(uint256 orderId, Order calldata order, uint256 offerId, uint256 buyerBps) private {
        uint256 buyerAmount = uint256(order.amount) * buyerBps / Rulings.BPS;
        uint256 sellerAmount = order.amount - buyerAmount;
        _orderHashes[orderId] = OrderHashing.hashWith(order, OrderState.Settled, order.shippedAt);
        emit OrderSettled(orderId, offerId, buyerAmount, sellerAmount);
        if (order.state == OrderState.Disputed) _endDispute(orderId, order);
        if (buyerBps == Rulings.BPS) _restock(order.listing, order.quantity);
        _pay(order.currency, order.buyer, buyerAmount);
        _pay(order.currency, order.seller, sellerAmount);
    }

    /// @dev Ends a settled order's dispute: withdraws it from the arbitrator if it was created there, and
    /// returns the fees. What comes back (the opener's fee the escrow held, plus what the arbitrator
    /// refunded) is shared in proportion to what each party paid: both get their own fee back when the
    /// arbitrator refunds in full, and both bear the same share of what it keeps.
    function _endDispute(uint256 orderId, Order calldata order) private {
        DisputeRecord storage record = _disputes[orderId];
        DisputeStage stage = record.stage;
        bool openedBySeller = record.openedBySeller;
        uint256 openerFee = record.openerFee;
        uint256 responderFee = record.responderFee;
        IArbitrator arb = record.arbitrator;
        uint256 disputeId = record.disputeId;
        // `_orderOfDispute` stays: should the arbitrator rule anyway, `rule` finds no record and ignores it.
        delete _disputes[orderId];

        uint256 returned = openerFee;
        if (stage == DisputeStage.Arbitrating) {
            (bool withdrawn, uint256 arbitratorRefund) = _withdrawDispute(arb, disputeId);
            emit DisputeSettled(orderId, address(arb), disputeId, withdrawn, arbitratorRefund);
            returned += arbitratorRefund;
        }
        uint256 paid = openerFee + responderFee;
        uint256 toOpener = paid == 0 ? returned : returned * openerFee / paid;
        uint256 toBuyer = openedBySeller ? returned - toOpener : toOpener;
        emit ArbitrationFeesRefunded(orderId, toBuyer, returned - toBuyer);
        _pay(address(0), order.buyer, toBuyer);
        _pay(address(0), order.seller, returned - toBuyer);
    }

    /// @dev Asks the arbitrator to drop the dispute (`IWithdrawableArbitrator`) and measures what it sends
    /// back. A plain ERC-792 arbitrator reverts (no such function), which is not an error here: the dispute
    /// is then dead to the escrow. The call is low-level so that a reply of any shape cannot revert the
    /// settlement, and no return data is copied.
    function _withdrawDispute(IArbitrator arb, uint256 disputeId)
        private
        returns (bool withdrawn, uint256 received)
    {
        bytes memory data = abi.encodeCall(IWithdrawableArbitrator.withdrawDispute, (disputeId));
        uint256 before = address(this).balance;
        _refundingArbitrator = address(arb);
        assembly ("memory-safe") {
            withdrawn := call(gas(), arb, 0, add(data, 0x20), mload(data), 0, 0)
        }
        _refundingArbitrator = address(0);
        received = address(this).balance - before;
    }

    /// @dev Reverts unless `order` is exactly what the escrow stored for `orderId`.
    function _verify(uint256 orderId, Order calldata order) private view {
        bytes32 stored = _orderHashes[orderId];
        if (stored == bytes32(0)) revert OrderNotFound(orderId);
        if (OrderHashing.hashCalldata(order) != stored) revert OrderMismatch(orderId);
    }

    /// @dev `_verify` for the settlement functions, which also need the order still open (paid, shipped or
    /// disputed). When a disputed order no longer matches because its dispute was resolved meanwhile, the
    /// caller lost a race against the ruling (or the timeout) and is told so.
    function _verifyOpen(uint256 orderId, Order calldata order) private view {
        bytes32 stored = _orderHashes[orderId];
        if (stored == bytes32(0)) revert OrderNotFound(orderId);
        if (OrderHashing.hashCalldata(order) != stored) {
            if (
                order.state == OrderState.Disputed
                    && OrderHashing.hashWith(order, OrderState.Resolved, order.shippedAt) == stored
            ) revert DisputeAlreadyResolved(orderId);
            revert OrderMismatch(orderId);
        }
        OrderState state = order.state;
        if (state != OrderState.Paid && state != OrderState.Shipped && state != OrderState.Disputed) {
            revert WrongOrderState(orderId, state);
        }
    }

    /// @dev The caller's side of a verified order; mediators and strangers are refused.
    function _party(uint256 orderId, Order calldata order) private view returns (Role) {
        if (msg.sender == order.buyer) return Role.Buyer;
        if (msg.sender == order.seller) return Role.Seller;
        revert NotParty(orderId, msg.sender);
    }

    function _isMediator(uint256 orderId, address account) private view returns (bool) {
        MediatorRecord storage record = _mediators[orderId];
        return record.agreed && record.mediator == account;
    }

    /// @dev The standing offer with id `offerId`, and whose it is; reverts with the reason it does not stand.
    function _standingOffer(uint256 orderId, Negotiation n, uint256 offerId)
        private
        view
        returns (Role proposer, Offer memory offer)
    {
        bool found;
        (found, proposer) = n.find(offerId);
        if (!found) {
            // Ids only grow, and each proposer keeps its latest: an older id was replaced by a newer one.
            if (offerId != 0 && offerId <= n.lastId()) revert OfferSuperseded(orderId, offerId);
            revert UnknownOffer(orderId, offerId);
        }
        offer = n.offerOf(proposer);
        if (offer.status == OfferStatus.Withdrawn) revert OfferWithdrawn(orderId, offerId);
        if (offer.status == OfferStatus.Rejected) revert OfferRejected(orderId, offerId);
        if (block.timestamp >= offer.expiry) revert OfferExpired(orderId, offerId, offer.expiry);
    }

    /// @dev The dispute of `orderId` while it waits for the second fee; reverts otherwise.
    function _awaitingFee(uint256 orderId) private view returns (DisputeRecord storage record) {
        record = _disputes[orderId];
        DisputeStage stage = record.stage;
        if (stage == DisputeStage.None) revert NoOpenDispute(orderId);
        if (stage == DisputeStage.Arbitrating) {
            revert DisputeAtArbitrator(orderId, address(record.arbitrator), record.disputeId);
        }
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
            _owed[to][currency] += amount;
            emit PaymentDeferred(to, currency, amount);
        }
    }

    function _setFeeWindow(uint32 feeWindow_) private {
        if (feeWindow_ < MIN_WINDOW || feeWindow_ > MAX_WINDOW) revert InvalidWindow(feeWindow_);
        _config.feeWindow = feeWindow_;
        emit FeeWindowChanged(feeWindow_);
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
