// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";

import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IEvidence} from "../../src/interfaces/IEvidence.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Rulings} from "../../src/libraries/Rulings.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {TestArbitrator} from "../utils/TestArbitrator.sol";

contract EscrowDisputeTest is MarketFixture {
    string internal constant EVIDENCE = "/ipfs/evidence-buyer";
    uint256 internal constant FEE_WINDOW = 7 days;

    // ------------------------------------------------------------------ openDispute

    function test_openDispute_fromPaidHoldsFeeUntilTheOtherPays() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.deal(buyer, buyer.balance + FEE);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeOpened(
            id, buyer, address(arbitrator), FEE, block.timestamp + FEE_WINDOW, EXTRA_DATA
        );
        vm.expectEmit(address(escrow));
        emit IEvidence.Evidence(arbitrator, id, buyer, EVIDENCE);
        vm.prank(buyer);
        uint256 feeDeadline = escrow.openDispute{value: FEE}(id, o, EVIDENCE);

        assertEq(feeDeadline, block.timestamp + FEE_WINDOW);
        o.state = OrderState.Disputed;
        assertEq(escrow.orderHash(id), _hash(o));
        IEscrow.DisputeInfo memory info = _views().disputeInfo(id);
        assertEq(uint8(info.stage), uint8(IEscrow.DisputeStage.AwaitingFee));
        assertEq(info.opener, buyer);
        assertEq(info.openerFee, FEE);
        assertEq(info.responderFee, 0);
        assertEq(info.feeDeadline, feeDeadline);
        assertEq(info.arbitrator, address(arbitrator));
        assertEq(arbitrator.disputeCount(), 0, "no dispute until both fees are paid");
        assertEq(address(escrow).balance, PRICE + FEE);
    }

    function test_payArbitrationFee_createsTheDispute() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, buyer);
        vm.deal(seller, FEE);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeePaid(id, seller, FEE);
        vm.expectEmit(address(arbitrator));
        emit IArbitrator.DisputeCreation(0, IArbitrable(address(escrow)));
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderDisputed(id, address(arbitrator), 0);
        vm.expectEmit(address(escrow));
        emit IEvidence.Dispute(arbitrator, 0, 0, id);
        vm.expectEmit(address(escrow));
        emit IEvidence.Evidence(arbitrator, id, seller, "/ipfs/seller");
        vm.prank(seller);
        uint256 disputeId = escrow.payArbitrationFee{value: FEE}(id, "/ipfs/seller");

        assertEq(disputeId, 0);
        assertEq(escrow.orderHash(id), _hash(o), "the order stays Disputed");
        IEscrow.DisputeInfo memory info = _views().disputeInfo(id);
        assertEq(uint8(info.stage), uint8(IEscrow.DisputeStage.Arbitrating));
        assertEq(info.responderFee, FEE);
        assertEq(info.disputeId, disputeId);
        assertEq(address(arbitrator).balance, FEE);
        assertEq(address(escrow).balance, PRICE + FEE, "one fee paid the arbitrator, the other is held");
    }

    function test_openDispute_recordsDisputeAtArbitrator() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        TestArbitrator.DisputeData memory d = arbitrator.disputeData(disputeId);
        assertEq(address(d.arbitrable), address(escrow));
        assertEq(d.choices, Rulings.CHOICES);
        assertEq(d.feesPaid, FEE);
        assertEq(d.extraData, EXTRA_DATA);
        assertEq(uint8(arbitrator.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Waiting));
    }

    function test_openDispute_fromShippedWithinDeliveryWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.warp(block.timestamp + DELIVERY_WINDOW - 1);
        (uint256 disputeId, Order memory disputed) = _dispute(id, o);
        assertEq(escrow.orderHash(id), _hash(disputed));
        assertEq(disputeId, 0);
    }

    function test_openDispute_withoutEvidenceEmitsNoEvidence() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.deal(buyer, buyer.balance + FEE);
        vm.recordLogs();
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, o, "");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            assertTrue(logs[i].topics[0] != IEvidence.Evidence.selector);
        }
    }

    function test_openDispute_freeArbitrator() public {
        arbitrator.setFee(0);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.openDispute(id, o, EVIDENCE);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Disputed)));
        vm.prank(seller);
        uint256 disputeId = escrow.payArbitrationFee(id, "");
        assertEq(arbitrator.disputeData(disputeId).feesPaid, 0);
    }

    function test_openDispute_idsPerArbitrator() public {
        (, uint256 a, Order memory oa) = _escrowedNative(1);
        (, uint256 b, Order memory ob) = _escrowedNative(1);
        (uint256 da,) = _dispute(a, oa);
        (uint256 db,) = _dispute(b, ob);
        assertEq(da, 0);
        assertEq(db, 1);
    }

    function test_RevertWhen_disputeAfterDeliveryWindow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        uint256 deadline = block.timestamp + DELIVERY_WINDOW;
        vm.warp(deadline);
        vm.deal(buyer, buyer.balance + FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.DeliveryWindowClosed.selector, id, deadline));
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, o, EVIDENCE);
    }

    function test_openDispute_bySeller() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.deal(seller, FEE);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeOpened(
            id, seller, address(arbitrator), FEE, block.timestamp + FEE_WINDOW, EXTRA_DATA
        );
        vm.prank(seller);
        escrow.openDispute{value: FEE}(id, o, EVIDENCE);
        assertEq(_views().disputeInfo(id).opener, seller);
        uint256 disputeId = _payFee(id, buyer);
        assertEq(arbitrator.disputeData(disputeId).feesPaid, FEE);
    }

    function test_RevertWhen_disputeByStranger() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.deal(stranger, FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, stranger));
        vm.prank(stranger);
        escrow.openDispute{value: FEE}(id, o, EVIDENCE);
    }

    function test_RevertWhen_disputeTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (, o) = _dispute(id, o);
        vm.deal(buyer, buyer.balance + FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Disputed));
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, o, EVIDENCE);
    }

    function test_RevertWhen_disputeCompleted() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Completed));
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, _withState(o, OrderState.Completed), EVIDENCE);
    }

    function test_RevertWhen_disputeCancelled() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.warp(block.timestamp + SHIP_WINDOW);
        vm.prank(buyer);
        escrow.cancel(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Cancelled));
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, _withState(o, OrderState.Cancelled), EVIDENCE);
    }

    function test_RevertWhen_disputeWithoutArbitrator() public {
        vm.prank(owner);
        escrow.setArbitrator(IArbitrator(address(0)), "");
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(IEscrow.NoArbitrator.selector);
        vm.prank(buyer);
        escrow.openDispute(id, o, EVIDENCE);
    }

    function test_RevertWhen_disputeFeeTooLow() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, FEE, FEE - 1));
        vm.prank(buyer);
        escrow.openDispute{value: FEE - 1}(id, o, EVIDENCE);
    }

    function test_RevertWhen_disputeFeeTooHigh() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, FEE, FEE + 1));
        vm.prank(buyer);
        escrow.openDispute{value: FEE + 1}(id, o, EVIDENCE);
    }

    function test_RevertWhen_disputeTamperedOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o.deliveryWindow = type(uint32).max;
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, o, EVIDENCE);
    }

    function test_RevertWhen_disputeUnknownOrder() public {
        (,, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderNotFound.selector, 7));
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(7, o, EVIDENCE);
    }

    // ------------------------------------------------------------------ submitEvidence

    function test_submitEvidence_byBuyer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _dispute(id, o);
        vm.expectEmit(address(escrow));
        emit IEvidence.Evidence(arbitrator, id, buyer, "/ipfs/more");
        vm.prank(buyer);
        escrow.submitEvidence(id, "/ipfs/more");
    }

    function test_submitEvidence_bySeller() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _dispute(id, o);
        vm.expectEmit(address(escrow));
        emit IEvidence.Evidence(arbitrator, id, seller, "/ipfs/seller");
        vm.prank(seller);
        escrow.submitEvidence(id, "/ipfs/seller");
    }

    function test_RevertWhen_submitEvidenceByStranger() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _dispute(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, stranger));
        vm.prank(stranger);
        escrow.submitEvidence(id, "/ipfs/spam");
    }

    function test_RevertWhen_submitEvidenceUndisputed() public {
        (, uint256 id,) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.None));
        vm.prank(buyer);
        escrow.submitEvidence(id, "/ipfs/early");
    }

    function test_RevertWhen_submitEvidenceAfterRuling() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        arbitrator.giveRuling(disputeId, Rulings.RELEASE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.None));
        vm.prank(seller);
        escrow.submitEvidence(id, "/ipfs/late");
    }

    // ------------------------------------------------------------------ rule

    function test_rule_refundGivesBuyerAllAndRestocks() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(2);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        uint256 before = buyer.balance;
        vm.expectEmit(address(escrow));
        emit IArbitrable.Ruling(arbitrator, disputeId, Rulings.REFUND);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, Rulings.REFUND, 2 * PRICE, 0);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, FEE, 0);
        vm.expectEmit(listing);
        emit IListing.StockChanged(STOCK);
        arbitrator.giveRuling(disputeId, Rulings.REFUND);
        assertEq(buyer.balance - before, 2 * PRICE + FEE, "the order and the winner's fee");
        assertEq(seller.balance, 0);
        assertEq(IListing(listing).stock(), STOCK);
        assertEq(escrow.orderHash(id), _hash(_withState(d, OrderState.Resolved)));
        assertEq(uint8(_views().disputeInfo(id).stage), uint8(IEscrow.DisputeStage.None));
        assertEq(address(escrow).balance, 0);
    }

    function test_rule_releaseGivesSellerAll() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(2);
        o = _ship(id, o);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, Rulings.RELEASE, 0, 2 * PRICE);
        arbitrator.giveRuling(disputeId, Rulings.RELEASE);
        assertEq(seller.balance, 2 * PRICE + FEE, "the order and the winner's fee");
        assertEq(IListing(listing).stock(), STOCK - 2);
        assertEq(escrow.orderHash(id), _hash(_withState(d, OrderState.Resolved)));
    }

    function test_rule_refusedSplitsEvenly() public {
        address listing = _list(address(0), 3, STOCK);
        uint256 id = _buyNative(listing, 1, true);
        (uint256 disputeId,) = _dispute(id, _paidOrder(listing, address(0), 3, 1));
        uint256 before = buyer.balance;
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, Rulings.REFUSED, 1, 2);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, FEE / 2, FEE - FEE / 2);
        arbitrator.giveRuling(disputeId, Rulings.REFUSED);
        assertEq(buyer.balance - before, 1 + FEE / 2);
        assertEq(seller.balance, 2 + FEE - FEE / 2);
        assertEq(IListing(listing).stock(), STOCK - 1, "a split does not restock");
    }

    function test_rule_splitPaysBps() public {
        (, uint256 id, Order memory o) = _escrowedToken(4);
        (uint256 disputeId,) = _dispute(id, o);
        uint256 amount = 4 * TOKEN_PRICE;
        uint256 before = token.balanceOf(buyer);
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, Rulings.SPLIT_BASE + 2_500, amount / 4, amount - amount / 4);
        arbitrator.giveRuling(disputeId, Rulings.SPLIT_BASE + 2_500);
        assertEq(token.balanceOf(buyer) - before, amount / 4);
        assertEq(token.balanceOf(seller), amount - amount / 4);
        assertEq(token.balanceOf(address(escrow)), 0);
        assertEq(seller.balance, FEE - FEE / 4, "fees are native and split like the order");
        assertEq(address(escrow).balance, 0);
    }

    function test_rule_fullSplitRestocks() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(3);
        (uint256 disputeId,) = _dispute(id, o);
        arbitrator.giveRuling(disputeId, Rulings.CHOICES);
        assertEq(IListing(listing).stock(), STOCK);
        assertEq(seller.balance, 0);
    }

    function test_rule_zeroSplitGivesSellerAll() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        arbitrator.giveRuling(disputeId, Rulings.SPLIT_BASE);
        assertEq(seller.balance, PRICE + FEE);
        assertEq(IListing(listing).stock(), STOCK - 1);
    }

    function test_rule_afterAppealPeriod() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        arbitrator.proposeRuling(disputeId, Rulings.RELEASE);
        vm.deal(buyer, 1 ether);
        vm.prank(buyer);
        arbitrator.appeal{value: arbitrator.appealCost(disputeId, "")}(disputeId, "");
        arbitrator.proposeRuling(disputeId, Rulings.REFUND);
        vm.warp(block.timestamp + arbitrator.APPEAL_PERIOD());
        uint256 before = buyer.balance;
        arbitrator.executeRuling(disputeId);
        assertEq(buyer.balance - before, PRICE + FEE);
        assertEq(arbitrator.currentRuling(disputeId), Rulings.REFUND);
        assertEq(uint8(arbitrator.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Solved));
    }

    function test_rule_onClosedListing() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        vm.prank(seller);
        IListing(listing).close();
        arbitrator.giveRuling(disputeId, Rulings.REFUND);
        assertEq(IListing(listing).stock(), STOCK);
    }

    function test_RevertWhen_ruleByNonArbitrator() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotArbitrator.selector, buyer));
        vm.prank(buyer);
        escrow.rule(disputeId, Rulings.REFUND);
    }

    function test_RevertWhen_ruleUnknownDispute() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.UnknownDispute.selector, 5));
        vm.prank(address(arbitrator));
        escrow.rule(5, Rulings.REFUND);
    }

    function test_RevertWhen_ruleInvalidRuling() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidRuling.selector, Rulings.CHOICES + 1));
        vm.prank(address(arbitrator));
        escrow.rule(disputeId, Rulings.CHOICES + 1);
    }

    function test_RevertWhen_ruleTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        vm.prank(address(arbitrator));
        escrow.rule(disputeId, Rulings.REFUND);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.UnknownDispute.selector, disputeId));
        vm.prank(address(arbitrator));
        escrow.rule(disputeId, Rulings.RELEASE);
        assertEq(seller.balance, 0);
    }

    function test_RevertWhen_ruleTwiceThroughArbitrator() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        arbitrator.giveRuling(disputeId, Rulings.RELEASE);
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.DisputeAlreadySolved.selector, disputeId));
        arbitrator.giveRuling(disputeId, Rulings.REFUND);
    }

    function test_RevertWhen_ruleOnResolvedOrderBlocksLifecycle() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        arbitrator.giveRuling(disputeId, Rulings.RELEASE);
        Order memory resolved = _withState(d, OrderState.Resolved);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Resolved));
        vm.prank(seller);
        escrow.refund(id, resolved);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Resolved));
        vm.prank(buyer);
        escrow.confirmReceipt(id, resolved);
    }

    function test_rule_oldArbitratorStillRulesItsDisputes() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId,) = _dispute(id, o);
        TestArbitrator next = new TestArbitrator(FEE);
        vm.prank(owner);
        escrow.setArbitrator(next, "");

        vm.expectRevert(abi.encodeWithSelector(IEscrow.UnknownDispute.selector, disputeId));
        vm.prank(address(next));
        escrow.rule(disputeId, Rulings.RELEASE);

        arbitrator.giveRuling(disputeId, Rulings.REFUND);
        assertEq(address(escrow).balance, 0);
    }

    function test_RevertWhen_ruleByReplacedArbitratorOnUnknownDispute() public {
        TestArbitrator next = new TestArbitrator(FEE);
        vm.prank(owner);
        escrow.setArbitrator(next, "");
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotArbitrator.selector, address(arbitrator)));
        vm.prank(address(arbitrator));
        escrow.rule(0, Rulings.REFUND);
    }

    function test_rule_newDisputesGoToNewArbitrator() public {
        TestArbitrator next = new TestArbitrator(2 * FEE);
        vm.prank(owner);
        escrow.setArbitrator(next, hex"beef");
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.deal(buyer, buyer.balance + 2 * FEE);
        vm.prank(buyer);
        escrow.openDispute{value: 2 * FEE}(id, o, EVIDENCE);
        vm.deal(seller, 2 * FEE);
        vm.prank(seller);
        uint256 disputeId = escrow.payArbitrationFee{value: 2 * FEE}(id, "");
        assertEq(next.disputeData(disputeId).extraData, hex"beef");
        next.giveRuling(disputeId, Rulings.RELEASE);
        assertEq(seller.balance, PRICE + 2 * FEE);
    }
}
