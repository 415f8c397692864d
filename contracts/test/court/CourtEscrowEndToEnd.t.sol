// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {CourtMarketFixture} from "./CourtMarketFixture.sol";

/// @notice A trade dispute from the escrow through the real court: both fees, the draw, commit and reveal, an
/// appeal, the ruling carried out on the order, the arbiters paid; and a settlement that withdraws a dispute.
contract CourtEscrowEndToEndTest is CourtMarketFixture {
    /// @dev Buyer opens, seller pays: the dispute is at the court.
    function _disputeAtCourt() internal returns (uint256 id, Order memory o, uint256 disputeId) {
        (, id, o) = _escrowedNative(1);
        uint256 cost = court.arbitrationCost("");
        assertEq(cost, 3 * FEE_PER_ARBITER);
        vm.deal(buyer, buyer.balance + cost);
        vm.prank(buyer);
        escrow.openDispute{value: cost}(id, o, "/ipfs/evidence-buyer");
        o.state = OrderState.Disputed;
        vm.deal(seller, seller.balance + cost);
        vm.prank(seller);
        disputeId = escrow.payArbitrationFee{value: cost}(id, "/ipfs/evidence-seller");
        assertEq(views.disputeInfo(disputeId).arbitrable, address(escrow));
    }

    function test_tradeDispute_appealedRulingRefundsBuyer() public {
        (uint256 id, Order memory o, uint256 disputeId) = _disputeAtCourt();
        uint256 buyerBefore = buyer.balance;
        uint256 sellerBefore = seller.balance;

        // First committee: release to the seller, 2 to 1.
        _drawAndVote(disputeId, 2, 1);
        assertEq(court.currentRuling(disputeId), 2);

        // The buyer appeals; seven fresh seats refund it, 5 to 2.
        uint256 appealCost = court.appealCost(disputeId, "");
        assertEq(appealCost, 7 * FEE_PER_ARBITER);
        vm.deal(buyer, buyer.balance + appealCost);
        vm.prank(buyer);
        court.appeal{value: appealCost}(disputeId, "");
        _drawAndVote(disputeId, 1, 2);
        assertEq(court.currentRuling(disputeId), 1);
        vm.warp(views.roundInfo(disputeId, 1).appealEnd);

        vm.expectEmit(address(escrow));
        emit IEscrow.OrderResolved(id, 1, o.amount, 0);
        court.executeRuling(disputeId);
        // The buyer gets the price back and its own fee (the seller's paid the court).
        assertEq(buyer.balance, buyerBefore + o.amount + 3 * FEE_PER_ARBITER);
        assertEq(seller.balance, sellerBefore);
        assertEq(escrow.orderHash(id), keccak256(abi.encode(_withState(o, OrderState.Resolved))));

        // Round 0: the seat that voted 1 is coherent with the final ruling and takes its round's fee and the
        // two others' penalty; round 1: five coherent seats share 7 fees and two penalties.
        court.settle(disputeId, 0, 100);
        court.settle(disputeId, 1, 100);
        uint256 credited;
        uint256 tokens;
        for (uint256 i; i < arbiters.length; ++i) {
            (uint256 n, uint256 t) = views.owed(arbiters[i]);
            credited += n;
            tokens += t;
        }
        (uint256 treasuryNative, uint256 treasuryTokens) = views.owed(owner);
        assertEq(credited + treasuryNative, 10 * FEE_PER_ARBITER);
        assertEq(tokens + treasuryTokens, 4 * 10 ether);
        assertEq(address(court).balance, 10 * FEE_PER_ARBITER);
        vm.expectRevert();
        court.executeRuling(disputeId);
    }

    function test_settlement_beforeDrawWithdrawsDisputeAndReturnsBothFees() public {
        (uint256 id, Order memory o, uint256 disputeId) = _disputeAtCourt();
        uint256 buyerBefore = buyer.balance;
        uint256 sellerBefore = seller.balance;
        vm.prank(buyer);
        uint256 offerId = escrow.proposeSettlement(id, o, 4_000, block.timestamp + 1 days, bytes32(0));
        vm.prank(seller);
        escrow.acceptSettlement(id, o, offerId);
        assertTrue(views.disputeInfo(disputeId).withdrawn);
        assertEq(address(court).balance, 0);
        uint256 cost = 3 * FEE_PER_ARBITER;
        assertEq(buyer.balance, buyerBefore + o.amount * 4_000 / 10_000 + cost);
        assertEq(seller.balance, sellerBefore + o.amount - o.amount * 4_000 / 10_000 + cost);
    }

    function test_settlement_afterDrawPaysDrawnArbitersAndSharesTheRest() public {
        (uint256 id, Order memory o, uint256 disputeId) = _disputeAtCourt();
        vm.roll(views.roundInfo(disputeId, 0).ticket);
        court.drawCommittee(disputeId, 100);
        uint256 buyerBefore = buyer.balance;
        uint256 sellerBefore = seller.balance;
        vm.prank(seller);
        uint256 offerId = escrow.proposeSettlement(id, o, 10_000, block.timestamp + 1 days, bytes32(0));
        vm.prank(buyer);
        escrow.acceptSettlement(id, o, offerId);
        // The drawn committee keeps the court's fee; the escrow's held fee is shared half and half.
        uint256 cost = 3 * FEE_PER_ARBITER;
        assertEq(buyer.balance, buyerBefore + o.amount + cost / 2);
        assertEq(seller.balance, sellerBefore + cost / 2);
        assertEq(court.settle(disputeId, 0, 10), 3);
        for (uint256 s; s < 3; ++s) {
            (, uint256 locked) = views.stakeOf(views.seatInfo(disputeId, 0, s).arbiter);
            assertEq(locked, 0);
        }
        // A ruling can no longer come: the dispute is withdrawn.
        vm.expectRevert();
        court.executeRuling(disputeId);
    }
}
