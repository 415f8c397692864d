// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IKeyRegistry
/// @notice Sellers publish an X25519 public key once; buyers encrypt shipping details to it off chain and put
/// only the ciphertext's CID on chain.
interface IKeyRegistry {
    /// @notice A public key of zero is not a key.
    error ZeroKey();

    /// @notice An account published (or replaced) its encryption key.
    event KeyPublished(address indexed account, bytes32 key);

    /// @notice Publishes the caller's X25519 public key.
    function publishKey(bytes32 key) external;
    /// @notice The X25519 public key `account` published, or zero.
    function keyOf(address account) external view returns (bytes32);
}
