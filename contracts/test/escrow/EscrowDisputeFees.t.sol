// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Rulings} from "../../src/libraries/Rulings.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {TestArbitrator} from "../utils/TestArbitrator.sol";

/// @notice Both parties pay the arbitration fee: the opener first, the other within the fee window or it
/// loses by default; the fee the escrow keeps goes back as the ruling splits the order.
contract EscrowDisputeFeesTest is MarketFixture {
    uint256 internal constant FEE_WINDOW = 7 days;

    // ------------------------------------------------------------------ payArbitrationFee

    function test_payArbitrationFee_byBuyerWhenSellerOpened() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, seller);
        vm.warp(block.timestamp + FEE_WINDOW - 1);
        uint256 disputeId = _payFee(id, buyer);
        (IEscrow.DisputeInfo memory info) = _views().disputeInfo(id);
        assertEq(uint8(info.stage), uint8(IEscrow.DisputeStage.Arbitrating));
        assertEq(info.opener, seller);
        assertEq(info.disputeId, disputeId);
    }

    function test_payArbitrationFee_atTheArbitratorsCurrentCost() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        arbitrator.setFee(3 * FEE);
        vm.deal(seller, 3 * FEE);
        vm.prank(seller);
        uint256 disputeId = escrow.payArbitrationFee{value: 3 * FEE}(id, "");
        assertEq(arbitrator.disputeData(disputeId).feesPaid, 3 * FEE);
        assertEq(_views().disputeInfo(id).responderFee, 3 * FEE);
        assertEq(address(escrow).balance, PRICE + FEE, "the opener's fee is what stays");

        // What the escrow keeps (the opener's fee) follows the ruling.
        uint256 before = seller.balance;
        arbitrator.giveRuling(disputeId, Rulings.RELEASE);
        assertEq(seller.balance - before, PRICE + FEE);
        assertEq(address(escrow).balance, 0);
    }

    function test_payArbitrationFee_usesTheArbitratorTheDisputeOpenedWith() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        TestArbitrator next = new TestArbitrator(5 * FEE);
        vm.prank(owner);
        escrow.setArbitrator(next, hex"beef");
        uint256 disputeId = _payFee(id, seller);
        assertEq(arbitrator.disputeData(disputeId).extraData, EXTRA_DATA);
        assertEq(next.disputeCount(), 0);
    }

    function test_RevertWhen_payArbitrationFeeByOpener() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        vm.deal(buyer, FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.AlreadyPaidFee.selector, id, buyer));
        vm.prank(buyer);
        escrow.payArbitrationFee{value: FEE}(id, "");
    }

    function test_RevertWhen_payArbitrationFeeByStranger() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        vm.deal(stranger, FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, stranger));
        vm.prank(stranger);
        escrow.payArbitrationFee{value: FEE}(id, "");
    }

    function test_RevertWhen_payArbitrationFeeAfterWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        uint256 deadline = block.timestamp + FEE_WINDOW;
        vm.warp(deadline);
        vm.deal(seller, FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.FeeWindowClosed.selector, id, deadline));
        vm.prank(seller);
        escrow.payArbitrationFee{value: FEE}(id, "");
    }

    function test_RevertWhen_payArbitrationFeeWrongAmount() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        vm.deal(seller, 2 * FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, FEE, FEE - 1));
        vm.prank(seller);
        escrow.payArbitrationFee{value: FEE - 1}(id, "");
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, FEE, 2 * FEE));
        vm.prank(seller);
        escrow.payArbitrationFee{value: 2 * FEE}(id, "");
    }

    function test_RevertWhen_payArbitrationFeeTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        vm.deal(seller, FEE);
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.DisputeAtArbitrator.selector, id, address(arbitrator), disputeId)
        );
        vm.prank(seller);
        escrow.payArbitrationFee{value: FEE}(id, "");
    }

    function test_RevertWhen_payArbitrationFeeWithoutDispute() public {
        (, uint256 id,) = _escrowedNative(1);
        vm.deal(seller, FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NoOpenDispute.selector, id));
        vm.prank(seller);
        escrow.payArbitrationFee{value: FEE}(id, "");
    }

    // ------------------------------------------------------------------ timeoutDispute

    function test_timeoutDispute_buyerOpenedWinsRefundAndFee() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(2);
        o = _ship(id, o);
        o = _openDispute(id, o, buyer);
        uint256 before = buyer.balance;
        vm.warp(block.timestamp + FEE_WINDOW);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeTimedOut(id, buyer);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, Rulings.REFUND, 2 * PRICE, 0);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, FEE, 0);
        vm.prank(stranger);
        escrow.timeoutDispute(id);

        assertEq(buyer.balance - before, 2 * PRICE + FEE);
        assertEq(seller.balance, 0);
        assertEq(IListing(listing).stock(), STOCK, "a refund by default restocks");
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Resolved)));
        assertEq(address(escrow).balance, 0);
        assertEq(uint8(_views().disputeInfo(id).stage), uint8(IEscrow.DisputeStage.None));
    }

    function test_timeoutDispute_sellerOpenedWinsReleaseAndFee() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, seller);
        vm.warp(block.timestamp + FEE_WINDOW);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeTimedOut(id, seller);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, Rulings.RELEASE, 0, PRICE);
        escrow.timeoutDispute(id);
        assertEq(seller.balance, PRICE + FEE);
        assertEq(IListing(listing).stock(), STOCK - 1);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Resolved)));
    }

    function test_timeoutDispute_tokenOrderPaysFeeInNativeCoin() public {
        (, uint256 id, Order memory o) = _escrowedToken(1);
        _openDispute(id, o, buyer);
        uint256 before = token.balanceOf(buyer);
        vm.warp(block.timestamp + FEE_WINDOW);
        escrow.timeoutDispute(id);
        assertEq(token.balanceOf(buyer) - before, TOKEN_PRICE);
        assertEq(buyer.balance, 1_000 ether + FEE);
        assertEq(token.balanceOf(address(escrow)), 0);
        assertEq(address(escrow).balance, 0);
    }

    function test_timeoutDispute_followsTheWindowOfItsOpening() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        uint256 deadline = block.timestamp + FEE_WINDOW;
        vm.prank(owner);
        escrow.setFeeWindow(1 hours);
        vm.warp(block.timestamp + 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.FeeWindowOpen.selector, id, deadline));
        escrow.timeoutDispute(id);
    }

    function test_RevertWhen_timeoutDisputeInWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        uint256 deadline = block.timestamp + FEE_WINDOW;
        vm.warp(deadline - 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.FeeWindowOpen.selector, id, deadline));
        escrow.timeoutDispute(id);
    }

    function test_RevertWhen_timeoutDisputeAtArbitrator() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        vm.warp(block.timestamp + FEE_WINDOW);
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.DisputeAtArbitrator.selector, id, address(arbitrator), disputeId)
        );
        escrow.timeoutDispute(id);
    }

    function test_RevertWhen_timeoutDisputeTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        vm.warp(block.timestamp + FEE_WINDOW);
        escrow.timeoutDispute(id);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NoOpenDispute.selector, id));
        escrow.timeoutDispute(id);
        assertEq(address(escrow).balance, 0);
    }

    function test_RevertWhen_lifecycleDuringFeeWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, buyer);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Disputed));
        vm.prank(seller);
        escrow.refund(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Disputed));
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        vm.deal(seller, FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Disputed));
        vm.prank(seller);
        escrow.openDispute{value: FEE}(id, o, "");
    }

    function test_submitEvidence_duringFeeWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        vm.prank(seller);
        escrow.submitEvidence(id, "/ipfs/seller-early");
    }

    // ------------------------------------------------------------------ rulings split the fee left

    function test_rule_refusedSplitsTheFeeInHalf() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        uint256 buyerBefore = buyer.balance;
        arbitrator.giveRuling(disputeId, Rulings.REFUSED);
        assertEq(buyer.balance - buyerBefore, PRICE / 2 + FEE / 2);
        assertEq(seller.balance, PRICE - PRICE / 2 + FEE - FEE / 2);
    }

    function test_rule_sellerOpenedAndLostGetsNoFee() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, seller);
        uint256 disputeId = _payFee(id, buyer);
        uint256 buyerBefore = buyer.balance;
        arbitrator.giveRuling(disputeId, Rulings.REFUND);
        assertEq(buyer.balance - buyerBefore, PRICE + FEE);
        assertEq(seller.balance, 0);
    }

    // ------------------------------------------------------------------ setFeeWindow

    function test_setFeeWindow_appliesToNewDisputes() public {
        vm.expectEmit(address(escrow));
        emit IEscrow.FeeWindowChanged(2 days);
        vm.prank(owner);
        escrow.setFeeWindow(2 days);
        assertEq(escrow.feeWindow(), 2 days);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        assertEq(_views().disputeInfo(id).feeDeadline, block.timestamp + 2 days);
    }

    function test_RevertWhen_setFeeWindowOutOfBounds() public {
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, 1 hours - 1));
        escrow.setFeeWindow(1 hours - 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, 365 days + 1));
        escrow.setFeeWindow(365 days + 1);
        vm.stopPrank();
    }

    function test_RevertWhen_setFeeWindowByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        escrow.setFeeWindow(2 days);
    }

    function test_payArbitrationFee_afterTheArbitratorWasUnset() public {
        // The dispute keeps the arbitrator it opened with, so unsetting the escrow's arbitrator strands nothing.
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _openDispute(id, o, buyer);
        vm.prank(owner);
        escrow.setArbitrator(IArbitrator(address(0)), "");
        uint256 disputeId = _payFee(id, seller);
        assertEq(arbitrator.disputeData(disputeId).feesPaid, FEE);
    }
}
