// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {HostileAccount} from "./HostileAccount.sol";

/// @notice On receiving the native coin, calls back into `target` with preset calldata and reports the
/// outcome in `ReentryAttempted`. With `bubble` set it then reverts with the callback's error, so the
/// payment fails; otherwise it keeps the payment.
/// @dev The escrow pushes payments with a small gas stipend, so the calldata is kept as a data contract's
/// code (one cheap `extcodecopy`) rather than in storage (one cold `sload` per word).
abstract contract Reentrant is HostileAccount {
    event ReentryAttempted(bool success, bytes returnData);

    struct Plan {
        address target;
        bool bubble;
        bool armed;
    }

    Plan public plan;
    address private _data;

    function arm(address target, bytes calldata data, bool bubble) external {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        plan = Plan({target: target, bubble: bubble, armed: true});
        bytes memory init = abi.encodePacked(hex"600b5981380380925939f3", hex"00", data);
        address pointer;
        assembly ("memory-safe") {
            pointer := create(0, add(init, 0x20), mload(init))
        }
        _data = pointer;
    }

    function disarm() external {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        plan.armed = false;
    }

    receive() external payable {
        Plan memory p = plan;
        if (!p.armed) return;
        address pointer = _data;
        bytes memory data = new bytes(pointer.code.length - 1);
        assembly ("memory-safe") {
            extcodecopy(pointer, add(data, 0x20), 1, mload(data))
        }
        (bool ok, bytes memory ret) = p.target.call(data);
        emit ReentryAttempted(ok, ret);
        if (!ok && p.bubble) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
    }
}

/// @notice A buyer that re-enters the escrow when a refund reaches it.
contract ReentrantBuyer is Reentrant {}

/// @notice A seller that re-enters the escrow when a payment reaches it.
contract ReentrantSeller is Reentrant {}
