// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {CourtViews} from "../../src/court/CourtViews.sol";
import {PrevrandaoRandomness} from "../../src/court/PrevrandaoRandomness.sol";
import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {ICourt} from "../../src/interfaces/ICourt.sol";
import {ICourtViews} from "../../src/interfaces/ICourtViews.sol";
import {IWithdrawableArbitrator} from "../../src/interfaces/IWithdrawableArbitrator.sol";
import {CourtParameters, CourtPhase} from "../../src/types/CourtTypes.sol";
import {CourtFixture} from "./CourtFixture.sol";

contract CourtTest is CourtFixture {
    function setUp() public override {
        super.setUp();
        _stakeArbiters(10, 1_000 ether);
    }

    // ------------------------------------------------------------------ staking

    function test_setStake_addsWeightAndPullsTokens() public {
        address a = makeAddr("newcomer");
        uint256 before = views.totalWeight();
        _stake(a, 250 ether);
        (uint256 stake, uint256 locked) = views.stakeOf(a);
        assertEq(stake, 250 ether);
        assertEq(locked, 0);
        assertEq(views.totalWeight(), before + 250 ether / 1e9);
        assertEq(token.balanceOf(address(court)), 10 * 1_000 ether + 250 ether);
    }

    function test_setStake_lowerAndLeaveReturnTokens() public {
        address a = arbiters[0];
        vm.prank(a);
        court.setStake(400 ether);
        assertEq(token.balanceOf(a), 600 ether);
        vm.prank(a);
        court.setStake(0);
        assertEq(token.balanceOf(a), 1_000 ether);
        assertEq(views.totalWeight(), 9 * 1_000 ether / 1e9);
        // A leaver's leaf is reused by the next arbiter.
        _stake(makeAddr("next"), 100 ether);
        assertEq(views.totalWeight(), (9 * 1_000 ether + 100 ether) / 1e9);
    }

    function test_RevertWhen_setStakeBelowMinimum() public {
        vm.prank(arbiters[0]);
        vm.expectRevert(abi.encodeWithSelector(ICourt.StakeBelowMinimum.selector, 1 ether, MIN_STAKE));
        court.setStake(1 ether);
    }

    function test_RevertWhen_setStakeUnchanged() public {
        vm.prank(arbiters[0]);
        vm.expectRevert(abi.encodeWithSelector(ICourt.StakeUnchanged.selector, 1_000 ether));
        court.setStake(1_000 ether);
    }

    function test_RevertWhen_setStakeTooLarge() public {
        vm.prank(arbiters[0]);
        vm.expectRevert(abi.encodeWithSelector(ICourt.StakeTooLarge.selector, uint256(1) << 96));
        court.setStake(uint256(1) << 96);
    }

    /// @dev Attack: an arbiter drawn on an open dispute tries to take its stake out before the ruling.
    function test_RevertWhen_unstakingWhileDrawn() public {
        uint256 id = _createDispute();
        _draw(id);
        address a = views.seatInfo(id, 0, 0).arbiter;
        (, uint256 locked) = views.stakeOf(a);
        assertGe(locked, LOCK);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(ICourt.StakeLocked.selector, 0, locked));
        court.setStake(0);
        // Lowering to the locked part (and the minimum) stays allowed.
        vm.prank(a);
        court.setStake(MIN_STAKE);
    }

    // ------------------------------------------------------------------ disputes and draws

    function test_createDispute_requestsRandomnessAndTakesFee() public {
        vm.expectEmit(address(court));
        emit IArbitrator.DisputeCreation(0, IArbitrable(address(arbitrable)));
        uint256 id = _createDispute();
        ICourtViews.RoundInfo memory info = views.roundInfo(id, 0);
        assertEq(info.committee, 3);
        assertEq(info.fee, 3 * FEE_PER_ARBITER);
        assertEq(info.ticket, block.number + 1);
        assertEq(info.lockPerSeat, LOCK);
        assertEq(uint8(views.phase(id)), uint8(CourtPhase.Drawing));
        assertEq(address(court).balance, 3 * FEE_PER_ARBITER);
        assertEq(views.disputeCount(), 1);
    }

    function test_createDispute_committeeFromExtraData() public {
        bytes memory extra = abi.encode(uint256(4));
        uint256 cost = court.arbitrationCost(extra);
        assertEq(cost, 5 * FEE_PER_ARBITER);
        uint256 id = arbitrable.create{value: cost}(2, extra);
        assertEq(views.roundInfo(id, 0).committee, 5);
    }

    function test_RevertWhen_createDisputeUnderpaid() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICourt.InsufficientFee.selector, 3 * FEE_PER_ARBITER, FEE_PER_ARBITER)
        );
        arbitrable.create{value: FEE_PER_ARBITER}(2, "");
    }

    function test_RevertWhen_createDisputeTooManyChoices() public {
        uint256 cost = court.arbitrationCost("");
        vm.expectRevert(
            abi.encodeWithSelector(ICourt.TooManyChoices.selector, uint256(1) << 32, type(uint32).max)
        );
        arbitrable.create{value: cost}(uint256(1) << 32, "");
    }

    function test_drawCommittee_locksStakeAndSchedulesPeriods() public {
        uint256 id = _createDispute();
        _draw(id);
        ICourtViews.RoundInfo memory info = views.roundInfo(id, 0);
        assertEq(info.drawn, 3);
        assertEq(info.commitEnd, block.timestamp + PERIOD);
        assertEq(info.revealEnd, block.timestamp + 2 * PERIOD);
        assertEq(info.appealEnd, block.timestamp + 3 * PERIOD);
        uint256 totalLocked;
        for (uint256 i; i < arbiters.length; ++i) {
            (, uint256 locked) = views.stakeOf(arbiters[i]);
            totalLocked += locked;
        }
        assertEq(totalLocked, 3 * LOCK);
        assertEq(uint8(views.phase(id)), uint8(CourtPhase.Commit));
    }

    function test_drawCommittee_inBatches() public {
        uint256 id = _createDispute();
        vm.roll(views.roundInfo(id, 0).ticket);
        assertEq(court.drawCommittee(id, 1), 1);
        // Later batches reuse the stored seed, whatever block they land in.
        vm.roll(block.number + 50);
        assertEq(court.drawCommittee(id, 5), 2);
        assertEq(views.roundInfo(id, 0).drawn, 3);
    }

    function test_RevertWhen_drawBeforeRandomness() public {
        uint256 id = _createDispute();
        uint256 ticket = views.roundInfo(id, 0).ticket;
        vm.expectRevert(abi.encodeWithSelector(ICourt.RandomnessNotReady.selector, id, ticket));
        court.drawCommittee(id, 3);
    }

    function test_drawCommittee_expiredTicketRequestsAnew() public {
        uint256 id = _createDispute();
        uint256 ticket = views.roundInfo(id, 0).ticket;
        vm.roll(ticket + 10);
        assertEq(court.drawCommittee(id, 3), 0);
        uint256 fresh = views.roundInfo(id, 0).ticket;
        assertEq(fresh, block.number + 1);
        vm.roll(fresh);
        assertEq(court.drawCommittee(id, 3), 3);
    }

    function test_drawCommittee_recordedTicketDrawsLater() public {
        uint256 id = _createDispute();
        vm.roll(views.roundInfo(id, 0).ticket);
        randomness.record();
        vm.roll(block.number + 100);
        assertEq(court.drawCommittee(id, 3), 3);
    }

    function test_RevertWhen_drawWithoutArbiters() public {
        for (uint256 i; i < arbiters.length; ++i) {
            vm.prank(arbiters[i]);
            court.setStake(0);
        }
        uint256 id = _createDispute();
        vm.roll(views.roundInfo(id, 0).ticket);
        vm.expectRevert(ICourt.NoArbiters.selector);
        court.drawCommittee(id, 3);
    }

    function test_RevertWhen_drawCompleteCommittee() public {
        uint256 id = _createDispute();
        _draw(id);
        vm.expectRevert(abi.encodeWithSelector(ICourt.CommitteeComplete.selector, id, 0));
        court.drawCommittee(id, 3);
    }

    function test_drawCommittee_skipsArbitersWithoutFreeStake() public {
        // One arbiter only, whose stake backs exactly two seats: the third seat cannot be filled.
        for (uint256 i = 1; i < arbiters.length; ++i) {
            vm.prank(arbiters[i]);
            court.setStake(0);
        }
        vm.prank(arbiters[0]);
        court.setStake(2 * LOCK < MIN_STAKE ? MIN_STAKE : 2 * LOCK);
        (uint256 stake,) = views.stakeOf(arbiters[0]);
        uint256 seats = stake / LOCK;
        uint256 id = _createDispute();
        vm.roll(views.roundInfo(id, 0).ticket);
        uint256 drawn = court.drawCommittee(id, 20);
        assertEq(drawn, seats < 3 ? seats : 3);
    }

    function test_RevertWhen_unknownDispute() public {
        vm.expectRevert(abi.encodeWithSelector(ICourt.DisputeNotFound.selector, 7));
        court.drawCommittee(7, 1);
        vm.expectRevert(abi.encodeWithSelector(ICourt.DisputeNotFound.selector, 7));
        views.phase(7);
    }

    // ------------------------------------------------------------------ commit and reveal

    function test_vote_majorityRules() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1, 2, 1));
        assertEq(court.currentRuling(id), 1);
        assertEq(views.voteCount(id, 0, 1), 2);
        assertEq(uint8(court.disputeStatus(id)), uint8(IArbitrator.DisputeStatus.Appealable));
    }

    function test_vote_tieGoesToDefault() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1, 2, 1001));
        assertEq(court.currentRuling(id), 0);
        assertTrue(views.roundInfo(id, 0).tied);
    }

    function test_vote_nobodyRevealsIsDefault() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1001, 1001, 1001));
        assertEq(court.currentRuling(id), 0);
    }

    function test_RevertWhen_commitZero() public {
        uint256 id = _createDispute();
        _draw(id);
        vm.prank(views.seatInfo(id, 0, 0).arbiter);
        vm.expectRevert(ICourt.ZeroCommitment.selector);
        court.commitVote(id, 0, 0, 0);
    }

    function test_RevertWhen_commitBeforeDraw() public {
        uint256 id = _createDispute();
        vm.expectRevert(abi.encodeWithSelector(ICourt.CommitteeNotDrawn.selector, id, 0));
        court.commitVote(id, 0, 0, keccak256("x"));
    }

    /// @dev Attack: someone who was not drawn votes on a seat.
    function test_RevertWhen_nonDrawnVoter() public {
        uint256 id = _createDispute();
        _draw(id);
        address outsider = makeAddr("outsider");
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NotDrawn.selector, id, 0, 0, outsider));
        court.commitVote(id, 0, 0, keccak256("x"));
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NotDrawn.selector, id, 0, 3, outsider));
        court.commitVote(id, 0, 3, keccak256("x"));
        vm.expectRevert(abi.encodeWithSelector(ICourt.RoundNotFound.selector, id, 1));
        court.commitVote(id, 1, 0, keccak256("x"));
    }

    function test_RevertWhen_commitTwice() public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 1);
        vm.prank(views.seatInfo(id, 0, 0).arbiter);
        vm.expectRevert(abi.encodeWithSelector(ICourt.AlreadyCommitted.selector, id, 0, 0));
        court.commitVote(id, 0, 0, keccak256("again"));
    }

    function test_RevertWhen_commitAfterPeriod() public {
        uint256 id = _createDispute();
        _draw(id);
        uint256 end = views.roundInfo(id, 0).commitEnd;
        vm.warp(end);
        vm.prank(views.seatInfo(id, 0, 0).arbiter);
        vm.expectRevert(abi.encodeWithSelector(ICourt.CommitPeriodOver.selector, id, 0, end));
        court.commitVote(id, 0, 0, keccak256("late"));
    }

    function test_RevertWhen_revealBeforeCommitEnds() public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 1);
        address a = views.seatInfo(id, 0, 0).arbiter;
        uint256 end = views.roundInfo(id, 0).commitEnd;
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RevealNotStarted.selector, id, 0, end));
        court.revealVote(id, 0, 0, 1, _salt(id, 0, 0));
    }

    /// @dev Attack: revealing a ruling other than the committed one.
    function test_RevertWhen_revealDiffersFromCommitment() public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 1);
        vm.warp(views.roundInfo(id, 0).commitEnd);
        address a = views.seatInfo(id, 0, 0).arbiter;
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(ICourt.CommitmentMismatch.selector, id, 0, 0));
        court.revealVote(id, 0, 0, 2, _salt(id, 0, 0));
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(ICourt.CommitmentMismatch.selector, id, 0, 0));
        court.revealVote(id, 0, 0, 1, keccak256("wrong salt"));
    }

    /// @dev Attack: revealing twice to count a vote twice.
    function test_RevertWhen_doubleReveal() public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 1);
        vm.warp(views.roundInfo(id, 0).commitEnd);
        _reveal(id, 0, 0, 1);
        address a = views.seatInfo(id, 0, 0).arbiter;
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(ICourt.AlreadyRevealed.selector, id, 0, 0));
        court.revealVote(id, 0, 0, 1, _salt(id, 0, 0));
        assertEq(views.voteCount(id, 0, 1), 1);
    }

    /// @dev Attack: revealing after the deadline, once others' votes are known.
    function test_RevertWhen_lateReveal() public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 1);
        uint256 end = views.roundInfo(id, 0).revealEnd;
        vm.warp(end);
        vm.prank(views.seatInfo(id, 0, 0).arbiter);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RevealPeriodOver.selector, id, 0, end));
        court.revealVote(id, 0, 0, 1, _salt(id, 0, 0));
    }

    function test_RevertWhen_revealWithoutCommit() public {
        uint256 id = _createDispute();
        _draw(id);
        vm.warp(views.roundInfo(id, 0).commitEnd);
        vm.prank(views.seatInfo(id, 0, 0).arbiter);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NotCommitted.selector, id, 0, 0));
        court.revealVote(id, 0, 0, 1, _salt(id, 0, 0));
    }

    function test_RevertWhen_revealRulingOutOfRange() public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 3);
        vm.warp(views.roundInfo(id, 0).commitEnd);
        vm.prank(views.seatInfo(id, 0, 0).arbiter);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RulingOutOfRange.selector, 3, 2));
        court.revealVote(id, 0, 0, 3, _salt(id, 0, 0));
    }

    function test_RevertWhen_commitmentCopiedToAnotherSeat() public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 1);
        // Seat 1 copies seat 0's commitment without knowing its salt: it cannot reveal it.
        bytes32 copied = views.seatInfo(id, 0, 0).commitment;
        address other = views.seatInfo(id, 0, 1).arbiter;
        vm.prank(other);
        court.commitVote(id, 0, 1, copied);
        vm.warp(views.roundInfo(id, 0).commitEnd);
        vm.prank(other);
        vm.expectRevert(abi.encodeWithSelector(ICourt.CommitmentMismatch.selector, id, 0, 1));
        court.revealVote(id, 0, 1, 1, _salt(id, 0, 0));
    }

    // ------------------------------------------------------------------ appeals

    function test_appeal_drawsCommitteeOf2NPlus1() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1, 1, 2));
        uint256 cost = court.appealCost(id, "");
        assertEq(cost, 7 * FEE_PER_ARBITER);
        (uint256 start, uint256 end) = court.appealPeriod(id);
        assertEq(start, block.timestamp);
        assertEq(end, block.timestamp + PERIOD);
        address appellant = makeAddr("appellant");
        vm.deal(appellant, cost);
        vm.prank(appellant);
        court.appeal{value: cost}(id, "");
        ICourtViews.RoundInfo memory info = views.roundInfo(id, 1);
        assertEq(info.committee, 7);
        assertEq(info.appellant, appellant);
        assertEq(views.disputeInfo(id).rounds, 2);
        assertEq(uint8(views.phase(id)), uint8(CourtPhase.Drawing));
        assertEq(court.appealCost(id, ""), type(uint256).max);
        _draw(id);
        uint256[] memory v = new uint256[](7);
        for (uint256 i; i < 7; ++i) {
            v[i] = i < 4 ? 2 : 1;
        }
        _vote(id, v);
        assertEq(court.currentRuling(id), 2);
    }

    function test_RevertWhen_appealOutsidePeriod() public {
        uint256 id = _createDispute();
        _draw(id);
        (uint256 start, uint256 end) = court.appealPeriod(id);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NotAppealPeriod.selector, id, start, end));
        court.appeal{value: 1 ether}(id, "");
        _vote(id, _votes3(1, 1, 1));
        vm.warp(end);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NotAppealPeriod.selector, id, start, end));
        court.appeal{value: 1 ether}(id, "");
    }

    function test_RevertWhen_appealUnderpaid() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1, 1, 1));
        vm.expectRevert(
            abi.encodeWithSelector(ICourt.InsufficientFee.selector, 7 * FEE_PER_ARBITER, FEE_PER_ARBITER)
        );
        court.appeal{value: FEE_PER_ARBITER}(id, "");
    }

    function test_RevertWhen_appealBeyondLargestCommittee() public {
        _stakeArbiters(1, 1_000_000 ether);
        bytes memory extra = abi.encode(uint256(1023));
        uint256 cost = court.arbitrationCost(extra);
        vm.deal(address(this), cost);
        uint256 id = arbitrable.create{value: cost}(2, extra);
        _draw(id);
        assertEq(views.roundInfo(id, 0).appealEnd, views.roundInfo(id, 0).revealEnd);
        vm.warp(views.roundInfo(id, 0).revealEnd - 1);
        vm.expectRevert(abi.encodeWithSelector(ICourt.AppealLimitReached.selector, id, 1023));
        court.appeal(id, "");
    }

    // ------------------------------------------------------------------ rulings

    function test_executeRuling_passesFinalRulingOnce() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(2, 2, 1));
        uint256 end = views.roundInfo(id, 0).appealEnd;
        vm.expectRevert(abi.encodeWithSelector(ICourt.RulingNotFinal.selector, id, end));
        court.executeRuling(id);
        _toFinal(id);
        assertEq(uint8(court.disputeStatus(id)), uint8(IArbitrator.DisputeStatus.Solved));
        vm.expectEmit(address(court));
        emit ICourt.RulingExecuted(id, address(arbitrable), 2);
        court.executeRuling(id);
        assertEq(arbitrable.rulings(id), 2);
        assertEq(arbitrable.ruled(id), 1);
        assertTrue(views.disputeInfo(id).executed);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RulingAlreadyExecuted.selector, id));
        court.executeRuling(id);
    }

    // ------------------------------------------------------------------ settlement

    function test_settle_coherentShareFeesAndPenalties() public {
        uint256 id = _createDispute();
        _draw(id);
        address[3] memory seat;
        for (uint256 i; i < 3; ++i) {
            seat[i] = views.seatInfo(id, 0, i).arbiter;
        }
        // Seats 0 and 1 vote 1, seat 2 stays silent.
        _vote(id, _votes3(1, 1, 1001));
        _toFinal(id);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RoundNotFound.selector, id, 1));
        court.settle(id, 1, 10);
        assertEq(court.settle(id, 0, 4), 4);
        assertEq(court.settle(id, 0, 10), 2);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RoundSettled.selector, id, 0));
        court.settle(id, 0, 10);

        uint256 fee = 3 * FEE_PER_ARBITER;
        uint256 native0;
        uint256 tokens0;
        (native0, tokens0) = views.owed(seat[0]);
        if (seat[0] != seat[1] && seat[0] != seat[2]) {
            assertEq(native0, fee / 2);
            assertEq(tokens0, LOCK / 2);
        }
        (uint256 stake2, uint256 locked2) = views.stakeOf(seat[2]);
        if (seat[2] != seat[0] && seat[2] != seat[1]) {
            assertEq(stake2, 1_000 ether - LOCK);
            assertEq(locked2, 0);
        }
        assertEq(views.pendingPenalties(), 0);
        _assertSolvent();
    }

    function test_settle_nobodyCoherentPaysTreasury() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1001, 1001, 1001));
        _toFinal(id);
        court.settle(id, 0, 10);
        (uint256 native, uint256 tokens) = views.owed(owner);
        assertEq(native, 3 * FEE_PER_ARBITER);
        assertEq(tokens, 3 * LOCK);
        uint256 before = owner.balance;
        vm.prank(owner);
        court.withdraw();
        assertEq(owner.balance, before + 3 * FEE_PER_ARBITER);
        assertEq(token.balanceOf(owner), 3 * LOCK);
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NothingOwed.selector, owner));
        court.withdraw();
    }

    function test_settle_appealedRoundsFollowFinalRuling() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1, 1, 1));
        uint256 cost = court.appealCost(id, "");
        court.appeal{value: cost}(id, "");
        _draw(id);
        uint256[] memory v = new uint256[](7);
        for (uint256 i; i < 7; ++i) {
            v[i] = 2;
        }
        _vote(id, v);
        _toFinal(id);
        court.executeRuling(id);
        assertEq(arbitrable.rulings(id), 2);
        _settleAll(id);
        // Round 0 voted 1 against the final 2: every seat lost its lock and its fee went to the treasury.
        (uint256 native,) = views.owed(owner);
        assertEq(native, 3 * FEE_PER_ARBITER + 7 * FEE_PER_ARBITER % 7);
        _assertSolvent();
    }

    function test_RevertWhen_settleBeforeFinal() public {
        uint256 id = _createDispute();
        _draw(id);
        vm.expectRevert(
            abi.encodeWithSelector(ICourt.RulingNotFinal.selector, id, views.roundInfo(id, 0).appealEnd)
        );
        court.settle(id, 0, 10);
    }

    // ------------------------------------------------------------------ withdrawal by the arbitrable

    function test_withdrawDispute_beforeDrawRefundsAll() public {
        uint256 id = _createDispute();
        uint256 before = address(arbitrable).balance;
        vm.expectEmit(address(court));
        emit IWithdrawableArbitrator.DisputeWithdrawn(id, 3 * FEE_PER_ARBITER);
        arbitrable.withdraw(id);
        assertEq(address(arbitrable).balance, before + 3 * FEE_PER_ARBITER);
        assertEq(uint8(views.phase(id)), uint8(CourtPhase.Withdrawn));
        assertEq(court.currentRuling(id), 0);
        vm.expectRevert(abi.encodeWithSelector(ICourt.DisputeWithdrawnAlready.selector, id));
        arbitrable.withdraw(id);
        vm.expectRevert(abi.encodeWithSelector(ICourt.DisputeWithdrawnAlready.selector, id));
        court.executeRuling(id);
    }

    function test_withdrawDispute_afterDrawPaysDrawnSeats() public {
        uint256 id = _createDispute();
        vm.roll(views.roundInfo(id, 0).ticket);
        court.drawCommittee(id, 2);
        uint256 refund = arbitrable.withdraw(id);
        assertEq(refund, FEE_PER_ARBITER);
        assertEq(court.settle(id, 0, 10), 2);
        for (uint256 i; i < 2; ++i) {
            (uint256 stake, uint256 locked) = views.stakeOf(views.seatInfo(id, 0, i).arbiter);
            assertEq(locked, 0);
            assertEq(stake, 1_000 ether);
        }
        _assertSolvent();
    }

    function test_withdrawDispute_refundsAppellant() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1, 1, 1));
        address appellant = makeAddr("appellant");
        uint256 cost = court.appealCost(id, "");
        vm.deal(appellant, cost);
        vm.prank(appellant);
        court.appeal{value: cost}(id, "");
        assertEq(arbitrable.withdraw(id), 0);
        (uint256 native,) = views.owed(appellant);
        assertEq(native, cost);
        vm.expectRevert(abi.encodeWithSelector(ICourt.DisputeWithdrawnAlready.selector, id));
        court.commitVote(id, 1, 0, keccak256("x"));
    }

    function test_RevertWhen_withdrawDisputeByStranger() public {
        uint256 id = _createDispute();
        vm.expectRevert(abi.encodeWithSelector(ICourt.NotArbitrable.selector, id, address(this)));
        court.withdrawDispute(id);
    }

    function test_RevertWhen_withdrawFinalDispute() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1, 1, 1));
        _toFinal(id);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RulingFinal.selector, id));
        arbitrable.withdraw(id);
    }

    // ------------------------------------------------------------------ owner

    function test_setParameters_ownerOnlyAndChecked() public {
        CourtParameters memory p = _defaultParams();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        court.setParameters(p);
        vm.startPrank(owner);
        p.committeeSize = 4;
        vm.expectRevert(abi.encodeWithSelector(ICourt.InvalidCommitteeSize.selector, 4));
        court.setParameters(p);
        p.committeeSize = 5;
        p.penaltyBps = 10_001;
        vm.expectRevert(abi.encodeWithSelector(ICourt.InvalidPenalty.selector, 10_001));
        court.setParameters(p);
        p.penaltyBps = 100;
        p.minStake = 1;
        vm.expectRevert(abi.encodeWithSelector(ICourt.InvalidMinStake.selector, 1));
        court.setParameters(p);
        p.minStake = MIN_STAKE;
        p.revealPeriod = 59 minutes;
        vm.expectRevert(abi.encodeWithSelector(ICourt.InvalidPeriod.selector, 59 minutes));
        court.setParameters(p);
        p.revealPeriod = PERIOD;
        court.setParameters(p);
        vm.stopPrank();
        assertEq(views.parameters().committeeSize, 5);
        assertEq(court.arbitrationCost(""), 5 * FEE_PER_ARBITER);
    }

    function test_setRandomness_pendingDrawsRequestAnew() public {
        uint256 id = _createDispute();
        PrevrandaoRandomness next = new PrevrandaoRandomness(3);
        vm.prank(owner);
        court.setRandomness(next);
        assertEq(address(views.randomness()), address(next));
        vm.roll(views.roundInfo(id, 0).ticket);
        assertEq(court.drawCommittee(id, 3), 0);
        assertEq(views.roundInfo(id, 0).ticket, block.number + 3);
        vm.prank(owner);
        vm.expectRevert(ICourt.ZeroAddress.selector);
        court.setRandomness(PrevrandaoRandomness(address(0)));
    }

    function test_views_atTheirOwnAddressHoldNothing() public {
        CourtViews standalone = new CourtViews();
        assertEq(standalone.disputeCount(), 0);
        assertEq(standalone.totalWeight(), 0);
        assertEq(court.token(), address(token));
    }

    function _assertSolvent() internal view {
        uint256 stakes;
        uint256 owedTokens;
        for (uint256 i; i < arbiters.length; ++i) {
            (uint256 s,) = views.stakeOf(arbiters[i]);
            (, uint256 t) = views.owed(arbiters[i]);
            stakes += s;
            owedTokens += t;
        }
        (, uint256 ownerTokens) = views.owed(owner);
        assertEq(
            token.balanceOf(address(court)), stakes + owedTokens + ownerTokens + views.pendingPenalties()
        );
    }
}
