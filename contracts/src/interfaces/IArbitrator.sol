// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArbitrable} from "./IArbitrable.sol";

/// @title IArbitrator
/// @notice ERC-792 arbitrator, so Lantern can use its own court or any other ERC-792 court.
interface IArbitrator {
    enum DisputeStatus {
        Waiting,
        Appealable,
        Solved
    }

    /// @notice A dispute was created.
    event DisputeCreation(uint256 indexed disputeID, IArbitrable indexed arbitrable);
    /// @notice A ruling can be appealed.
    event AppealPossible(uint256 indexed disputeID, IArbitrable indexed arbitrable);
    /// @notice A ruling was appealed.
    event AppealDecision(uint256 indexed disputeID, IArbitrable indexed arbitrable);

    /// @notice Creates a dispute with `choices` possible rulings; pays `arbitrationCost(extraData)`.
    function createDispute(uint256 choices, bytes calldata extraData)
        external
        payable
        returns (uint256 disputeID);
    /// @notice The fee to create a dispute.
    function arbitrationCost(bytes calldata extraData) external view returns (uint256 cost);
    /// @notice Appeals the current ruling; pays `appealCost`.
    function appeal(uint256 disputeID, bytes calldata extraData) external payable;
    /// @notice The fee to appeal the current ruling.
    function appealCost(uint256 disputeID, bytes calldata extraData) external view returns (uint256 cost);
    /// @notice The time span in which the current ruling may be appealed.
    function appealPeriod(uint256 disputeID) external view returns (uint256 start, uint256 end);
    /// @notice Where the dispute stands.
    function disputeStatus(uint256 disputeID) external view returns (DisputeStatus status);
    /// @notice The ruling as it stands now.
    function currentRuling(uint256 disputeID) external view returns (uint256 ruling);
}
