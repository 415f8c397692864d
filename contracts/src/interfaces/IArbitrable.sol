// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArbitrator} from "./IArbitrator.sol";

/// @title IArbitrable
/// @notice ERC-792 arbitrable: a contract whose disputes an arbitrator rules on.
interface IArbitrable {
    /// @notice The arbitrator gave its final ruling.
    event Ruling(IArbitrator indexed arbitrator, uint256 indexed disputeID, uint256 ruling);

    /// @notice Called by the arbitrator with its final ruling; carries it out.
    function rule(uint256 disputeID, uint256 ruling) external;
}
