// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";

import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IWithdrawableArbitrator} from "../../src/interfaces/IWithdrawableArbitrator.sol";
import {Rulings} from "../../src/libraries/Rulings.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {TestArbitrator} from "../utils/TestArbitrator.sol";
import {WithdrawableTestArbitrator} from "../utils/WithdrawableTestArbitrator.sol";
import {HostileArbitrator} from "../utils/hostile/HostileArbitrator.sol";

/// @notice A settlement accepted on a disputed order ends the dispute: before the second fee the opener's
/// fee goes back; at the arbitrator the dispute is withdrawn where the arbitrator allows it (or its ruling is
/// ignored), and the fees that come back are shared in proportion to what each party paid.
contract EscrowSettlementDisputeTest is MarketFixture {
    uint256 internal constant DAY = 1 days;
    uint256 internal constant FEE_WINDOW = 7 days;

    WithdrawableTestArbitrator internal court;

    function setUp() public override {
        super.setUp();
        court = new WithdrawableTestArbitrator(FEE);
        vm.label(address(court), "court");
    }

    function _useCourt(TestArbitrator arb) internal {
        vm.prank(owner);
        escrow.setArbitrator(arb, EXTRA_DATA);
    }

    /// @dev `by` proposes `bps` and the other party accepts, on a (disputed) order.
    function _settle(uint256 id, Order memory o, address by, uint256 bps) internal returns (uint256 offerId) {
        offerId = _offer(id, o, by, bps);
        _acceptOffer(id, o, by, offerId);
    }

    function _offer(uint256 id, Order memory o, address by, uint256 bps) internal returns (uint256 offerId) {
        vm.prank(by);
        offerId = escrow.proposeSettlement(id, o, bps, block.timestamp + DAY, bytes32(0));
    }

    /// @dev The party other than the proposer `by` accepts.
    function _acceptOffer(uint256 id, Order memory o, address by, uint256 offerId) internal {
        vm.prank(by == o.buyer ? o.seller : o.buyer);
        escrow.acceptSettlement(id, o, offerId);
    }

    // ------------------------------------------------------------------ during the fee window

    function test_settle_inFeeWindowReturnsTheOpenersFee() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, buyer);
        uint256 buyerBefore = buyer.balance;
        vm.prank(seller);
        uint256 offerId = escrow.proposeSettlement(id, o, 5_000, block.timestamp + DAY, bytes32(0));
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderSettled(id, offerId, PRICE / 2, PRICE / 2);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, FEE, 0);
        vm.recordLogs();
        vm.prank(buyer);
        escrow.acceptSettlement(id, o, offerId);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            assertTrue(logs[i].topics[0] != IEscrow.DisputeSettled.selector, "no dispute at an arbitrator");
        }

        assertEq(buyer.balance - buyerBefore, PRICE / 2 + FEE);
        assertEq(seller.balance, PRICE / 2);
        assertEq(address(escrow).balance, 0);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Settled)));
        assertEq(uint8(_views().disputeInfo(id).stage), uint8(IEscrow.DisputeStage.None));
        assertEq(arbitrator.disputeCount(), 0);
    }

    function test_settle_inFeeWindowSellerOpened() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, seller);
        _settle(id, o, buyer, 2_000);
        assertEq(seller.balance, PRICE - PRICE / 5 + FEE);
        assertEq(address(escrow).balance, 0);
    }

    function test_RevertWhen_timeoutAfterSettlement() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, buyer);
        _settle(id, o, seller, 1_000);
        vm.warp(block.timestamp + FEE_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NoOpenDispute.selector, id));
        escrow.timeoutDispute(id);
    }

    // ------------------------------------------------------------------ at a withdrawable arbitrator

    function test_settle_withdrawsTheDisputeAndReturnsBothFees() public {
        _useCourt(court);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        uint256 buyerBefore = buyer.balance;

        uint256 offerId = _offer(id, d, seller, 4_000);
        vm.expectEmit(address(court));
        emit IWithdrawableArbitrator.DisputeWithdrawn(disputeId, FEE);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeSettled(id, address(court), disputeId, true, FEE);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, FEE, FEE);
        _acceptOffer(id, d, seller, offerId);

        assertEq(buyer.balance - buyerBefore, PRICE * 4 / 10 + FEE);
        assertEq(seller.balance, PRICE * 6 / 10 + FEE);
        assertEq(address(escrow).balance, 0);
        assertEq(address(court).balance, 0);
        assertEq(uint8(court.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Solved));
        assertEq(escrow.orderHash(id), _hash(_withState(d, OrderState.Settled)));
    }

    function test_settle_partialRefundSharesTheLoss() public {
        _useCourt(court);
        court.setRefundBps(6_000);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (, Order memory d) = _dispute(id, o);
        uint256 buyerBefore = buyer.balance;
        _settle(id, d, buyer, 0);
        // Back: the held fee plus 60 % of the one the court kept, half each since both paid the same.
        uint256 returned = FEE + FEE * 6 / 10;
        assertEq(buyer.balance - buyerBefore, returned / 2);
        assertEq(seller.balance, PRICE + returned - returned / 2);
        assertEq(address(escrow).balance, 0);
    }

    function test_settle_unequalFeesShareInProportion() public {
        _useCourt(court);
        court.setRefundBps(0);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, buyer);
        court.setFee(3 * FEE);
        vm.deal(seller, 3 * FEE);
        vm.prank(seller);
        escrow.payArbitrationFee{value: 3 * FEE}(id, "");
        uint256 buyerBefore = buyer.balance;
        _settle(id, o, buyer, 10_000);
        // Only the opener's fee comes back; the buyer paid a quarter of all fees, so it gets a quarter.
        assertEq(buyer.balance - buyerBefore, PRICE + FEE / 4);
        assertEq(seller.balance, FEE - FEE / 4);
    }

    function test_settle_unequalFeesFullRefundReturnsEachItsOwn() public {
        _useCourt(court);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, seller);
        court.setFee(3 * FEE);
        vm.deal(buyer, buyer.balance + 3 * FEE);
        vm.prank(buyer);
        escrow.payArbitrationFee{value: 3 * FEE}(id, "");
        uint256 buyerBefore = buyer.balance;
        _settle(id, o, seller, 5_000);
        assertEq(buyer.balance - buyerBefore, PRICE / 2 + 3 * FEE);
        assertEq(seller.balance, PRICE / 2 + FEE);
    }

    // ------------------------------------------------------------------ at a plain ERC-792 arbitrator

    function test_settle_plainArbitratorKeepsItsFeeAndItsRulingIsIgnored() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        uint256 buyerBefore = buyer.balance;
        uint256 offerId = _offer(id, d, seller, 3_000);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeSettled(id, address(arbitrator), disputeId, false, 0);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, FEE / 2, FEE - FEE / 2);
        _acceptOffer(id, d, seller, offerId);
        assertEq(buyer.balance - buyerBefore, PRICE * 3 / 10 + FEE / 2);
        assertEq(seller.balance, PRICE * 7 / 10 + FEE - FEE / 2);
        assertEq(address(escrow).balance, 0);

        // The arbitrator still rules: the escrow takes it without reverting and moves nothing.
        uint256 sellerAfter = seller.balance;
        vm.expectEmit(address(escrow));
        emit IEscrow.RulingIgnored(id, address(arbitrator), disputeId, Rulings.REFUND);
        arbitrator.giveRuling(disputeId, Rulings.REFUND);
        assertEq(seller.balance, sellerAfter);
        assertEq(escrow.orderHash(id), _hash(_withState(d, OrderState.Settled)));

        // Ignored however often it comes.
        vm.prank(address(arbitrator));
        escrow.rule(disputeId, Rulings.CHOICES + 1);
        assertEq(address(escrow).balance, 0);
    }

    function test_settle_duringTheAppealPeriod() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        arbitrator.proposeRuling(disputeId, Rulings.RELEASE);
        _settle(id, d, buyer, 2_500);
        vm.warp(block.timestamp + arbitrator.APPEAL_PERIOD());
        uint256 sellerBefore = seller.balance;
        arbitrator.executeRuling(disputeId);
        assertEq(seller.balance, sellerBefore, "the appealable ruling came too late");
    }

    function test_settle_byMediatorOnADisputedOrder() public {
        address mediator = makeAddr("mediator");
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (, Order memory d) = _dispute(id, o);
        vm.prank(seller);
        escrow.proposeMediator(id, d, mediator);
        vm.prank(buyer);
        escrow.acceptMediator(id, d, mediator);
        vm.prank(mediator);
        uint256 offerId = escrow.proposeSettlement(id, d, 6_000, block.timestamp + DAY, bytes32(0));
        vm.prank(buyer);
        escrow.acceptSettlement(id, d, offerId);
        vm.prank(seller);
        escrow.acceptSettlement(id, d, offerId);
        assertEq(escrow.orderHash(id), _hash(_withState(d, OrderState.Settled)));
        assertEq(address(escrow).balance, 0);
    }

    function test_RevertWhen_submitEvidenceAfterSettlement() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (, Order memory d) = _dispute(id, o);
        _settle(id, d, seller, 3_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.None));
        vm.prank(buyer);
        escrow.submitEvidence(id, "/ipfs/late");
    }

    // ------------------------------------------------------------------ races with the ruling

    function test_RevertWhen_acceptSettlementAfterRuling() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        vm.prank(seller);
        uint256 offerId = escrow.proposeSettlement(id, d, 5_000, block.timestamp + DAY, bytes32(0));
        arbitrator.giveRuling(disputeId, Rulings.RELEASE);
        uint256 sellerBefore = seller.balance;
        vm.expectRevert(abi.encodeWithSelector(IEscrow.DisputeAlreadyResolved.selector, id));
        vm.prank(buyer);
        escrow.acceptSettlement(id, d, offerId);
        assertEq(seller.balance, sellerBefore);
    }

    function test_RevertWhen_proposeSettlementAfterRuling() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        arbitrator.giveRuling(disputeId, Rulings.REFUSED);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.DisputeAlreadyResolved.selector, id));
        vm.prank(buyer);
        escrow.proposeSettlement(id, d, 5_000, block.timestamp + DAY, bytes32(0));
    }

    function test_RevertWhen_acceptSettlementAfterTimeout() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _openDispute(id, o, buyer);
        vm.prank(buyer);
        uint256 offerId = escrow.proposeSettlement(id, o, 5_000, block.timestamp + 30 days, bytes32(0));
        vm.warp(block.timestamp + FEE_WINDOW);
        escrow.timeoutDispute(id);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.DisputeAlreadyResolved.selector, id));
        vm.prank(seller);
        escrow.acceptSettlement(id, o, offerId);
    }

    // ------------------------------------------------------------------ hostile arbitrators

    function test_settle_arbitratorReenteringOnWithdrawalIsTreatedAsPlain() public {
        HostileArbitrator hostile = new HostileArbitrator(FEE);
        hostile.setMode(HostileArbitrator.Mode.Reenter);
        _useCourt(hostile);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        uint256 offerId = _offer(id, d, seller, 5_000);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeSettled(id, address(hostile), disputeId, false, 0);
        _acceptOffer(id, d, seller, offerId);
        assertEq(address(escrow).balance, 0);
        assertEq(address(hostile).balance, FEE, "it keeps the fee it was paid");
    }

    function test_settle_arbitratorKeepingTheFeeReturnsOnlyTheHeldOne() public {
        HostileArbitrator hostile = new HostileArbitrator(FEE);
        hostile.setMode(HostileArbitrator.Mode.KeepFee);
        _useCourt(hostile);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        uint256 offerId = _offer(id, d, seller, 5_000);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeSettled(id, address(hostile), disputeId, true, 0);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitrationFeesRefunded(id, FEE / 2, FEE - FEE / 2);
        _acceptOffer(id, d, seller, offerId);
        assertEq(address(escrow).balance, 0);
    }

    function test_RevertWhen_arbitratorPaysOutsideAWithdrawal() public {
        vm.deal(address(this), 1 ether);
        HostileArbitrator hostile = new HostileArbitrator(FEE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.UnexpectedPayment.selector, address(hostile)));
        hostile.push{value: 1 ether}(address(escrow));
    }

    function test_rule_reentrancyDuringWithdrawalIsRefused() public {
        HostileArbitrator hostile = new HostileArbitrator(FEE);
        hostile.setMode(HostileArbitrator.Mode.Reenter);
        _useCourt(hostile);
        (, uint256 id, Order memory o) = _escrowedNative(1);
        (uint256 disputeId, Order memory d) = _dispute(id, o);
        _settle(id, d, seller, 0);
        // Afterwards the hostile arbitrator's own ruling is just ignored.
        vm.expectEmit(address(escrow));
        emit IEscrow.RulingIgnored(id, address(hostile), disputeId, 1);
        vm.prank(address(hostile));
        IArbitrable(address(escrow)).rule(disputeId, 1);
    }
}
