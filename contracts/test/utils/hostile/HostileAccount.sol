// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice A contract account its deployer drives with `execute`: it lists, buys and withdraws like a user.
abstract contract HostileAccount {
    error NotOperator(address caller);

    address public immutable operator;

    constructor() {
        operator = msg.sender;
    }

    /// @notice Calls `target` as this account; bubbles a revert unchanged so tests can expect it.
    function execute(address target, uint256 value, bytes calldata data)
        external
        payable
        returns (bytes memory)
    {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        (bool ok, bytes memory ret) = target.call{value: value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        return ret;
    }
}
