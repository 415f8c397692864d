// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title LanternTimelock
/// @notice OpenZeppelin's TimelockController under a name of its own, so the SDK deploys it from this
/// repository's build. It owns every parameter of the marketplace; only the governor proposes and cancels,
/// anyone executes a proposal whose delay has passed.
contract LanternTimelock is TimelockController {
    /// @param minDelay Seconds between queueing and execution.
    /// @param proposers Who may schedule (the governor; during `deploy()` also the deployer, which renounces).
    /// @param executors Who may execute (address zero opens execution to anyone).
    /// @param admin An optional admin for the setup; `deploy()` renounces it at the end.
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
