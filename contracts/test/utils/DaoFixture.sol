// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

import {LanternGovernor} from "../../src/dao/LanternGovernor.sol";
import {LanternTimelock} from "../../src/dao/LanternTimelock.sol";
import {LanternToken} from "../../src/dao/LanternToken.sol";
import {Fixture} from "./Fixture.sol";

/// @notice The marketplace and its DAO, handed over to the timelock exactly as `deploy()` in the SDK does:
/// a timelock with no delay and the deployer as its only proposer and executor accepts the ownership of
/// every owned contract, gives the governor its roles and anyone the executor role, takes the deployer's
/// roles away and sets its real delay, all in one batch. No admin key is left.
abstract contract DaoFixture is Fixture {
    uint256 internal constant CAP = 1_000_000_000 ether;
    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 5 days;
    uint256 internal constant THRESHOLD = 100_000 ether;
    uint256 internal constant QUORUM_PERCENT = 4;
    uint256 internal constant TIMELOCK_DELAY = 2 days;

    address internal deployer = makeAddr("deployer");
    address internal voter = makeAddr("voter");
    address internal smallHolder = makeAddr("smallHolder");

    LanternToken internal dao;
    LanternTimelock internal timelock;
    LanternGovernor internal governor;

    function setUp() public virtual override {
        // A timelock takes timestamp 1 for "done", the very timestamp a test chain starts at.
        vm.warp(1_700_000_000);
        // The marketplace of `Fixture`, owned by the deployer this time.
        owner = deployer;
        super.setUp();

        address[] memory recipients = new address[](2);
        recipients[0] = voter;
        recipients[1] = smallHolder;
        uint256[] memory amounts = new uint256[](2);
        amounts[0] = 100_000_000 ether;
        amounts[1] = 1_000 ether;
        dao = new LanternToken(CAP, address(0), recipients, amounts);

        address[] memory bootstrap = new address[](1);
        bootstrap[0] = deployer;
        timelock = new LanternTimelock(0, bootstrap, bootstrap, address(0));
        governor = new LanternGovernor(
            IVotes(address(dao)), timelock, VOTING_DELAY, VOTING_PERIOD, THRESHOLD, QUORUM_PERCENT
        );

        address[] memory owned = new address[](2);
        owned[0] = address(factory);
        owned[1] = address(escrow);
        _handOver(owned);

        vm.prank(voter);
        dao.delegate(voter);
        vm.prank(smallHolder);
        dao.delegate(smallHolder);
        vm.warp(block.timestamp + 1);
    }

    function _handOver(address[] memory owned) internal {
        uint256 n = owned.length;
        address[] memory targets = new address[](n + 7);
        bytes[] memory calls = new bytes[](n + 7);
        vm.startPrank(deployer);
        for (uint256 i; i < n; ++i) {
            Ownable2Step(owned[i]).transferOwnership(address(timelock));
            targets[i] = owned[i];
            calls[i] = abi.encodeCall(Ownable2Step.acceptOwnership, ());
        }
        bytes32 proposer = timelock.PROPOSER_ROLE();
        bytes32 canceller = timelock.CANCELLER_ROLE();
        bytes32 executor = timelock.EXECUTOR_ROLE();
        calls[n] = abi.encodeCall(timelock.grantRole, (proposer, address(governor)));
        calls[n + 1] = abi.encodeCall(timelock.grantRole, (canceller, address(governor)));
        calls[n + 2] = abi.encodeCall(timelock.grantRole, (executor, address(0)));
        calls[n + 3] = abi.encodeCall(timelock.revokeRole, (proposer, deployer));
        calls[n + 4] = abi.encodeCall(timelock.revokeRole, (canceller, deployer));
        calls[n + 5] = abi.encodeCall(timelock.revokeRole, (executor, deployer));
        calls[n + 6] = abi.encodeCall(TimelockController.updateDelay, (TIMELOCK_DELAY));
        for (uint256 i = n; i < n + 7; ++i) {
            targets[i] = address(timelock);
        }
        uint256[] memory values = new uint256[](n + 7);
        timelock.scheduleBatch(targets, values, calls, bytes32(0), bytes32(0), 0);
        timelock.executeBatch(targets, values, calls, bytes32(0), bytes32(0));
        vm.stopPrank();
    }

    /// @dev Runs one proposal through vote, queue and execution; returns its id.
    function _pass(address target, bytes memory data, string memory description)
        internal
        returns (uint256 id)
    {
        address[] memory targets = new address[](1);
        targets[0] = target;
        uint256[] memory values = new uint256[](1);
        bytes[] memory calls = new bytes[](1);
        calls[0] = data;
        vm.prank(voter);
        id = governor.propose(targets, values, calls, description);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.prank(voter);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + VOTING_PERIOD);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calls, descriptionHash);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        governor.execute(targets, values, calls, descriptionHash);
    }
}
