// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IPolicyTarget
/// @notice A contract that checks the marketplace's rules from its own storage: `Policy` writes the compact
/// rules (see `PolicyRules`) into it.
interface IPolicyTarget {
    /// @notice Only the policy may write rules.
    error NotPolicy(address caller);

    /// @notice Stores `value` under `key` (policy only).
    /// @param key A `PolicyRules` key.
    /// @param value The packed rule or the price ceiling; zero deletes it.
    function setPolicyRule(bytes32 key, uint256 value) external;
}
