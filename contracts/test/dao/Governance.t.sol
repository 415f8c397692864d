// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {DaoFixture} from "../utils/DaoFixture.sol";

contract GovernanceTest is DaoFixture {
    function test_handover_leavesNoAdminKey() public view {
        assertEq(factory.owner(), address(timelock));
        assertEq(escrow.owner(), address(timelock));
        assertEq(factory.pendingOwner(), address(0));
        assertEq(timelock.getMinDelay(), TIMELOCK_DELAY);
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)));
        assertTrue(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(timelock)));
        bytes32[4] memory roles = [
            timelock.DEFAULT_ADMIN_ROLE(),
            timelock.PROPOSER_ROLE(),
            timelock.CANCELLER_ROLE(),
            timelock.EXECUTOR_ROLE()
        ];
        for (uint256 i; i < roles.length; ++i) {
            assertFalse(timelock.hasRole(roles[i], deployer));
        }
        assertEq(address(governor.timelock()), address(timelock));
        assertEq(governor.votingDelay(), VOTING_DELAY);
        assertEq(governor.votingPeriod(), VOTING_PERIOD);
        assertEq(governor.proposalThreshold(), THRESHOLD);
        assertEq(governor.CLOCK_MODE(), "mode=timestamp");
    }

    /// @notice A whole proposal: propose, vote, queue, wait out the delay, execute; the parameter changes.
    function test_proposal_changesAParameter() public {
        bytes memory call = abi.encodeCall(IEscrow.setWindows, (5 days, 20 days));
        string memory description = "Longer windows for international shipping";
        address[] memory targets = new address[](1);
        targets[0] = address(escrow);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calls = new bytes[](1);
        calls[0] = call;

        vm.prank(voter);
        uint256 id = governor.propose(targets, values, calls, description);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Pending));
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Active));
        vm.prank(voter);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + VOTING_PERIOD);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded));

        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calls, descriptionHash);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Queued));
        // Not before the timelock's delay.
        vm.expectRevert();
        governor.execute(targets, values, calls, descriptionHash);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectEmit(address(escrow));
        emit IEscrow.WindowsChanged(5 days, 20 days);
        governor.execute(targets, values, calls, descriptionHash);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed));
        assertEq(escrow.shipWindow(), 5 days);
        assertEq(escrow.deliveryWindow(), 20 days);
    }

    /// @notice Everyone else is refused: the deployer, a token holder, any address, straight at the
    /// contract or through the timelock.
    function testFuzz_RevertWhen_anyoneElseChangesAParameter(address caller) public {
        vm.assume(caller != address(timelock));
        bytes32 proposer = timelock.PROPOSER_ROLE();
        vm.startPrank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        escrow.setWindows(5 days, 20 days);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        factory.setCurrency(makeAddr("token"), true);

        address[] memory targets = new address[](1);
        targets[0] = address(escrow);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calls = new bytes[](1);
        calls[0] = abi.encodeCall(IEscrow.setWindows, (5 days, 20 days));
        if (caller != address(governor)) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, caller, proposer
                )
            );
            timelock.scheduleBatch(targets, values, calls, bytes32(0), bytes32(0), TIMELOCK_DELAY);
        }
        vm.stopPrank();
        assertEq(escrow.shipWindow(), SHIP_WINDOW);
    }

    function test_RevertWhen_deployerTriesTheTimelock() public {
        bytes32 proposer = timelock.PROPOSER_ROLE();
        bytes32 admin = timelock.DEFAULT_ADMIN_ROLE();
        vm.startPrank(deployer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, deployer, proposer
            )
        );
        timelock.schedule(address(escrow), 0, "", bytes32(0), bytes32(0), TIMELOCK_DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, deployer, admin)
        );
        timelock.grantRole(proposer, deployer);
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, deployer)
        );
        timelock.updateDelay(0);
        vm.stopPrank();
    }

    function test_RevertWhen_proposerHasTooFewVotes() public {
        address[] memory targets = new address[](1);
        targets[0] = address(escrow);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calls = new bytes[](1);
        calls[0] = abi.encodeCall(IEscrow.setWindows, (5 days, 20 days));
        vm.prank(smallHolder);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, smallHolder, 1_000 ether, THRESHOLD
            )
        );
        governor.propose(targets, values, calls, "too small");
    }

    function test_proposal_defeatedWithoutQuorum() public {
        address[] memory targets = new address[](1);
        targets[0] = address(escrow);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calls = new bytes[](1);
        calls[0] = abi.encodeCall(IEscrow.setWindows, (5 days, 20 days));
        vm.prank(voter);
        uint256 id = governor.propose(targets, values, calls, "nobody votes");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.prank(smallHolder);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + VOTING_PERIOD);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Defeated));
        vm.expectRevert();
        governor.queue(targets, values, calls, keccak256("nobody votes"));
    }

    /// @notice Governance governs itself: the voting period changes only through a proposal.
    function test_proposal_changesTheGovernorsOwnSettings() public {
        _pass(address(governor), abi.encodeCall(governor.setVotingPeriod, (7 days)), "a week to vote");
        assertEq(governor.votingPeriod(), 7 days);
        vm.prank(voter);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, voter));
        governor.setVotingPeriod(1 days);
    }
}
