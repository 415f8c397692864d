// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

import {Escrow} from "../../../src/escrow/Escrow.sol";
import {IListing, ListingStatus} from "../../../src/interfaces/IListing.sol";
import {IListingFactory} from "../../../src/interfaces/IListingFactory.sol";
import {Rulings} from "../../../src/libraries/Rulings.sol";
import {FixedPriceListing} from "../../../src/listings/FixedPriceListing.sol";
import {ListingFactory} from "../../../src/listings/ListingFactory.sol";
import {Order, OrderState} from "../../../src/types/Order.sol";
import {TestToken} from "../../utils/Fixture.sol";
import {TestArbitrator} from "../../utils/TestArbitrator.sol";
import {RejectingSeller} from "../../utils/hostile/RejectingSeller.sol";
import {NoReturnToken} from "../../utils/tokens/NoReturnToken.sol";

/// @notice Drives the marketplace through random sequences of real user actions and keeps ghost books of
/// what the escrow must hold and owe. Every action first checks that it is valid, so no call is expected to
/// revert (the invariant suite runs with `fail-on-revert`); `retryPayout` is the one action that tries what
/// must fail, and counts it if it does not.
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
        bool disputed;
        uint256 disputeId;
        uint256 payouts;
    }

    Escrow public immutable escrow;
    ListingFactory public immutable factory;
    FixedPriceListing public immutable template;
    TestArbitrator public immutable arbitrator;
    TestToken public immutable tokenA;
    NoReturnToken public immutable tokenB;
    RejectingSeller public immutable rejecting;
    address internal immutable owner;

    address[] internal _buyers;
    uint256[] internal _buyerKeys;
    address[] internal _sellers;
    address[] internal _currencies;
    address[] internal _actors;

    ListingInfo[] internal _listings;
    OrderInfo[] internal _orders;

    uint32 public ghostShipWindow;
    uint32 public ghostDeliveryWindow;
    /// @dev Sum of open escrowed orders (paid, shipped or disputed), per currency.
    mapping(address currency => uint256) public ghostEscrowed;
    /// @dev Payments the escrow could not push and must keep for `withdraw`.
    mapping(address account => mapping(address currency => uint256)) public ghostOwed;
    mapping(address currency => uint256) public ghostOwedTotal;
    /// @dev Times a settled order was settled again; must stay zero.
    uint256 public ghostDoublePayouts;

    mapping(bytes32 action => uint256) public calls;

    constructor(
        Escrow escrow_,
        ListingFactory factory_,
        FixedPriceListing template_,
        TestArbitrator arbitrator_,
        TestToken tokenA_,
        NoReturnToken tokenB_,
        address owner_
    ) {
        escrow = escrow_;
        factory = factory_;
        template = template_;
        arbitrator = arbitrator_;
        tokenA = tokenA_;
        tokenB = tokenB_;
        owner = owner_;
        rejecting = new RejectingSeller();
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
    }

    // ================================================================== listings

    function createListing(uint256 sellerSeed, uint256 currencySeed, uint96 price, uint64 stock) external {
        if (_listings.length >= MAX_LISTINGS) return;
        address s = _sellers[sellerSeed % _sellers.length];
        address c = _currencies[currencySeed % _currencies.length];
        price = uint96(_bound(price, 1, MAX_PRICE));
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

    function dispute(uint256 orderSeed) external {
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Paid) | _mask(OrderState.Shipped));
        if (!found) return;
        Order storage o = _orders[i].order;
        if (o.state == OrderState.Shipped && block.timestamp >= uint256(o.shippedAt) + o.deliveryWindow) {
            return;
        }
        uint256 fee = arbitrator.fee();
        vm.deal(o.buyer, o.buyer.balance + fee);
        vm.prank(o.buyer);
        uint256 disputeId = escrow.openDispute{value: fee}(_orders[i].id, o, "/ipfs/handler-evidence");
        o.state = OrderState.Disputed;
        _orders[i].disputed = true;
        _orders[i].disputeId = disputeId;
        ++calls["dispute"];
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
        (bool found, uint256 i) = _pick(orderSeed, _mask(OrderState.Disputed));
        if (!found) return;
        uint256 kind = rulingSeed % 4;
        uint256 bps = _bound(rulingSeed >> 8, 0, Rulings.BPS);
        arbitrator.giveRuling(_orders[i].disputeId, kind < 3 ? kind : 3 + bps);
        // The documented meaning of each ruling, kept apart from the library under test.
        _settle(i, OrderState.Resolved, kind == 0 ? 5_000 : kind == 1 ? 10_000 : kind == 2 ? 0 : bps);
        ++calls["rule"];
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
            _retry(info.id, settled);
            _retry(info.id, paid);
            if (settled.shippedAt != 0) _retry(info.id, shipped);
            if (info.disputed) {
                vm.prank(address(arbitrator));
                try escrow.rule(info.disputeId, Rulings.REFUND) {
                    ++ghostDoublePayouts;
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
            if (o.state == OrderState.Disputed) {
                arbitrator.giveRuling(_orders[i].disputeId, Rulings.REFUND);
                _settle(i, OrderState.Resolved, Rulings.BPS);
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
