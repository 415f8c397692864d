// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";

contract EscrowLifecycleTest is MarketFixture {
    // ------------------------------------------------------------------ markShipped

    function test_markShipped_recordsShipping() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.warp(block.timestamp + 1 days);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderShipped(id, TRACKING, block.timestamp);
        vm.prank(seller);
        escrow.markShipped(id, o, TRACKING);
        o.state = OrderState.Shipped;
        o.shippedAt = uint40(block.timestamp);
        assertEq(escrow.orderHash(id), _hash(o));
    }

    function test_markShipped_afterShipWindowIfNotCancelled() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.warp(block.timestamp + SHIP_WINDOW + 1 days);
        o = _ship(id, o);
        assertEq(escrow.orderHash(id), _hash(o));
    }

    function test_RevertWhen_markShippedByNonSeller() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotSeller.selector, id, buyer));
        vm.prank(buyer);
        escrow.markShipped(id, o, TRACKING);
    }

    function test_RevertWhen_markShippedTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Shipped));
        vm.prank(seller);
        escrow.markShipped(id, o, TRACKING);
    }

    function test_RevertWhen_markShippedUnknownOrder() public {
        (,, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderNotFound.selector, 99));
        vm.prank(seller);
        escrow.markShipped(99, o, TRACKING);
    }

    function test_RevertWhen_markShippedDirectOrder() public {
        address listing = _list(address(0), PRICE, STOCK);
        uint256 id = _buyNative(listing, 1, false);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderNotFound.selector, id));
        vm.prank(seller);
        escrow.markShipped(id, o, TRACKING);
    }

    function test_RevertWhen_markShippedTamperedOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o.amount += 1;
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        vm.prank(seller);
        escrow.markShipped(id, o, TRACKING);
    }

    function test_RevertWhen_markShippedOtherOrdersStruct() public {
        (, uint256 first, Order memory o1) = _escrowedNative(1);
        (, uint256 second,) = _escrowedNative(2);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, second));
        vm.prank(seller);
        escrow.markShipped(second, o1, TRACKING);
        assertTrue(first != second);
    }

    // ------------------------------------------------------------------ confirmReceipt

    function test_confirm_paysSeller() public {
        (, uint256 id, Order memory o) = _escrowedNative(2);
        o = _ship(id, o);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderCompleted(id, true);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(seller.balance, 2 * PRICE);
        assertEq(address(escrow).balance, 0);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Completed)));
    }

    function test_confirm_beforeShipping() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(seller.balance, PRICE);
    }

    function test_confirm_paysSellerInToken() public {
        (, uint256 id, Order memory o) = _escrowedToken(2);
        o = _ship(id, o);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(token.balanceOf(seller), 2 * TOKEN_PRICE);
        assertEq(token.balanceOf(address(escrow)), 0);
    }

    function test_confirm_keepsStockSold() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(2);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(IListing(listing).stock(), STOCK - 2);
        assertEq(IListing(listing).sold(), 2);
    }

    function test_RevertWhen_confirmByNonBuyer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotBuyer.selector, id, seller));
        vm.prank(seller);
        escrow.confirmReceipt(id, o);
    }

    function test_RevertWhen_confirmTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        o.state = OrderState.Completed;
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Completed));
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
    }

    function test_RevertWhen_confirmWithStaleOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
    }

    function test_RevertWhen_confirmRefunded() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(seller);
        escrow.refund(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Refunded));
        vm.prank(buyer);
        escrow.confirmReceipt(id, _withState(o, OrderState.Refunded));
    }

    function test_RevertWhen_confirmDisputed() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (, o) = _dispute(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Disputed));
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
    }

    // ------------------------------------------------------------------ release

    function test_release_afterDeliveryWindowPaysSeller() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.warp(block.timestamp + DELIVERY_WINDOW);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderCompleted(id, false);
        vm.prank(stranger);
        escrow.release(id, o);
        assertEq(seller.balance, PRICE);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Completed)));
    }

    function test_RevertWhen_releaseBeforeDeliveryWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        uint256 deadline = block.timestamp + DELIVERY_WINDOW;
        vm.warp(deadline - 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.DeliveryWindowOpen.selector, id, deadline));
        escrow.release(id, o);
    }

    function test_RevertWhen_releaseUnshipped() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.warp(block.timestamp + 365 days);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Paid));
        escrow.release(id, o);
    }

    function test_RevertWhen_releaseTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.warp(block.timestamp + DELIVERY_WINDOW);
        escrow.release(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Completed));
        escrow.release(id, _withState(o, OrderState.Completed));
    }

    function test_release_usesWindowsOfTheOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.prank(owner);
        escrow.setWindows(1 hours, 1 hours);
        uint256 deadline = block.timestamp + DELIVERY_WINDOW;
        vm.warp(block.timestamp + 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.DeliveryWindowOpen.selector, id, deadline));
        escrow.release(id, o);
    }

    // ------------------------------------------------------------------ refund

    function test_refund_returnsPaymentAndStock() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(3);
        uint256 before = buyer.balance;
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderRefunded(id);
        vm.expectEmit(listing);
        emit IListing.StockChanged(STOCK);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(buyer.balance - before, 3 * PRICE);
        assertEq(address(escrow).balance, 0);
        assertEq(IListing(listing).stock(), STOCK);
        assertEq(IListing(listing).sold(), 0);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Refunded)));
    }

    function test_refund_afterShipping() public {
        (, uint256 id, Order memory o) = _escrowedToken(1);
        o = _ship(id, o);
        uint256 before = token.balanceOf(buyer);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(token.balanceOf(buyer) - before, TOKEN_PRICE);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Refunded)));
    }

    function test_refund_afterDeliveryWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.warp(block.timestamp + 2 * DELIVERY_WINDOW);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(address(escrow).balance, 0);
    }

    function test_RevertWhen_refundByNonSeller() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotSeller.selector, id, buyer));
        vm.prank(buyer);
        escrow.refund(id, o);
    }

    function test_RevertWhen_refundCompleted() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Completed));
        vm.prank(seller);
        escrow.refund(id, _withState(o, OrderState.Completed));
    }

    function test_RevertWhen_refundTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(seller);
        escrow.refund(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        vm.prank(seller);
        escrow.refund(id, o);
    }

    function test_RevertWhen_refundDisputed() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (, o) = _dispute(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Disputed));
        vm.prank(seller);
        escrow.refund(id, o);
    }

    // ------------------------------------------------------------------ cancel

    function test_cancel_afterShipWindowRefundsBuyer() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(2);
        vm.warp(block.timestamp + SHIP_WINDOW);
        uint256 before = buyer.balance;
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderCancelled(id);
        vm.expectEmit(listing);
        emit IListing.StockChanged(STOCK);
        vm.prank(buyer);
        escrow.cancel(id, o);
        assertEq(buyer.balance - before, 2 * PRICE);
        assertEq(IListing(listing).stock(), STOCK);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Cancelled)));
    }

    function test_cancel_refundsToken() public {
        (, uint256 id, Order memory o) = _escrowedToken(1);
        vm.warp(block.timestamp + SHIP_WINDOW);
        uint256 before = token.balanceOf(buyer);
        vm.prank(buyer);
        escrow.cancel(id, o);
        assertEq(token.balanceOf(buyer) - before, TOKEN_PRICE);
    }

    function test_RevertWhen_cancelBeforeShipWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 deadline = block.timestamp + SHIP_WINDOW;
        vm.warp(deadline - 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ShipWindowOpen.selector, id, deadline));
        vm.prank(buyer);
        escrow.cancel(id, o);
    }

    function test_RevertWhen_cancelShipped() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.warp(block.timestamp + SHIP_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Shipped));
        vm.prank(buyer);
        escrow.cancel(id, o);
    }

    function test_RevertWhen_cancelByNonBuyer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.warp(block.timestamp + SHIP_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotBuyer.selector, id, seller));
        vm.prank(seller);
        escrow.cancel(id, o);
    }

    function test_RevertWhen_cancelTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.warp(block.timestamp + SHIP_WINDOW);
        vm.startPrank(buyer);
        escrow.cancel(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Cancelled));
        escrow.cancel(id, _withState(o, OrderState.Cancelled));
        vm.stopPrank();
    }

    function test_cancel_usesWindowsOfTheOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(owner);
        escrow.setWindows(30 days, DELIVERY_WINDOW);
        vm.warp(block.timestamp + SHIP_WINDOW);
        vm.prank(buyer);
        escrow.cancel(id, o);
    }

    // ------------------------------------------------------------------ stock on other paths

    function test_orders_independentOfEachOther() public {
        address listing = _list(address(0), PRICE, STOCK);
        uint256 a = _buyNative(listing, 1, true);
        Order memory oa = _paidOrder(listing, address(0), PRICE, 1);
        uint256 b = _buyNative(listing, 2, true);
        Order memory ob = _paidOrder(listing, address(0), 2 * PRICE, 2);
        vm.prank(seller);
        escrow.refund(a, oa);
        vm.prank(buyer);
        escrow.confirmReceipt(b, ob);
        assertEq(seller.balance, 2 * PRICE);
        assertEq(IListing(listing).stock(), STOCK - 2);
        assertEq(address(escrow).balance, 0);
    }
}
