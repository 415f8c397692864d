// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {HostileAccount} from "./HostileAccount.sol";

/// @notice A seller (or buyer) contract that refuses the native coin until told to accept it.
contract RejectingSeller is HostileAccount {
    error Rejected();

    bool public accepting;

    function setAccepting(bool accepting_) external {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        accepting = accepting_;
    }

    receive() external payable {
        if (!accepting) revert Rejected();
    }
}
