// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IKeyRegistry} from "../interfaces/IKeyRegistry.sol";

/// @title KeyRegistry
/// @notice Where sellers publish the X25519 key that buyers encrypt shipping details to.
contract KeyRegistry is IKeyRegistry {
    mapping(address account => bytes32) private _keys;

    /// @inheritdoc IKeyRegistry
    function publishKey(bytes32 key) external {
        if (key == bytes32(0)) revert ZeroKey();
        _keys[msg.sender] = key;
        emit KeyPublished(msg.sender, key);
    }

    /// @inheritdoc IKeyRegistry
    function keyOf(address account) external view returns (bytes32) {
        return _keys[account];
    }
}
