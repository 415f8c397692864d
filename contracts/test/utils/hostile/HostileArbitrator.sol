// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArbitrable} from "../../../src/interfaces/IArbitrable.sol";
import {WithdrawableTestArbitrator} from "../WithdrawableTestArbitrator.sol";

/// @notice A withdrawable arbitrator that misbehaves when a dispute is withdrawn: it re-enters the escrow
/// with a ruling, or it claims success and keeps the fee.
contract HostileArbitrator is WithdrawableTestArbitrator {
    enum Mode {
        Honest,
        Reenter,
        KeepFee
    }

    Mode public mode;

    constructor(uint256 fee_) WithdrawableTestArbitrator(fee_) {}

    function setMode(Mode mode_) external {
        mode = mode_;
    }

    function withdrawDispute(uint256 disputeID) public override returns (uint256) {
        if (mode == Mode.Reenter) {
            // Bubbles the escrow's re-entrancy error, so the withdrawal fails as a whole.
            IArbitrable(msg.sender).rule(disputeID, 1);
        }
        if (mode == Mode.KeepFee) return 0;
        return super.withdrawDispute(disputeID);
    }

    /// @notice Sends native coin to `to` outside any withdrawal.
    function push(address to) external payable {
        (bool ok, bytes memory ret) = to.call{value: msg.value}("");
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
    }
}
