// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {Escrow} from "../../../src/escrow/Escrow.sol";
import {IEscrow} from "../../../src/interfaces/IEscrow.sol";
import {IListing, ListingStatus} from "../../../src/interfaces/IListing.sol";
import {IListingFactory} from "../../../src/interfaces/IListingFactory.sol";
import {IPolicy} from "../../../src/interfaces/IPolicy.sol";
import {IPolicyTarget} from "../../../src/interfaces/IPolicyTarget.sol";
import {Rulings} from "../../../src/libraries/Rulings.sol";
import {FixedPriceListing} from "../../../src/listings/FixedPriceListing.sol";
import {ListingFactory} from "../../../src/listings/ListingFactory.sol";
import {Policy} from "../../../src/policy/Policy.sol";
import {OfferStatus, Role} from "../../../src/types/Negotiation.sol";
import {Order, OrderState} from "../../../src/types/Order.sol";
import {TestToken} from "../../utils/Fixture.sol";
import {TestArbitrator} from "../../utils/TestArbitrator.sol";
import {WithdrawableTestArbitrator} from "../../utils/WithdrawableTestArbitrator.sol";
import {RejectingSeller} from "../../utils/hostile/RejectingSeller.sol";
import {NoReturnToken} from "../../utils/tokens/NoReturnToken.sol";

