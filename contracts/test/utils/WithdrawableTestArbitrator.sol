// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IWithdrawableArbitrator} from "../../src/interfaces/IWithdrawableArbitrator.sol";
import {TestArbitrator} from "./TestArbitrator.sol";

/// @notice `TestArbitrator` plus `IWithdrawableArbitrator`, as Lantern's Court will be: the arbitrable that
/// created a dispute may withdraw it, and gets back `refundBps` of the fees paid (all of them by default,
/// as before any arbiter is drawn; less once the court says its arbiters did work).
contract WithdrawableTestArbitrator is TestArbitrator, IWithdrawableArbitrator {
    error NotArbitrable(address caller);
    error RefundFailed(address to);

    uint256 public constant BPS = 10_000;
    uint256 public refundBps = BPS;

    constructor(uint256 fee_) TestArbitrator(fee_) {}

    function setRefundBps(uint256 refundBps_) external {
        if (msg.sender != court) revert NotCourt(msg.sender);
        refundBps = refundBps_;
    }

    /// @inheritdoc IWithdrawableArbitrator
    function withdrawDispute(uint256 disputeID) public virtual returns (uint256 refund) {
        DisputeData storage d = _dispute(disputeID);
        if (msg.sender != address(d.arbitrable)) revert NotArbitrable(msg.sender);
        if (d.status == DisputeStatus.Solved) revert DisputeAlreadySolved(disputeID);
        d.status = DisputeStatus.Solved;
        refund = d.feesPaid * refundBps / BPS;
        emit DisputeWithdrawn(disputeID, refund);
        (bool ok,) = msg.sender.call{value: refund}("");
        if (!ok) revert RefundFailed(msg.sender);
    }
}
