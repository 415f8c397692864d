// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArbitrator} from "./IArbitrator.sol";

/// @title IWithdrawableArbitrator
/// @notice An ERC-792 extension for arbitrables whose parties can settle: the arbitrable that created a
/// dispute withdraws it when its parties agree, instead of waiting for a ruling. Lantern's `Court`
/// implements it; with any other ERC-792 arbitrator the escrow simply ignores the ruling of a settled
/// dispute (checked with ERC-165-free try/catch, since ERC-792 has no introspection).
interface IWithdrawableArbitrator is IArbitrator {
    /// @notice The dispute was withdrawn by its arbitrable; `refund` went back to it.
    event DisputeWithdrawn(uint256 indexed disputeID, uint256 refund);

    /// @notice Ends `disputeID` without a ruling. Only the arbitrable that created it may call. Before any
    /// arbiter is drawn, the whole arbitration fee goes back to the caller; once arbiters are drawn, what is
    /// refunded follows the court's documented rules (its arbiters are paid for work already done).
    /// @return refund The native coin sent back to the caller.
    function withdrawDispute(uint256 disputeID) external returns (uint256 refund);
}
