// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICourt} from "../../src/interfaces/ICourt.sol";
import {ICourtViews} from "../../src/interfaces/ICourtViews.sol";
import {CourtFees} from "../../src/libraries/CourtFees.sol";
import {CourtFixture} from "./CourtFixture.sol";

contract CourtFuzzTest is CourtFixture {
    function setUp() public override {
        super.setUp();
        _stakeArbiters(8, 2_000 ether);
    }

    function testFuzz_setStake_treeFollowsStakes(uint96[4] memory stakes) public {
        for (uint256 i; i < 4; ++i) {
            uint256 s = stakes[i] % 3 == 0 ? 0 : bound(stakes[i], MIN_STAKE, 1e9 ether);
            (uint256 current,) = views.stakeOf(arbiters[i]);
            if (s == current) continue;
            _stake(arbiters[i], s);
        }
        uint256 weights;
        uint256 sum;
        for (uint256 i; i < arbiters.length; ++i) {
            (uint256 s,) = views.stakeOf(arbiters[i]);
            weights += s / 1e9;
            sum += s;
        }
        assertEq(views.totalWeight(), weights);
        assertEq(token.balanceOf(address(court)), sum);
    }

    /// @dev Any overpayment is the round's fee; the arbiters get all of it between them and the treasury.
    function testFuzz_createDispute_overpaymentIsFee(uint96 paid) public {
        uint256 cost = court.arbitrationCost("");
        paid = uint96(bound(paid, cost, 100 ether));
        vm.deal(address(this), paid);
        uint256 id = arbitrable.create{value: paid}(2, "");
        assertEq(views.roundInfo(id, 0).fee, paid);
        _draw(id);
        _vote(id, _votes3(1, 1, 1));
        _toFinal(id);
        court.settle(id, 0, 10);
        uint256 credited;
        for (uint256 i; i < arbiters.length; ++i) {
            (uint256 native,) = views.owed(arbiters[i]);
            credited += native;
        }
        (uint256 treasury,) = views.owed(owner);
        assertEq(credited + treasury, paid);
        assertEq(treasury, paid % 3);
    }

    /// @dev Whatever the votes, the ruling is the strict majority of revealed votes, or 0 on a tie.
    function testFuzz_vote_rulingIsMajority(uint8[5] memory raw) public {
        bytes memory extra = abi.encode(uint256(5));
        uint256 cost = court.arbitrationCost(extra);
        vm.deal(address(this), cost);
        uint256 id = arbitrable.create{value: cost}(3, extra);
        _draw(id);
        uint256[] memory v = new uint256[](5);
        uint256[4] memory counts;
        for (uint256 i; i < 5; ++i) {
            uint256 r = raw[i] % 5;
            v[i] = r == 4 ? 1001 : r;
            if (r < 4) ++counts[r];
        }
        _vote(id, v);
        uint256 best;
        bool tie;
        for (uint256 r = 1; r < 4; ++r) {
            if (counts[r] > counts[best]) {
                best = r;
                tie = false;
            } else if (counts[r] == counts[best]) {
                tie = true;
            }
        }
        assertEq(court.currentRuling(id), tie ? 0 : best);
    }

    function testFuzz_shares_neverPayMoreThanThePot(uint128 fee, uint128 penalties, uint8 coherent)
        public
        pure
    {
        (uint256 nativeEach, uint256 tokensEach, uint256 treasuryNative, uint256 treasuryTokens) =
            CourtFees.shares(fee, penalties, coherent);
        assertEq(nativeEach * coherent + treasuryNative, fee);
        assertEq(tokensEach * coherent + treasuryTokens, penalties);
        if (coherent != 0) {
            assertLt(treasuryNative, coherent);
            assertLt(treasuryTokens, coherent);
        }
    }

    function testFuzz_withdrawal_refundPlusEarnedIsFee(uint96 fee, uint16 committee, uint16 drawn)
        public
        pure
    {
        committee = uint16(bound(committee, 1, 1023));
        drawn = uint16(bound(drawn, 0, committee));
        (uint256 earned, uint256 refund) = CourtFees.withdrawal(fee, committee, drawn);
        assertEq(earned + refund, fee);
        if (drawn == 0) assertEq(refund, fee);
    }

    function testFuzz_RevertWhen_revealWithAnyOtherSalt(bytes32 salt) public {
        uint256 id = _createDispute();
        _draw(id);
        _commit(id, 0, 0, 1);
        vm.assume(salt != _salt(id, 0, 0));
        vm.warp(views.roundInfo(id, 0).commitEnd);
        vm.prank(views.seatInfo(id, 0, 0).arbiter);
        vm.expectRevert(abi.encodeWithSelector(ICourt.CommitmentMismatch.selector, id, 0, 0));
        court.revealVote(id, 0, 0, 1, salt);
    }

    function testFuzz_committeeSize_isOddAndCapped(uint256 asked) public pure {
        uint256 size = CourtFeesHarness.committeeSize(abi.encode(asked), 3);
        if (asked == 0) assertEq(size, 3);
        else assertEq(size % 2, 1);
        assertLe(size, 1023);
    }
}

library CourtFeesHarness {
    function committeeSize(bytes calldata extraData, uint256 defaultSize) external pure returns (uint256) {
        return CourtFees.committeeSize(extraData, defaultSize);
    }
}
