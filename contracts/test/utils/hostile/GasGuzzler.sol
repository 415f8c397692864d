// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {HostileAccount} from "./HostileAccount.sol";

/// @notice Burns every unit of gas it is given when paid, to try to make the payer's transaction fail.
contract GasGuzzler is HostileAccount {
    uint256 public sink;

    receive() external payable {
        while (true) {
            ++sink;
        }
    }
}
