// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Rulings} from "../../src/libraries/Rulings.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {WithdrawableTestArbitrator} from "../utils/WithdrawableTestArbitrator.sol";

contract EscrowFuzzTest is MarketFixture {
    uint32 internal constant MIN_WINDOW = 1 hours;
    uint32 internal constant MAX_WINDOW = 365 days;

    /// @dev Lists at `price` with `stock`, and buys `quantity` escrowed; the buyer is funded for it.
    function _escrowed(bool inToken, uint96 price, uint64 stock, uint32 quantity)
        internal
        returns (address listing, uint256 id, Order memory o)
    {
        address currency = inToken ? address(token) : address(0);
        listing = _list(currency, price, stock);
        uint96 amount = price * quantity;
        if (inToken) {
            token.mint(buyer, amount);
            vm.prank(buyer);
            token.approve(address(escrow), amount);
        } else {
            vm.deal(buyer, buyer.balance + amount);
        }
        vm.prank(buyer);
        id = escrow.buy{value: inToken ? 0 : amount}(listing, quantity, true, amount, SHIPPING);
        o = _paidOrder(listing, currency, amount, quantity);
    }

    function _balance(address currency, address account) internal view returns (uint256) {
        return currency == address(0) ? account.balance : token.balanceOf(account);
    }

    /// @dev A price and quantity whose total fits the escrow's amount type.
    function _terms(uint96 price, uint32 quantity) internal pure returns (uint96, uint32) {
        price = uint96(bound(price, 1, type(uint96).max));
        uint256 maxQuantity = type(uint96).max / price;
        quantity = uint32(bound(quantity, 1, maxQuantity < 1_000 ? maxQuantity : 1_000));
        return (price, quantity);
    }

    // ------------------------------------------------------------------ purchases

    function testFuzz_buy_chargesPriceTimesQuantity(
        uint96 price,
        uint64 stock,
        uint32 quantity,
        bool escrowed,
        bool inToken
    ) public {
        price = uint96(bound(price, 1, type(uint96).max));
        stock = uint64(bound(stock, 1, type(uint64).max));
        quantity = uint32(bound(quantity, 1, stock < type(uint32).max ? stock : type(uint32).max));
        address currency = inToken ? address(token) : address(0);
        address listing = _list(currency, price, stock);
        uint256 total = uint256(price) * quantity;
        if (inToken) {
            token.mint(buyer, total);
            vm.prank(buyer);
            token.approve(address(escrow), total);
        } else {
            vm.deal(buyer, total);
        }
        if (total > type(uint96).max) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.AmountOverflow.selector, total));
        }
        vm.prank(buyer);
        uint256 id = escrow.buy{value: inToken ? 0 : total}(listing, quantity, escrowed, total, SHIPPING);
        if (total > type(uint96).max) return;

        assertEq(IListing(listing).stock(), stock - quantity);
        assertEq(_balance(currency, escrowed ? address(escrow) : seller), total);
        bytes32 expected =
            escrowed ? _hash(_paidOrder(listing, currency, uint96(total), quantity)) : bytes32(0);
        assertEq(escrow.orderHash(id), expected);
    }

    function testFuzz_buy_rejectsAnyOtherAmount(uint96 price, uint32 quantity, uint256 amount) public {
        (price, quantity) = _terms(price, quantity);
        uint256 total = uint256(price) * quantity;
        vm.assume(amount != total);
        address listing = _list(address(token), price, 1_000);
        vm.prank(buyer);
        token.approve(address(escrow), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PriceMismatch.selector, amount, total));
        vm.prank(buyer);
        escrow.buy(listing, quantity, true, amount, SHIPPING);
    }

    function testFuzz_buy_rejectsWrongValue(uint96 amount, uint256 value) public {
        amount = uint96(bound(amount, 1, type(uint96).max));
        value = bound(value, 0, type(uint128).max);
        vm.assume(value != amount);
        address listing = _list(address(0), amount, 1);
        vm.deal(buyer, value);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, amount, value));
        vm.prank(buyer);
        escrow.buy{value: value}(listing, 1, true, amount, SHIPPING);
    }

    // ------------------------------------------------------------------ lifecycle

    function testFuzz_refund_returnsExactAmount(uint96 price, uint32 quantity, bool inToken, bool shipped)
        public
    {
        (price, quantity) = _terms(price, quantity);
        (address listing, uint256 id, Order memory o) = _escrowed(inToken, price, 1_000, quantity);
        if (shipped) o = _ship(id, o);
        uint256 before = _balance(o.currency, buyer);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(_balance(o.currency, buyer) - before, o.amount);
        assertEq(_balance(o.currency, address(escrow)), 0);
        assertEq(IListing(listing).stock(), 1_000);
    }

    function testFuzz_confirm_paysSellerExactAmount(uint96 price, uint32 quantity, bool inToken) public {
        (price, quantity) = _terms(price, quantity);
        (, uint256 id, Order memory o) = _escrowed(inToken, price, 1_000, quantity);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(_balance(o.currency, seller), o.amount);
        assertEq(_balance(o.currency, address(escrow)), 0);
    }

    function testFuzz_cancel_respectsShipWindow(uint32 window, uint256 elapsed) public {
        window = uint32(bound(window, MIN_WINDOW, MAX_WINDOW));
        elapsed = bound(elapsed, 0, 2 * uint256(window));
        vm.prank(owner);
        escrow.setWindows(window, DELIVERY_WINDOW);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        o.shipWindow = window;
        uint256 deadline = block.timestamp + window;
        vm.warp(block.timestamp + elapsed);
        if (elapsed < window) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.ShipWindowOpen.selector, id, deadline));
        }
        vm.prank(buyer);
        escrow.cancel(id, o);
    }

    function testFuzz_release_respectsDeliveryWindow(uint32 window, uint256 elapsed) public {
        window = uint32(bound(window, MIN_WINDOW, MAX_WINDOW));
        elapsed = bound(elapsed, 0, 2 * uint256(window));
        vm.prank(owner);
        escrow.setWindows(SHIP_WINDOW, window);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        o.deliveryWindow = window;
        o = _ship(id, o);
        uint256 deadline = block.timestamp + window;
        vm.warp(block.timestamp + elapsed);
        if (elapsed < window) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.DeliveryWindowOpen.selector, id, deadline));
        }
        escrow.release(id, o);
    }

    function testFuzz_openDispute_respectsDeliveryWindow(uint32 window, uint256 elapsed) public {
        window = uint32(bound(window, MIN_WINDOW, MAX_WINDOW));
        elapsed = bound(elapsed, 0, 2 * uint256(window));
        vm.prank(owner);
        escrow.setWindows(SHIP_WINDOW, window);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        o.deliveryWindow = window;
        o = _ship(id, o);
        uint256 deadline = block.timestamp + window;
        vm.warp(block.timestamp + elapsed);
        vm.deal(buyer, FEE);
        if (elapsed >= window) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.DeliveryWindowClosed.selector, id, deadline));
        }
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, o, "");
    }

    function testFuzz_lifecycle_rejectsTamperedOrder(uint256 field, uint256 delta) public {
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 10, 2);
        field = bound(field, 0, 9);
        delta = bound(delta, 1, type(uint32).max);
        if (field == 0) o.buyer = address(uint160(o.buyer) ^ uint160(delta));
        if (field == 1) o.seller = address(uint160(o.seller) ^ uint160(delta));
        if (field == 2) o.listing = address(uint160(o.listing) ^ uint160(delta));
        if (field == 3) o.currency = address(uint160(o.currency) ^ uint160(delta));
        if (field == 4) o.amount ^= uint96(delta);
        if (field == 5) o.quantity ^= uint32(delta);
        if (field == 6) o.shipWindow ^= uint32(delta);
        if (field == 7) o.deliveryWindow ^= uint32(delta);
        if (field == 8) o.paidAt ^= uint40(delta);
        if (field == 9) o.shippedAt ^= uint40(delta);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        vm.prank(o.seller);
        escrow.refund(id, o);
    }

    // ------------------------------------------------------------------ rulings

    function testFuzz_rule_splitPaysExactly(uint96 price, uint32 quantity, uint256 bps, bool inToken) public {
        (price, quantity) = _terms(price, quantity);
        bps = bound(bps, 0, Rulings.BPS);
        (address listing, uint256 id, Order memory o) = _escrowed(inToken, price, 1_000, quantity);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        uint256 buyerBefore = _balance(o.currency, buyer);
        uint256 buyerAmount = uint256(o.amount) * bps / Rulings.BPS;
        uint256 sellerAmount = o.amount - buyerAmount;

        uint256 buyerFee = FEE * bps / Rulings.BPS;
        uint256 sellerBefore = seller.balance;

        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, Rulings.SPLIT_BASE + bps, buyerAmount, sellerAmount);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, buyerFee, FEE - buyerFee);
        arbitrator.giveRuling(disputeId, Rulings.SPLIT_BASE + bps);

        // The fee the escrow held is native; for a native order it adds to the same balances.
        uint256 nativeBuyerFee = inToken ? 0 : buyerFee;
        assertEq(_balance(o.currency, buyer) - buyerBefore, buyerAmount + nativeBuyerFee);
        assertEq(_balance(o.currency, seller), sellerAmount + (inToken ? 0 : FEE - buyerFee));
        assertEq(seller.balance - sellerBefore, FEE - buyerFee + (inToken ? 0 : sellerAmount));
        assertEq(_balance(o.currency, address(escrow)), 0);
        assertEq(address(escrow).balance, 0);
        assertEq(IListing(listing).stock(), bps == Rulings.BPS ? 1_000 : 1_000 - quantity);
        assertEq(escrow.orderHash(id), _hash(_withState(d, OrderState.Resolved)));
    }

    function testFuzz_rule_anyValidRuling(uint256 ruling, uint96 amount) public {
        ruling = bound(ruling, 0, Rulings.CHOICES);
        amount = uint96(bound(amount, 1, type(uint96).max));
        (, uint256 id, Order memory o) = _escrowed(false, amount, 1, 1);
        (uint256 disputeId,) = _dispute(id, o);
        uint256 buyerBefore = buyer.balance;
        arbitrator.giveRuling(disputeId, ruling);
        uint256 share = ruling == 0 ? 5_000 : ruling == 1 ? 10_000 : ruling == 2 ? 0 : ruling - 3;
        assertEq(buyer.balance - buyerBefore, uint256(amount) * share / 10_000 + FEE * share / 10_000);
        assertEq(buyer.balance - buyerBefore + seller.balance, amount + FEE, "the order and the held fee");
    }

    function testFuzz_rule_rejectsRulingAboveChoices(uint256 ruling) public {
        ruling = bound(ruling, Rulings.CHOICES + 1, type(uint256).max);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        (uint256 disputeId,) = _dispute(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidRuling.selector, ruling));
        vm.prank(address(arbitrator));
        escrow.rule(disputeId, ruling);
    }

    // ------------------------------------------------------------------ arbitration fees

    function testFuzz_timeoutDispute_respectsFeeWindow(uint32 window, uint256 elapsed, bool bySeller) public {
        window = uint32(bound(window, MIN_WINDOW, MAX_WINDOW));
        elapsed = bound(elapsed, 0, 2 * uint256(window));
        vm.prank(owner);
        escrow.setFeeWindow(window);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        _openDispute(id, o, bySeller ? seller : buyer);
        uint256 deadline = block.timestamp + window;
        vm.warp(block.timestamp + elapsed);
        if (elapsed < window) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.FeeWindowOpen.selector, id, deadline));
            escrow.timeoutDispute(id);
            _payFee(id, bySeller ? buyer : seller);
            return;
        }
        uint256 before = (bySeller ? seller : buyer).balance;
        escrow.timeoutDispute(id);
        assertEq((bySeller ? seller : buyer).balance - before, PRICE + FEE);
        assertEq(address(escrow).balance, 0);
    }

    /// @dev Whatever each party paid and whatever share a withdrawable arbitrator refunds, the fees that
    /// come back are shared in proportion to what each paid, and nothing stays in the escrow.
    function testFuzz_settleDispute_sharesFeesInProportion(
        uint256 openerFee,
        uint256 responderFee,
        uint256 refundBps,
        bool withdrawable
    ) public {
        openerFee = bound(openerFee, 0, 100 ether);
        responderFee = bound(responderFee, 0, 100 ether);
        refundBps = bound(refundBps, 0, Rulings.BPS);
        if (withdrawable) {
            WithdrawableTestArbitrator court = new WithdrawableTestArbitrator(openerFee);
            court.setRefundBps(refundBps);
            arbitrator = court;
            vm.prank(owner);
            escrow.setArbitrator(court, "");
        }
        arbitrator.setFee(openerFee);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        o = _openDispute(id, o, buyer);
        arbitrator.setFee(responderFee);
        _payFee(id, seller);
        uint256 buyerBefore = buyer.balance;
        uint256 sellerBefore = seller.balance;

        vm.prank(seller);
        uint256 offerId = escrow.proposeSettlement(id, o, 5_000, block.timestamp + 1, bytes32(0));
        vm.prank(buyer);
        escrow.acceptSettlement(id, o, offerId);

        uint256 returned = openerFee + (withdrawable ? responderFee * refundBps / Rulings.BPS : 0);
        uint256 paid = openerFee + responderFee;
        uint256 toBuyer = paid == 0 ? returned : returned * openerFee / paid;
        assertEq(buyer.balance - buyerBefore, PRICE / 2 + toBuyer);
        assertEq(seller.balance - sellerBefore, PRICE - PRICE / 2 + returned - toBuyer);
        assertEq(address(escrow).balance, 0);
        if (withdrawable && refundBps == Rulings.BPS) {
            assertEq(toBuyer, openerFee, "a full refund gives each its own fee");
        }
    }

    // ------------------------------------------------------------------ settlements

    /// @dev Any split of any amount, accepted on a paid, shipped or disputed order, pays exactly the split
    /// (and, on a disputed order, the fees back); a full refund alone returns the stock.
    function testFuzz_acceptSettlement_paysTheSplitExactly(
        uint96 price,
        uint32 quantity,
        uint256 bps,
        bool inToken,
        uint8 stage
    ) public {
        (price, quantity) = _terms(price, quantity);
        uint256[5] memory edges = [uint256(0), 1, 5_000, 9_999, 10_000];
        bps = bps % 2 == 0 ? edges[(bps >> 1) % 5] : bound(bps >> 1, 0, Rulings.BPS);
        (address listing, uint256 id, Order memory o) = _escrowed(inToken, price, 1_000, quantity);
        stage = uint8(bound(stage, 0, 3));
        if (stage == 1) o = _ship(id, o);
        if (stage == 2) o = _openDispute(id, o, buyer);
        if (stage == 3) (, o) = _dispute(id, o);
        uint256 buyerBefore = _balance(o.currency, buyer);
        uint256 sellerBefore = _balance(o.currency, seller);
        uint256 buyerAmount = uint256(o.amount) * bps / Rulings.BPS;

        vm.prank(seller);
        uint256 offerId = escrow.proposeSettlement(id, o, bps, block.timestamp + 1 days, keccak256("m"));
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderSettled(id, offerId, buyerAmount, o.amount - buyerAmount);
        vm.prank(buyer);
        escrow.acceptSettlement(id, o, offerId);

        // Native fees: back to the buyer before the second fee; half each at a plain arbitrator after it.
        uint256 buyerFee = inToken ? 0 : stage == 2 ? FEE : stage == 3 ? FEE / 2 : 0;
        uint256 sellerFee = inToken || stage != 3 ? 0 : FEE - FEE / 2;
        assertEq(_balance(o.currency, buyer) - buyerBefore, buyerAmount + buyerFee);
        assertEq(_balance(o.currency, seller) - sellerBefore, o.amount - buyerAmount + sellerFee);
        assertEq(_balance(o.currency, address(escrow)), 0);
        assertEq(address(escrow).balance, 0);
        assertEq(IListing(listing).stock(), bps == Rulings.BPS ? 1_000 : 1_000 - quantity);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Settled)));
    }

    function testFuzz_acceptSettlement_respectsExpiry(uint256 duration, uint256 elapsed) public {
        duration = bound(duration, 1, 365 days);
        elapsed = bound(elapsed, 0, 2 * duration);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        uint256 expiry = block.timestamp + duration;
        vm.prank(buyer);
        uint256 offerId = escrow.proposeSettlement(id, o, 2_500, expiry, bytes32(0));
        vm.warp(block.timestamp + elapsed);
        if (elapsed >= duration) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferExpired.selector, id, offerId, expiry));
        }
        vm.prank(seller);
        escrow.acceptSettlement(id, o, offerId);
    }

    function testFuzz_proposeSettlement_refusesSplitsOverAll(uint256 bps) public {
        bps = bound(bps, Rulings.BPS + 1, type(uint256).max);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidSplit.selector, bps));
        vm.prank(buyer);
        escrow.proposeSettlement(id, o, bps, block.timestamp + 1, bytes32(0));
    }

    function testFuzz_proposeSettlement_refusesPastExpiries(uint256 expiry) public {
        expiry = bound(expiry, 0, block.timestamp);
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidExpiry.selector, expiry));
        vm.prank(seller);
        escrow.proposeSettlement(id, o, 0, expiry, bytes32(0));
    }

    /// @dev Only the latest offer of each proposer can be accepted, whatever ids came before.
    function testFuzz_acceptSettlement_onlyTheLatestStands(uint8 offers, uint256 pick) public {
        offers = uint8(bound(offers, 1, 20));
        (, uint256 id, Order memory o) = _escrowed(false, PRICE, 1, 1);
        vm.startPrank(buyer);
        for (uint256 k; k < offers; ++k) {
            escrow.proposeSettlement(id, o, k * 100, block.timestamp + 1 days, bytes32(0));
        }
        vm.stopPrank();
        pick = bound(pick, 0, uint256(offers) + 1);
        if (pick == 0 || pick > offers) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.UnknownOffer.selector, id, pick));
        } else if (pick < offers) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferSuperseded.selector, id, pick));
        }
        vm.prank(seller);
        escrow.acceptSettlement(id, o, pick);
    }
}