/// @notice Drives the marketplace through random sequences of real user actions and keeps ghost books of
/// what the escrow must hold and owe. Every action first checks that it is valid, so no call is expected to
/// revert (the invariant suite runs with `fail-on-revert`); `retryPayout` is the one action that tries what
/// must fail, and counts it if it does not. Disputes run with both fees, at a plain ERC-792 arbitrator or a
/// withdrawable one, and orders are settled by offers of either party or of an agreed mediator; the ghost
/// books follow the rules of docs/escrow.md, written out here apart from the contract.
contract EscrowHandler is CommonBase, StdCheats, StdUtils {
    uint256 internal constant MAX_LISTINGS = 12;
    uint256 internal constant MAX_QUANTITY = 5;
    uint256 internal constant MAX_PRICE = 1e21;

    struct ListingInfo {
        address listing;
        address seller;
        address currency;
        /// @dev What the handler set: opening stock plus every change made by `setStock`.
        uint256 supply;
        uint256 stock;
        uint256 sold;
    }

    struct OrderInfo {
        uint256 id;
        Order order;
        bool open;
        /// @dev True once a dispute was created at an arbitrator (both fees paid).
        bool disputed;
        uint256 disputeId;
        uint256 payouts;
        /// @dev 0 no dispute, 1 waiting for the second fee, 2 at the arbitrator.
        uint8 stage;
        bool openedBySeller;
        uint256 openerFee;
        uint256 responderFee;
        uint256 feeDeadline;
        TestArbitrator arb;
    }

    struct Lane {
        uint256 id;
        uint256 bps;
        uint256 expiry;
        OfferStatus status;
    }

    /// @dev The negotiation as the handler expects the escrow to hold it, by order index.
    struct NegotiationInfo {
        Lane[3] lanes;
        bool[2] accepted;
        uint256 lastId;
        address mediator;
        bool agreed;
        bool proposedBySeller;
        uint256 settledOfferId;
    }

    /// @dev A dispute whose order was settled while the arbitrator (a plain ERC-792 one) still holds it.
    struct DeadDispute {
        TestArbitrator arb;
        uint256 disputeId;
    }

    Escrow public immutable escrow;
    ListingFactory public immutable factory;
    FixedPriceListing public immutable template;
    TestArbitrator public immutable arbitrator;
    WithdrawableTestArbitrator public immutable withdrawable;
    TestToken public immutable tokenA;
    NoReturnToken public immutable tokenB;
    RejectingSeller public immutable rejecting;
    address internal immutable owner;

    address[] internal _buyers;
    uint256[] internal _buyerKeys;
    address[] internal _sellers;
    address[] internal _currencies;
    address[] internal _actors;

    address[] internal _mediators;

    ListingInfo[] internal _listings;
    OrderInfo[] internal _orders;
    mapping(uint256 i => NegotiationInfo) internal _negotiations;
    DeadDispute[] internal _dead;
    TestArbitrator internal _current;

    uint32 public ghostShipWindow;
    uint32 public ghostDeliveryWindow;
    /// @dev Sum of open escrowed orders (paid, shipped or disputed), per currency.
    mapping(address currency => uint256) public ghostEscrowed;
    /// @dev Payments the escrow could not push and must keep for `withdraw`.
    mapping(address account => mapping(address currency => uint256)) public ghostOwed;
    mapping(address currency => uint256) public ghostOwedTotal;
    /// @dev Native coin the escrow holds as arbitration fees of open disputes.
    uint256 public ghostFeesHeld;
    /// @dev Times a settled order was settled again, or a ruling on a settled one moved money; must stay zero.
    uint256 public ghostDoublePayouts;

    mapping(bytes32 action => uint256) public calls;

    /// @notice The marketplace's rules, set by this handler as governance would. Every listing is in the
    /// category "test"; the ghost rule below is what purchases must obey now, whatever it was at creation.
    Policy public immutable policy;
    bool public ghostBanned;
    bool public ghostEscrowOnly;
    mapping(address currency => uint256) public ghostCeiling;

    constructor(
        Escrow escrow_,
        ListingFactory factory_,
        FixedPriceListing template_,
        TestArbitrator arbitrator_,
        WithdrawableTestArbitrator withdrawable_,
        TestToken tokenA_,
        NoReturnToken tokenB_,
        address owner_
    ) {
        escrow = escrow_;
        factory = factory_;
        template = template_;
        arbitrator = arbitrator_;
        withdrawable = withdrawable_;
        _current = arbitrator_;
        tokenA = tokenA_;
        tokenB = tokenB_;
        owner = owner_;
        rejecting = new RejectingSeller();
        policy = new Policy(
            address(this),
            IPolicyTarget(address(factory_)),
            IPolicyTarget(address(escrow_)),
            IERC20(address(tokenA_))
        );
        ghostShipWindow = escrow_.shipWindow();
        ghostDeliveryWindow = escrow_.deliveryWindow();

        for (uint256 i; i < 3; ++i) {
            (address b, uint256 key) = makeAddrAndKey(string.concat("buyer", vm.toString(i)));
            _buyers.push(b);
            _buyerKeys.push(key);
            _actors.push(b);
        }
        _sellers.push(makeAddr("seller0"));
        _sellers.push(makeAddr("seller1"));
        _sellers.push(address(rejecting));
        for (uint256 i; i < _sellers.length; ++i) {
            _actors.push(_sellers[i]);
        }
        _currencies.push(address(0));
        _currencies.push(address(tokenA));
        _currencies.push(address(tokenB));
        _mediators.push(makeAddr("mediator0"));
        _mediators.push(makeAddr("mediator1"));
    }

    // ================================================================== listings

    function createListing(uint256 sellerSeed, uint256 currencySeed, uint96 price, uint64 stock) external {
        if (_listings.length >= MAX_LISTINGS || ghostBanned) return;
        address s = _sellers[sellerSeed % _sellers.length];
        address c = _currencies[currencySeed % _currencies.length];
        uint256 ceiling = ghostCeiling[c];
        price = uint96(_bound(price, 1, ceiling == 0 ? MAX_PRICE : ceiling));
        stock = uint64(_bound(stock, 1, 30));
        IListingFactory.ListingParams memory p = IListingFactory.ListingParams({
            currency: c,
            price: price,
            stock: stock,
            metadataCid: "QmHandler",
            title: "Handler listing",
            category: "test",
            location: ""
        });
        bytes memory ret = _as(
            s,
            address(factory),
            abi.encodeCall(factory.createListing, (address(template), uint64(_listings.length), p))
        );
        _listings.push(
            ListingInfo({
                listing: abi.decode(ret, (address)),
                seller: s,
                currency: c,
                supply: stock,
                stock: stock,
                sold: 0
            })
        );
        ++calls["createListing"];
    }

    function setStock(uint256 listingSeed, uint64 stock) external {
        if (_listings.length == 0) return;
        ListingInfo storage li = _listings[listingSeed % _listings.length];
        if (!_open(li.listing)) return;
        stock = uint64(_bound(stock, 0, 30));
        _as(li.seller, li.listing, abi.encodeCall(IListing.setStock, (stock)));
        li.supply = li.supply - li.stock + stock;
        li.stock = stock;
        ++calls["setStock"];
    }

    function setPrice(uint256 listingSeed, uint96 price) external {
        if (_listings.length == 0) return;
        ListingInfo storage li = _listings[listingSeed % _listings.length];
        if (!_open(li.listing)) return;
        price = uint96(_bound(price, 1, MAX_PRICE));
        _as(li.seller, li.listing, abi.encodeCall(IListing.setPrice, (price)));
        ++calls["setPrice"];
    }

    /// @dev Pauses, resumes, now and then closes, and rarely has the curator remove a listing.
    function setStatus(uint256 listingSeed, uint256 action) external {
        if (_listings.length == 0) return;
        ListingInfo storage li = _listings[listingSeed % _listings.length];
        ListingStatus status = IListing(li.listing).status();
        action = action % 16;
        if (action == 0 && _open(li.listing)) {
            factory.removeListing(li.listing);
        } else if (action < 3 && _open(li.listing)) {
            _as(li.seller, li.listing, abi.encodeCall(IListing.close, ()));
        } else if (status == ListingStatus.Active) {
            _as(li.seller, li.listing, abi.encodeCall(IListing.pause, ()));
        } else if (status == ListingStatus.Paused) {
            _as(li.seller, li.listing, abi.encodeCall(IListing.resume, ()));
        } else {
            return;
        }
        ++calls["setStatus"];
    }

    // ================================================================== purchases

    function buy(uint256 listingSeed, uint256 buyerSeed, uint32 quantity, bool escrowed) external {
        if (_listings.length == 0) return;
        uint256 li = listingSeed % _listings.length;
        ListingInfo storage info = _listings[li];
        quantity = _quantity(info.listing, quantity);
        if (quantity == 0) return;
        // A blocked seller cannot receive tokenB, so a direct tokenB sale to it cannot happen.
        if (!escrowed && info.currency == address(tokenB) && tokenB.isBlocked(info.seller)) escrowed = true;
        uint256 bi = buyerSeed % _buyers.length;
        address b = _buyers[bi];
        uint256 amount = IListing(info.listing).price() * quantity;
        _fund(b, info.currency, amount);
        bytes memory refusal = _policyRefusal(info.listing, info.currency, escrowed);
        if (refusal.length != 0) {
            // Refused by a rule: the ghost books stay as they are, and so must the escrow's.
            vm.prank(b);
            vm.expectRevert(refusal);
            escrow.buy{value: info.currency == address(0) ? amount : 0}(
                info.listing, quantity, escrowed, amount, keccak256("shipping")
            );
            ++calls["buyRefusedByPolicy"];
            return;
        }
        vm.prank(b);
        uint256 id = escrow.buy{value: info.currency == address(0) ? amount : 0}(
            info.listing, quantity, escrowed, amount, keccak256("shipping")
        );
        _afterBuy(li, b, id, quantity, amount, escrowed);
        ++calls[escrowed ? bytes32("buyEscrowed") : bytes32("buyDirect")];
    }

    function buyWithPermit(
        uint256 listingSeed,
        uint256 buyerSeed,
        uint32 quantity,
        bool escrowed,
        bool frontRun
    ) external {
        uint256 n = _listings.length;
        for (uint256 k; k < n; ++k) {
            uint256 li = (listingSeed % n + k) % n;
            if (_listings[li].currency != address(tokenA)) continue;
            quantity = _quantity(_listings[li].listing, quantity);
            if (quantity == 0) return;
            bytes memory refusal = _policyRefusal(_listings[li].listing, address(tokenA), escrowed);
            if (refusal.length != 0) {
                _refusedBuyWithPermit(li, buyerSeed % _buyers.length, quantity, escrowed, refusal);
                return;
            }
            _buyWithPermit(li, buyerSeed % _buyers.length, quantity, escrowed, frontRun);
            ++calls["buyWithPermit"];
            return;
        }
    }

    function _buyWithPermit(uint256 li, uint256 bi, uint32 quantity, bool escrowed, bool frontRun) private {
        address listing = _listings[li].listing;
        address b = _buyers[bi];
        uint256 amount = IListing(listing).price() * quantity;
        tokenA.mint(b, amount);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(_buyerKeys[bi], b, amount, deadline);
        // Someone may copy the permit from the mempool and submit it first.
        if (frontRun) tokenA.permit(b, address(escrow), amount, deadline, v, r, s);
        vm.prank(b);
        uint256 id = escrow.buyWithPermit(listing, quantity, escrowed, amount, bytes32(0), deadline, v, r, s);
        _afterBuy(li, b, id, quantity, amount, escrowed);
    }

    /// @dev A permit purchase a rule refuses: the whole transaction reverts, the permit's allowance included.
    function _refusedBuyWithPermit(
        uint256 li,
        uint256 bi,
        uint32 quantity,
        bool escrowed,
        bytes memory refusal
    ) private {
        address listing = _listings[li].listing;
        uint256 amount = IListing(listing).price() * quantity;
        tokenA.mint(_buyers[bi], amount);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(_buyerKeys[bi], _buyers[bi], amount, deadline);
        vm.prank(_buyers[bi]);
        vm.expectRevert(refusal);
        escrow.buyWithPermit(listing, quantity, escrowed, amount, bytes32(0), deadline, v, r, s);
        ++calls["buyRefusedByPolicy"];
    }

    // ================================================================== policy (as governance)

    /// @dev Sets the rule of "test": allowed, banned, or escrow only. Listings already created stay; the
    /// escrow must apply the new rule to them at once.
    function setPurchaseRule(uint256 kindSeed) external {
        uint256 kind = kindSeed % 3;
        ghostBanned = kind == 1;
        ghostEscrowOnly = kind == 2;
        policy.setCategoryRule(
            "test", IPolicy.Rule({allowed: !ghostBanned, escrowRequired: ghostEscrowOnly, bond: 0})
        );
        ++calls["setPurchaseRule"];
    }

    /// @dev Sets (or, one time in three, removes) the ceiling of "test" in one currency, below some prices.
    function setCeiling(uint256 currencySeed, uint256 ceiling) external {
        address c = _currencies[currencySeed % _currencies.length];
        ceiling = ceiling % 3 == 0 ? 0 : _bound(ceiling, 1, MAX_PRICE);
        ghostCeiling[c] = ceiling;
        policy.setPriceCeiling("test", c, ceiling);
        ++calls["setCeiling"];
    }

    /// @dev The error the escrow must refuse this purchase with under the ghost rule, or nothing.
    function _policyRefusal(address listing, address currency, bool escrowed)
        private
        view
        returns (bytes memory)
    {
        if (ghostBanned) return abi.encodeWithSelector(IEscrow.CategoryBanned.selector, listing);
        if (ghostEscrowOnly && !escrowed) {
            return abi.encodeWithSelector(IEscrow.EscrowRequired.selector, listing);
        }
        uint256 ceiling = ghostCeiling[currency];
        uint256 unitPrice = IListing(listing).price();
        if (ceiling != 0 && unitPrice > ceiling) {
            return abi.encodeWithSelector(IEscrow.UnitPriceAboveCeiling.selector, listing, unitPrice, ceiling);
        }
        return "";
    }

    // ================================================================== order lifecycle

    function ship(uint256 orderSeed) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Paid));
        if (!found) return;
        Order storage o = _orders[i].order;
        _as(o.seller, address(escrow), abi.encodeCall(escrow.markShipped, (_orders[i].id, o, bytes32(0))));
        o.state = OrderState.Shipped;
        o.shippedAt = uint40(block.timestamp);
        ++calls["ship"];
    }

    function confirm(uint256 orderSeed) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Paid) | _mask(OrderState.Shipped));
        if (!found) return;
        Order memory o = _orders[i].order;
        vm.prank(o.buyer);
        escrow.confirmReceipt(_orders[i].id, o);
        _settle(i, OrderState.Completed, 0);
        ++calls["confirm"];
    }

    function release(uint256 orderSeed) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Shipped));
        if (!found) return;
        Order memory o = _orders[i].order;
        uint256 deadline = uint256(o.shippedAt) + o.deliveryWindow;
        if (block.timestamp < deadline) vm.warp(deadline);
        escrow.release(_orders[i].id, o);
        _settle(i, OrderState.Completed, 0);
        ++calls["release"];
    }

    function refund(uint256 orderSeed) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Paid) | _mask(OrderState.Shipped));
        if (!found) return;
        Order memory o = _orders[i].order;
        _as(o.seller, address(escrow), abi.encodeCall(escrow.refund, (_orders[i].id, o)));
        _settle(i, OrderState.Refunded, Rulings.BPS);
        ++calls["refund"];
    }

    function cancel(uint256 orderSeed) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Paid));
        if (!found) return;
        Order memory o = _orders[i].order;
        uint256 deadline = uint256(o.paidAt) + o.shipWindow;
        if (block.timestamp < deadline) vm.warp(deadline);
        vm.prank(o.buyer);
        escrow.cancel(_orders[i].id, o);
        _settle(i, OrderState.Cancelled, Rulings.BPS);
        ++calls["cancel"];
    }

    /// @dev The buyer or the seller opens a dispute, paying the current arbitrator's fee.
    function dispute(uint256 orderSeed, bool bySeller) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Paid) | _mask(OrderState.Shipped));
        if (!found) return;
        OrderInfo storage oi = _orders[i];
        Order storage o = oi.order;
        if (o.state == OrderState.Shipped && block.timestamp >= uint256(o.shippedAt) + o.deliveryWindow) {
            return;
        }
        uint256 fee = _current.fee();
        _asPaying(
            bySeller ? o.seller : o.buyer,
            fee,
            abi.encodeCall(escrow.openDispute, (oi.id, o, "/ipfs/handler-evidence"))
        );
        o.state = OrderState.Disputed;
        oi.stage = 1;
        oi.openedBySeller = bySeller;
        oi.openerFee = fee;
        oi.feeDeadline = block.timestamp + escrow.feeWindow();
        oi.arb = _current;
        ghostFeesHeld += fee;
        ++calls["dispute"];
    }

    /// @dev The other party pays its fee in time; the escrow creates the dispute with one of the two fees.
    function payFee(uint256 orderSeed) external {
        (bool found, uint256 i) = _pickStage(orderSeed, 1);
        if (!found) return;
        OrderInfo storage oi = _orders[i];
        if (block.timestamp >= oi.feeDeadline) return;
        uint256 cost = oi.arb.fee();
        bytes memory ret = _asPaying(
            oi.openedBySeller ? oi.order.buyer : oi.order.seller,
            cost,
            abi.encodeCall(escrow.payArbitrationFee, (oi.id, ""))
        );
        oi.stage = 2;
        oi.responderFee = cost;
        oi.disputed = true;
        oi.disputeId = abi.decode(ret, (uint256));
        // The fee just paid went on to the arbitrator: what the escrow holds for the dispute is unchanged.
        ++calls["payFee"];
    }

    /// @dev Nobody paid the second fee in time: the opener wins the order and its fee back.
    function timeout(uint256 orderSeed) external {
        (bool found, uint256 i) = _pickStage(orderSeed, 1);
        if (!found) return;
        _timeout(i);
        ++calls["timeout"];
    }

    function submitEvidence(uint256 orderSeed, bool bySeller) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Disputed));
        if (!found) return;
        Order memory o = _orders[i].order;
        _as(
            bySeller ? o.seller : o.buyer,
            address(escrow),
            abi.encodeCall(escrow.submitEvidence, (_orders[i].id, "/ipfs/more"))
        );
        ++calls["submitEvidence"];
    }

    /// @dev Refused, refund and release a quarter of the time each; the rest a random split.
    function rule(uint256 orderSeed, uint256 rulingSeed) external {
        (bool found, uint256 i) = _pickStage(orderSeed, 2);
        if (!found) return;
        uint256 kind = rulingSeed % 4;
        uint256 bps = _bound(rulingSeed >> 8, 0, Rulings.BPS);
        _orders[i].arb.giveRuling(_orders[i].disputeId, kind < 3 ? kind : 3 + bps);
        // The documented meaning of each ruling, kept apart from the library under test.
        _resolve(i, kind == 0 ? 5_000 : kind == 1 ? 10_000 : kind == 2 ? 0 : bps);
        ++calls["rule"];
    }

    /// @dev A plain ERC-792 arbitrator rules on a dispute whose parties settled: it must not revert (the
    /// arbitrator's call would fail) and must move nothing.
    function ruleOnSettled(uint256 seed, uint256 ruling) external {
        if (_dead.length == 0) return;
        uint256 k = seed % _dead.length;
        DeadDispute memory d = _dead[k];
        _dead[k] = _dead[_dead.length - 1];
        _dead.pop();
        uint256 before = _escrowHoldings();
        d.arb.giveRuling(d.disputeId, _bound(ruling, 0, Rulings.CHOICES));
        if (_escrowHoldings() != before) ++ghostDoublePayouts;
        ++calls["ruleOnSettled"];
    }

    // ================================================================== settlements

    /// @dev The buyer, the seller or the agreed mediator offers a split, open for up to ten days.
    function propose(uint256 orderSeed, uint256 roleSeed, uint256 bps, uint256 duration) external {
        (bool found, uint256 i) = _pickOpen(orderSeed);
        if (!found) return;
        Role role = Role(roleSeed % (_negotiations[i].agreed ? 3 : 2));
        bps = _splitOf(bps);
        uint256 expiry = block.timestamp + _bound(duration, 1, 10 days);
        uint256 offerId = _propose(i, role, bps, expiry);
        NegotiationInfo storage n = _negotiations[i];
        require(offerId == n.lastId + 1, "offer ids count up per order");
        // An offer while the other party's stands is a counter-offer.
        bool counter = role != Role.Mediator && n.lanes[1 - uint256(role)].status == OfferStatus.Standing;
        n.lastId = offerId;
        n.lanes[uint256(role)] = Lane({id: offerId, bps: bps, expiry: expiry, status: OfferStatus.Standing});
        if (role == Role.Mediator) n.accepted = [false, false];
        ++calls[
            role == Role.Mediator
                ? bytes32("mediatorPropose")
                : counter ? bytes32("counter") : bytes32("propose")
        ];
    }

    function _propose(uint256 i, Role role, uint256 bps, uint256 expiry) private returns (uint256) {
        Order memory o = _orders[i].order;
        address by = role == Role.Buyer ? o.buyer : role == Role.Seller ? o.seller : _negotiations[i].mediator;
        bytes memory data = abi.encodeCall(escrow.proposeSettlement, (_orders[i].id, o, bps, expiry, 0));
        return abi.decode(_as(by, address(escrow), data), (uint256));
    }

    /// @dev A party accepts a standing offer of the other party, or of the mediator.
    function accept(uint256 orderSeed, uint256 laneSeed, bool bySeller) external {
        (bool found, uint256 i, Role proposer) = _pickOffer(orderSeed, laneSeed);
        if (!found) return;
        NegotiationInfo storage n = _negotiations[i];
        Role party =
            proposer == Role.Mediator ? (bySeller ? Role.Seller : Role.Buyer) : Role(1 - uint256(proposer));
        if (proposer == Role.Mediator && n.accepted[uint256(party)]) party = Role(1 - uint256(party));
        Lane memory lane = n.lanes[uint256(proposer)];
        OrderInfo storage oi = _orders[i];
        address by = party == Role.Buyer ? oi.order.buyer : oi.order.seller;
        // Read before the call: what a withdrawable arbitrator refunds from a dispute it holds.
        uint256 arbitratorRefund = oi.stage == 2 && oi.arb == withdrawable
            ? oi.responderFee * withdrawable.refundBps() / withdrawable.BPS()
            : 0;
        _as(by, address(escrow), abi.encodeCall(escrow.acceptSettlement, (oi.id, oi.order, lane.id)));
        if (proposer == Role.Mediator && !n.accepted[1 - uint256(party)]) {
            n.accepted[uint256(party)] = true;
            ++calls["acceptMediatorOffer"];
            return;
        }
        n.settledOfferId = lane.id;
        _settleByAgreement(i, lane.bps, arbitratorRefund);
        ++calls["accept"];
    }

    function reject(uint256 orderSeed, uint256 laneSeed, bool bySeller) external {
        (bool found, uint256 i, Role proposer) = _pickOffer(orderSeed, laneSeed);
        if (!found) return;
        NegotiationInfo storage n = _negotiations[i];
        Role party =
            proposer == Role.Mediator ? (bySeller ? Role.Seller : Role.Buyer) : Role(1 - uint256(proposer));
        address by = party == Role.Buyer ? _orders[i].order.buyer : _orders[i].order.seller;
        uint256 offerId = n.lanes[uint256(proposer)].id;
        _as(
            by,
            address(escrow),
            abi.encodeCall(escrow.rejectSettlement, (_orders[i].id, _orders[i].order, offerId))
        );
        n.lanes[uint256(proposer)].status = OfferStatus.Rejected;
        if (proposer == Role.Mediator) n.accepted = [false, false];
        ++calls["reject"];
    }

    function withdrawOffer(uint256 orderSeed, uint256 laneSeed) external {
        (bool found, uint256 i, Role proposer) = _pickOffer(orderSeed, laneSeed);
        if (!found) return;
        NegotiationInfo storage n = _negotiations[i];
        Order memory o = _orders[i].order;
        address by = proposer == Role.Buyer ? o.buyer : proposer == Role.Seller ? o.seller : n.mediator;
        uint256 offerId = n.lanes[uint256(proposer)].id;
        _as(by, address(escrow), abi.encodeCall(escrow.withdrawSettlement, (_orders[i].id, o, offerId)));
        n.lanes[uint256(proposer)].status = OfferStatus.Withdrawn;
        if (proposer == Role.Mediator) n.accepted = [false, false];
        ++calls["withdrawOffer"];
    }

    /// @dev A party proposes one of two mediators (or none, now and then), replacing the agreed one.
    function proposeMediator(uint256 orderSeed, bool bySeller, uint256 mediatorSeed) external {
        (bool found, uint256 i) = _pickOpen(orderSeed);
        if (!found) return;
        NegotiationInfo storage n = _negotiations[i];
        Order memory o = _orders[i].order;
        address m = mediatorSeed % 5 == 0 ? address(0) : _mediators[mediatorSeed % _mediators.length];
        _as(
            bySeller ? o.seller : o.buyer,
            address(escrow),
            abi.encodeCall(escrow.proposeMediator, (_orders[i].id, o, m))
        );
        n.mediator = m;
        n.agreed = false;
        n.proposedBySeller = bySeller;
        if (n.lanes[2].status == OfferStatus.Standing) {
            n.lanes[2].status = OfferStatus.Withdrawn;
            n.accepted = [false, false];
        }
        ++calls["proposeMediator"];
    }

    function acceptMediator(uint256 orderSeed) external {
        uint256 count = _orders.length;
        for (uint256 k; k < count; ++k) {
            uint256 i = (orderSeed % count + k) % count;
            NegotiationInfo storage n = _negotiations[i];
            if (!_isOpen(i) || n.mediator == address(0) || n.agreed) continue;
            Order memory o = _orders[i].order;
            _as(
                n.proposedBySeller ? o.buyer : o.seller,
                address(escrow),
                abi.encodeCall(escrow.acceptMediator, (_orders[i].id, o, n.mediator))
            );
            n.agreed = true;
            ++calls["acceptMediator"];
            return;
        }
    }

    // ================================================================== the arbitrators

    /// @dev Governance switches the escrow between the plain and the withdrawable arbitrator, which refunds
    /// a random share on withdrawal. Disputes already opened keep theirs.
    function switchArbitrator(uint256 seed) external {
        _current = seed % 2 == 0 ? arbitrator : withdrawable;
        vm.prank(owner);
        escrow.setArbitrator(_current, "");
        withdrawable.setRefundBps(_bound(seed >> 8, 0, Rulings.BPS));
        ++calls["switchArbitrator"];
    }

    /// @dev The current arbitrator changes its price: the second fee of an open dispute follows it.
    function setArbitrationFee(uint256 seed) external {
        uint256[4] memory fees = [uint256(0), 0.01 ether, 0.05 ether, 0.3 ether];
        _current.setFee(fees[seed % 4]);
        ++calls["setArbitrationFee"];
    }

    // ================================================================== money, time and the environment

    function withdraw(uint256 actorSeed, uint256 currencySeed) external {
        address account = _actors[actorSeed % _actors.length];
        address currency = _currencies[currencySeed % _currencies.length];
        uint256 amount = ghostOwed[account][currency];
        if (amount == 0 || !_canReceive(account, currency)) return;
        _as(account, address(escrow), abi.encodeCall(escrow.withdraw, (currency)));
        ghostOwed[account][currency] = 0;
        ghostOwedTotal[currency] -= amount;
        ++calls["withdraw"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 0, 20 days));
        ++calls["warp"];
    }

    function toggleAccepting() external {
        rejecting.setAccepting(!rejecting.accepting());
        ++calls["toggleAccepting"];
    }

    /// @dev Blocks or unblocks a seller on tokenB, so token payouts to it fail and are credited.
    function toggleBlocked(uint256 sellerSeed) external {
        address s = _sellers[sellerSeed % _sellers.length];
        tokenB.setBlocked(s, !tokenB.isBlocked(s));
        ++calls["toggleBlocked"];
    }

    function setWindows(uint32 shipWindow, uint32 deliveryWindow) external {
        shipWindow = uint32(_bound(shipWindow, 1 hours, 30 days));
        deliveryWindow = uint32(_bound(deliveryWindow, 1 hours, 30 days));
        vm.prank(owner);
        escrow.setWindows(shipWindow, deliveryWindow);
        ghostShipWindow = shipWindow;
        ghostDeliveryWindow = deliveryWindow;
        ++calls["setWindows"];
    }

    /// @dev Replays every settling call on an order that is already settled, with its current and its
    /// earlier versions, as the party allowed to make it. None may succeed.
    function retryPayout(uint256 orderSeed) external {
        uint256 n = _orders.length;
        for (uint256 k; k < n; ++k) {
            uint256 i = (orderSeed % n + k) % n;
            if (_orders[i].open) continue;
            OrderInfo memory info = _orders[i];
            Order memory settled = info.order;
            Order memory paid = settled;
            paid.state = OrderState.Paid;
            paid.shippedAt = 0;
            Order memory shipped = settled;
            shipped.state = OrderState.Shipped;
            Order memory disputed = settled;
            disputed.state = OrderState.Disputed;
            _retry(info.id, settled);
            _retry(info.id, paid);
            if (settled.shippedAt != 0) _retry(info.id, shipped);
            _retry(info.id, disputed);
            _retrySettlement(i, settled);
            _retrySettlement(i, paid);
            _retrySettlement(i, disputed);
            try escrow.timeoutDispute(info.id) {
                ++ghostDoublePayouts;
            } catch {}
            if (info.disputed) {
                // A ruling on a resolved dispute reverts; on a settled one it may be ignored, moving nothing.
                uint256 before = _escrowHoldings();
                vm.prank(address(info.arb));
                try escrow.rule(info.disputeId, Rulings.REFUND) {
                    if (_escrowHoldings() != before) ++ghostDoublePayouts;
                } catch {}
            }
            ++calls["retryPayout"];
            return;
        }
    }

    // ================================================================== end-of-run settlement

    /// @dev Settles every open order (refunds, or refund rulings for disputes), lets every account receive,
    /// and withdraws every credit: afterwards the escrow must hold nothing.
    function settleEverything() external {
        for (uint256 i; i < _orders.length; ++i) {
            if (!_orders[i].open) continue;
            Order memory o = _orders[i].order;
            if (_orders[i].stage == 1) {
                _timeout(i);
            } else if (_orders[i].stage == 2) {
                _orders[i].arb.giveRuling(_orders[i].disputeId, Rulings.REFUND);
                _resolve(i, Rulings.BPS);
            } else {
                _as(o.seller, address(escrow), abi.encodeCall(escrow.refund, (_orders[i].id, o)));
                _settle(i, OrderState.Refunded, Rulings.BPS);
            }
        }
        if (!rejecting.accepting()) rejecting.setAccepting(true);
        for (uint256 a; a < _actors.length; ++a) {
            if (tokenB.isBlocked(_actors[a])) tokenB.setBlocked(_actors[a], false);
            for (uint256 c; c < _currencies.length; ++c) {
                uint256 amount = ghostOwed[_actors[a]][_currencies[c]];
                if (amount == 0) continue;
                _as(_actors[a], address(escrow), abi.encodeCall(escrow.withdraw, (_currencies[c])));
                ghostOwed[_actors[a]][_currencies[c]] = 0;
                ghostOwedTotal[_currencies[c]] -= amount;
            }
        }
    }

    // ================================================================== views for the invariants

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function currencies() external view returns (address[] memory) {
        return _currencies;
    }

    function listingCount() external view returns (uint256) {
        return _listings.length;
    }

    function listingAt(uint256 i) external view returns (ListingInfo memory) {
        return _listings[i];
    }

    function orderCount() external view returns (uint256) {
        return _orders.length;
    }

    function orderAt(uint256 i) external view returns (OrderInfo memory) {
        return _orders[i];
    }

    function negotiationAt(uint256 i) external view returns (NegotiationInfo memory) {
        return _negotiations[i];
    }

    // ================================================================== internals

    function _afterBuy(uint256 li, address b, uint256 id, uint32 quantity, uint256 amount, bool escrowed)
        private
    {
        ListingInfo storage info = _listings[li];
        info.stock -= quantity;
        info.sold += quantity;
        if (escrowed) {
            OrderInfo storage oi = _orders.push();
            oi.id = id;
            oi.open = true;
            oi.order = Order({
                buyer: b,
                seller: info.seller,
                listing: info.listing,
                currency: info.currency,
                amount: uint96(amount),
                quantity: quantity,
                shipWindow: ghostShipWindow,
                deliveryWindow: ghostDeliveryWindow,
                paidAt: uint40(block.timestamp),
                shippedAt: 0,
                state: OrderState.Paid
            });
            ghostEscrowed[info.currency] += amount;
        } else if (info.currency == address(0)) {
            // Direct native sales are pushed to the seller, or credited if it refuses them.
            _ghostPay(address(0), info.seller, amount);
        }
    }

    /// @dev Books the end of an open order: `buyerBps` of it goes to the buyer, the rest to the seller; a
    /// full refund returns the items to stock.
    function _settle(uint256 i, OrderState state, uint256 buyerBps) private {
        OrderInfo storage oi = _orders[i];
        Order storage o = oi.order;
        oi.open = false;
        ++oi.payouts;
        o.state = state;
        ghostEscrowed[o.currency] -= o.amount;
        uint256 buyerAmount = uint256(o.amount) * buyerBps / Rulings.BPS;
        _ghostPay(o.currency, o.buyer, buyerAmount);
        _ghostPay(o.currency, o.seller, o.amount - buyerAmount);
        if (buyerBps == Rulings.BPS) {
            for (uint256 l; l < _listings.length; ++l) {
                if (_listings[l].listing != o.listing) continue;
                _listings[l].stock += o.quantity;
                _listings[l].sold -= o.quantity;
            }
        }
    }

    /// @dev Books a ruling (or a default) on order `i`: the order as `_settle` does, and the fee the escrow
    /// holds (the opener's) split the same way.
    function _resolve(uint256 i, uint256 buyerBps) private {
        OrderInfo storage oi = _orders[i];
        uint256 fees = oi.openerFee;
        uint256 buyerFee = fees * buyerBps / Rulings.BPS;
        ghostFeesHeld -= fees;
        oi.stage = 0;
        _ghostPay(address(0), oi.order.buyer, buyerFee);
        _ghostPay(address(0), oi.order.seller, fees - buyerFee);
        _settle(i, OrderState.Resolved, buyerBps);
    }

    function _timeout(uint256 i) private {
        OrderInfo storage oi = _orders[i];
        if (block.timestamp < oi.feeDeadline) vm.warp(oi.feeDeadline);
        escrow.timeoutDispute(oi.id);
        _resolve(i, oi.openedBySeller ? 0 : Rulings.BPS);
    }

    /// @dev Books an accepted offer: the order split as agreed; a dispute's fees, with what the arbitrator
    /// sent back, shared in proportion to what each party paid; a dispute a plain arbitrator still holds is
    /// remembered, to check that its ruling changes nothing.
    function _settleByAgreement(uint256 i, uint256 buyerBps, uint256 arbitratorRefund) private {
        OrderInfo storage oi = _orders[i];
        if (oi.stage != 0) {
            if (oi.stage == 2 && oi.arb != withdrawable) _dead.push(DeadDispute(oi.arb, oi.disputeId));
            uint256 returned = oi.openerFee + arbitratorRefund;
            uint256 paid = oi.openerFee + oi.responderFee;
            uint256 toOpener = paid == 0 ? returned : returned * oi.openerFee / paid;
            (uint256 toBuyer, uint256 toSeller) =
                oi.openedBySeller ? (returned - toOpener, toOpener) : (toOpener, returned - toOpener);
            ghostFeesHeld -= oi.openerFee;
            oi.stage = 0;
            _ghostPay(address(0), oi.order.buyer, toBuyer);
            _ghostPay(address(0), oi.order.seller, toSeller);
        }
        NegotiationInfo storage n = _negotiations[i];
        for (uint256 r; r < 3; ++r) {
            delete n.lanes[r];
        }
        n.accepted = [false, false];
        _settle(i, OrderState.Settled, buyerBps);
    }

    function _ghostPay(address currency, address to, uint256 amount) private {
        if (amount == 0 || _canReceive(to, currency)) return;
        ghostOwed[to][currency] += amount;
        ghostOwedTotal[currency] += amount;
    }

    function _canReceive(address account, address currency) private view returns (bool) {
        if (currency == address(0)) return account != address(rejecting) || rejecting.accepting();
        if (currency == address(tokenB)) return !tokenB.isBlocked(account);
        return true;
    }

    function _retry(uint256 id, Order memory o) private {
        vm.prank(o.buyer);
        try escrow.confirmReceipt(id, o) {
            ++ghostDoublePayouts;
        } catch {}
        vm.warp(block.timestamp + 366 days);
        try escrow.release(id, o) {
            ++ghostDoublePayouts;
        } catch {}
        vm.prank(o.buyer);
        try escrow.cancel(id, o) {
            ++ghostDoublePayouts;
        } catch {}
        vm.warp(block.timestamp - 366 days);
        if (o.seller == address(rejecting)) {
            try rejecting.execute(address(escrow), 0, abi.encodeCall(escrow.refund, (id, o))) {
                ++ghostDoublePayouts;
            } catch {}
        } else {
            vm.prank(o.seller);
            try escrow.refund(id, o) {
                ++ghostDoublePayouts;
            } catch {}
        }
    }

    /// @dev Tries to accept, as each party, every offer id the settled order ever had. None may succeed.
    function _retrySettlement(uint256 i, Order memory o) private {
        uint256 last = _negotiations[i].lastId;
        for (uint256 offerId = last > 3 ? last - 2 : 1; offerId <= last; ++offerId) {
            for (uint256 side; side < 2; ++side) {
                vm.prank(side == 0 ? o.buyer : o.seller);
                try escrow.acceptSettlement(_orders[i].id, o, offerId) {
                    ++ghostDoublePayouts;
                } catch {}
            }
        }
    }

    /// @dev Everything the escrow holds, in every currency; a ruling on a settled order must not change it.
    function _escrowHoldings() private view returns (uint256 total) {
        total = address(escrow).balance;
        for (uint256 c = 1; c < _currencies.length; ++c) {
            total += TestToken(_currencies[c]).balanceOf(address(escrow));
        }
    }

    function _isOpen(uint256 i) private view returns (bool) {
        OrderState state = _orders[i].order.state;
        return _orders[i].open
            && (state == OrderState.Paid || state == OrderState.Shipped || state == OrderState.Disputed);
    }

    function _pickOpen(uint256 seed) private view returns (bool, uint256) {
        return _pick(seed, _mask(OrderState.Paid) | _mask(OrderState.Shipped) | _mask(OrderState.Disputed));
    }

    /// @dev The first open order from `seed` on whose dispute is at `stage`.
    function _pickStage(uint256 seed, uint8 stage) private view returns (bool, uint256) {
        uint256 n = _orders.length;
        for (uint256 k; k < n; ++k) {
            uint256 i = (seed % n + k) % n;
            if (_orders[i].open && _orders[i].stage == stage) return (true, i);
        }
        return (false, 0);
    }

    /// @dev The first open order from `seed` on with a standing, unexpired offer, and whose offer it is.
    function _pickOffer(uint256 seed, uint256 laneSeed) private view returns (bool, uint256, Role) {
        uint256 n = _orders.length;
        for (uint256 k; k < n; ++k) {
            uint256 i = (seed % n + k) % n;
            if (!_isOpen(i)) continue;
            for (uint256 l; l < 3; ++l) {
                uint256 r = (laneSeed % 3 + l) % 3;
                Lane storage lane = _negotiations[i].lanes[r];
                if (lane.status == OfferStatus.Standing && block.timestamp < lane.expiry) {
                    return (true, i, Role(r));
                }
            }
        }
        return (false, 0, Role.Buyer);
    }

    /// @dev Splits weighted to the edges the issue names: 0, 1, 5,000, 9,999 and 10,000 basis points.
    function _splitOf(uint256 seed) private pure returns (uint256) {
        uint256 kind = seed % 8;
        if (kind < 5) return [uint256(0), 1, 5_000, 9_999, 10_000][kind];
        return _bound(seed >> 8, 0, Rulings.BPS);
    }

    function _quantity(address listing, uint32 quantity) private view returns (uint32) {
        if (IListing(listing).status() != ListingStatus.Active) return 0;
        uint256 stock = IListing(listing).stock();
        if (stock == 0) return 0;
        return uint32(_bound(quantity, 1, stock < MAX_QUANTITY ? stock : MAX_QUANTITY));
    }

    function _fund(address b, address currency, uint256 amount) private {
        if (currency == address(0)) {
            vm.deal(b, b.balance + amount);
        } else if (currency == address(tokenA)) {
            tokenA.mint(b, amount);
            vm.prank(b);
            tokenA.approve(address(escrow), amount);
        } else {
            tokenB.mint(b, amount);
            vm.prank(b);
            tokenB.approve(address(escrow), amount);
        }
    }

    function _signPermit(uint256 key, address owner_, uint256 value, uint256 deadline)
        private
        view
        returns (uint8, bytes32, bytes32)
    {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                ),
                owner_,
                address(escrow),
                value,
                tokenA.nonces(owner_),
                deadline
            )
        );
        return vm.sign(key, keccak256(abi.encodePacked("\x19\x01", tokenA.DOMAIN_SEPARATOR(), structHash)));
    }

    function _open(address listing) private view returns (bool) {
        ListingStatus status = IListing(listing).status();
        return status == ListingStatus.Active || status == ListingStatus.Paused;
    }

    function _mask(OrderState state) private pure returns (uint256) {
        // forge-lint: disable-next-line(incorrect-shift)
        return 1 << uint256(state);
    }

    /// @dev The first open order from `seed` on whose state is in `mask`.
    function _pick(uint256 seed, uint256 mask) private view returns (bool, uint256) {
        uint256 n = _orders.length;
        for (uint256 k; k < n; ++k) {
            uint256 i = (seed % n + k) % n;
            if (_orders[i].open && mask & _mask(_orders[i].order.state) != 0) return (true, i);
        }
        return (false, 0);
    }

    /// @dev Calls the escrow as `account`, sending `value` native coin it is given first.
    function _asPaying(address account, uint256 value, bytes memory data) private returns (bytes memory ret) {
        vm.deal(account, account.balance + value);
        if (account == address(rejecting)) return rejecting.execute(address(escrow), value, data);
        bool ok;
        vm.prank(account);
        (ok, ret) = address(escrow).call{value: value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
    }

    /// @dev Calls `target` as `account`: a prank for the EOAs, `execute` for the contract seller.
    function _as(address account, address target, bytes memory data) private returns (bytes memory ret) {
        if (account == address(rejecting)) return rejecting.execute(target, 0, data);
        bool ok;
        vm.prank(account);
        (ok, ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
    }
}
