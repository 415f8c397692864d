// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {ILanternToken} from "../../src/interfaces/ILanternToken.sol";
import {IRewards} from "../../src/interfaces/IRewards.sol";
import {Rewards} from "../../src/rewards/Rewards.sol";
import {RewardsFixture} from "./RewardsFixture.sol";

contract RewardsTest is RewardsFixture {
    address[4] internal accounts = [makeAddr("a"), makeAddr("b"), makeAddr("c"), makeAddr("d")];
    uint256[4] internal amounts = [uint256(400_000 ether), 300_000 ether, 200_000 ether, 50_000 ether];
    uint256 internal constant TOTAL = 950_000 ether;

    function _postEpoch0() internal returns (bytes32 root, bytes32[][4] memory proofs) {
        (root, proofs) = _tree(0, accounts, amounts);
        vm.warp(START + EPOCH);
        vm.prank(distributor);
        rewards.postRoot(0, root, TOTAL);
    }

    function test_emission_decaysByTheSchedule() public view {
        assertEq(rewards.emission(0), FIRST_EMISSION);
        assertEq(rewards.emission(1), FIRST_EMISSION * 9_900 / 10_000);
        assertEq(rewards.emission(2), FIRST_EMISSION * 9_801 / 10_000);
        assertLt(rewards.emission(1000), rewards.emission(999));
        assertEq(rewards.epochAt(START + EPOCH - 1), 0);
        assertEq(rewards.epochAt(START + EPOCH), 1);
        (uint256 start, uint256 epochLength, uint256 challengeWindow) = rewards.schedule();
        assertEq(start, START);
        assertEq(epochLength, EPOCH);
        assertEq(challengeWindow, WINDOW);
    }

    function test_RevertWhen_rootBeforeTheEpochEnds() public {
        (bytes32 root,) = _tree(0, accounts, amounts);
        vm.warp(START + EPOCH - 1);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IRewards.EpochNotEnded.selector, 0, START + EPOCH));
        rewards.postRoot(0, root, TOTAL);
    }

    function test_RevertWhen_rootOverBudget() public {
        vm.warp(START + EPOCH);
        vm.prank(distributor);
        vm.expectRevert(
            abi.encodeWithSelector(IRewards.OverBudget.selector, 0, FIRST_EMISSION + 1, FIRST_EMISSION)
        );
        rewards.postRoot(0, bytes32(uint256(1)), FIRST_EMISSION + 1);
    }

    function testFuzz_RevertWhen_anyoneElsePostsOrGoverns(address caller) public {
        vm.assume(caller != distributor && caller != governance);
        vm.warp(START + EPOCH);
        vm.startPrank(caller);
        vm.expectRevert(abi.encodeWithSelector(IRewards.NotDistributor.selector, caller));
        rewards.postRoot(0, bytes32(uint256(1)), 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        rewards.setDistributor(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        rewards.resolveChallenge(0, true);
        vm.stopPrank();
    }

    function test_claim_afterTheWindow_mintsOnce() public {
        (, bytes32[][4] memory proofs) = _postEpoch0();
        vm.expectRevert(
            abi.encodeWithSelector(IRewards.ChallengeWindowOpen.selector, 0, START + EPOCH + WINDOW)
        );
        rewards.claim(0, 0, accounts[0], amounts[0], proofs[0]);
        vm.warp(START + EPOCH + WINDOW);
        for (uint256 i; i < 4; ++i) {
            rewards.claim(0, i, accounts[i], amounts[i], proofs[i]);
            assertEq(token.balanceOf(accounts[i]), amounts[i]);
        }
        assertEq(rewards.claimedTotal(0), TOTAL);
        assertEq(token.totalSupply(), GENESIS + TOTAL);
        assertEq(token.balanceOf(address(rewards)), 0);
        assertTrue(rewards.hasClaimed(0, 3));
        // A proof cannot be used twice.
        vm.expectRevert(abi.encodeWithSelector(IRewards.AlreadyClaimed.selector, 0, 0));
        rewards.claim(0, 0, accounts[0], amounts[0], proofs[0]);
    }

    function test_RevertWhen_proofIsForAnotherAccountAmountOrEpoch() public {
        (, bytes32[][4] memory proofs) = _postEpoch0();
        vm.warp(START + EPOCH + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IRewards.InvalidProof.selector, 0, accounts[1], amounts[0]));
        rewards.claim(0, 1, accounts[1], amounts[0], proofs[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IRewards.InvalidProof.selector, 0, accounts[0], amounts[0] + 1)
        );
        rewards.claim(0, 0, accounts[0], amounts[0] + 1, proofs[0]);
        // The same tree posted for epoch 1 does not prove epoch-0 leaves: the epoch is in the leaf.
        (bytes32 root0,) = _tree(0, accounts, amounts);
        vm.warp(START + 2 * EPOCH);
        vm.prank(distributor);
        rewards.postRoot(1, root0, TOTAL);
        vm.warp(START + 2 * EPOCH + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IRewards.InvalidProof.selector, 1, accounts[0], amounts[0]));
        rewards.claim(1, 0, accounts[0], amounts[0], proofs[0]);
    }

    function test_unallocated_rollsIntoTheNextEpoch() public {
        _postEpoch0();
        assertEq(rewards.nextEpoch(), 1);
        assertEq(rewards.budget(1), FIRST_EMISSION - TOTAL + rewards.emission(1));
        vm.warp(START + 2 * EPOCH);
        uint256 budget = rewards.budget(1);
        vm.prank(distributor);
        rewards.postRoot(1, bytes32(uint256(7)), budget);
        assertEq(rewards.budget(2), rewards.emission(2));
    }

    function test_RevertWhen_epochsSkipped() public {
        vm.warp(START + 3 * EPOCH);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IRewards.PreviousEpochWithoutRoot.selector, 1));
        rewards.postRoot(1, bytes32(uint256(1)), 1);
    }

    function test_challenge_freezesUntilGovernanceUpholds() public {
        (, bytes32[][4] memory proofs) = _postEpoch0();
        vm.prank(accounts[3]);
        rewards.challengeRoot(0, keccak256("recomputed root differs"));
        vm.warp(START + EPOCH + WINDOW + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IRewards.RootChallenged.selector, 0));
        rewards.claim(0, 0, accounts[0], amounts[0], proofs[0]);
        vm.prank(governance);
        rewards.resolveChallenge(0, true);
        rewards.claim(0, 0, accounts[0], amounts[0], proofs[0]);
        // An upheld root cannot be challenged again.
        vm.expectRevert(abi.encodeWithSelector(IRewards.ChallengeWindowClosed.selector, 0));
        rewards.challengeRoot(0, bytes32(0));
    }

    function test_challenge_struckRootIsPostedAnew() public {
        (bytes32 root, bytes32[][4] memory proofs) = _postEpoch0();
        rewards.challengeRoot(0, bytes32(0));
        vm.prank(governance);
        rewards.resolveChallenge(0, false);
        assertEq(uint8(rewards.epochRoot(0).status), uint8(IRewards.RootStatus.None));
        vm.expectRevert(abi.encodeWithSelector(IRewards.NoRoot.selector, 0));
        rewards.claim(0, 0, accounts[0], amounts[0], proofs[0]);
        assertEq(rewards.budget(0), FIRST_EMISSION);
        vm.prank(distributor);
        rewards.postRoot(0, root, TOTAL);
        assertEq(rewards.budget(0), 0);
        assertEq(rewards.budget(1), FIRST_EMISSION - TOTAL + rewards.emission(1));
    }

    function test_RevertWhen_challengeAfterTheWindow() public {
        _postEpoch0();
        vm.warp(START + EPOCH + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IRewards.ChallengeWindowClosed.selector, 0));
        rewards.challengeRoot(0, bytes32(0));
    }

    /// @notice A root whose leaves add up to more than its total cannot pay more than the total.
    function test_RevertWhen_leavesExceedTheTotal() public {
        (bytes32 root, bytes32[][4] memory proofs) = _tree(0, accounts, amounts);
        vm.warp(START + EPOCH);
        vm.prank(distributor);
        rewards.postRoot(0, root, amounts[0]);
        vm.warp(START + EPOCH + WINDOW);
        rewards.claim(0, 0, accounts[0], amounts[0], proofs[0]);
        vm.expectRevert(abi.encodeWithSelector(IRewards.ClaimsExceedTotal.selector, 0));
        rewards.claim(0, 1, accounts[1], amounts[1], proofs[1]);
    }

    function test_RevertWhen_scheduleInvalid() public {
        vm.expectRevert(IRewards.InvalidSchedule.selector);
        new Rewards(governance, ILanternToken(address(token)), START, 0, 1, 0, 1);
        vm.expectRevert(IRewards.InvalidSchedule.selector);
        new Rewards(governance, ILanternToken(address(token)), START, 1, 1, 10_000, 1);
    }
}
