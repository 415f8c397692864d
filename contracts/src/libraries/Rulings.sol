// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Rulings
/// @notice How the escrow reads an ERC-792 ruling: 0 = the arbitrator refused (split evenly), 1 = refund the
/// buyer, 2 = release to the seller, 3 + b = the buyer gets b basis points (0..10000) and the seller the rest.
library Rulings {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant REFUSED = 0;
    uint256 internal constant REFUND = 1;
    uint256 internal constant RELEASE = 2;
    uint256 internal constant SPLIT_BASE = 3;
    /// @dev Choices exclude 0 in ERC-792, so rulings run 1..CHOICES.
    uint256 internal constant CHOICES = SPLIT_BASE + BPS;

    /// @notice The buyer's share of the order, in basis points, for a ruling in 0..CHOICES.
    function buyerShare(uint256 ruling) internal pure returns (uint256) {
        if (ruling == REFUSED) return BPS / 2;
        if (ruling == REFUND) return BPS;
        if (ruling == RELEASE) return 0;
        return ruling - SPLIT_BASE;
    }
}
