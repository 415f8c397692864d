// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ILanternToken
/// @notice The DAO's token: votes in governance, stakes in the court, pays rewards. Its supply is capped
/// when it is deployed and grows in exactly two ways: the genesis allocation minted by the constructor, and
/// `mint` by the one minter (the `Rewards` contract) within the cap.
interface ILanternToken {
    /// @notice The genesis allocation has a different number of recipients and amounts.
    error AllocationLengthMismatch(uint256 recipients, uint256 amounts);
    /// @notice The genesis allocation alone exceeds the cap.
    error AllocationExceedsCap(uint256 allocated, uint256 cap);
    /// @notice The cap must be positive and at most what ERC20Votes can count (2^208 - 1).
    error InvalidCap(uint256 cap);
    /// @notice Only the minter named at deployment may mint.
    error NotMinter(address caller);
    /// @notice Minting `amount` would take the supply past the cap.
    error CapExceeded(uint256 supply, uint256 amount, uint256 cap);

    /// @notice The genesis allocation gave `amount` to `recipient`.
    event GenesisAllocated(address indexed recipient, uint256 amount);

    /// @notice Mints `amount` to `to`; only the minter, and never past the cap.
    /// @param to Who receives the new tokens.
    /// @param amount How many (in the token's 18-decimal units).
    function mint(address to, uint256 amount) external;

    /// @notice The most tokens that can ever exist, fixed at deployment.
    function cap() external view returns (uint256);

    /// @notice The only account that may mint after genesis (the `Rewards` contract; address zero if none).
    function minter() external view returns (address);
}
