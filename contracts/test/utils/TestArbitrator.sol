// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";

/// @notice An honest ERC-792 arbitrator for tests: it charges its fee, records every dispute, and lets its
/// court (the deployer, or whoever the deployer names) rule, with an optional appeal round.
contract TestArbitrator is IArbitrator {
    struct DisputeData {
        IArbitrable arbitrable;
        uint256 choices;
        uint256 feesPaid;
        bytes extraData;
        uint256 ruling;
        DisputeStatus status;
        uint256 appealStart;
        uint256 appealEnd;
    }

    error InsufficientFee(uint256 required, uint256 paid);
    error NotCourt(address caller);
    error NoSuchDispute(uint256 disputeID);
    error DisputeAlreadySolved(uint256 disputeID);
    error ChoiceOutOfRange(uint256 ruling, uint256 choices);
    error NotAppealable(uint256 disputeID);
    error AppealPeriodOver(uint256 disputeID, uint256 end);
    error AppealPeriodNotOver(uint256 disputeID, uint256 end);

    uint256 public constant APPEAL_PERIOD = 3 days;

    address public court;
    uint256 public fee;
    uint256 public appealFee;
    DisputeData[] private _disputes;

    constructor(uint256 fee_) {
        court = msg.sender;
        fee = fee_;
        appealFee = 2 * fee_;
    }

    modifier onlyCourt() {
        if (msg.sender != court) revert NotCourt(msg.sender);
        _;
    }

    function setCourt(address court_) external onlyCourt {
        court = court_;
    }

    function setFee(uint256 fee_) external onlyCourt {
        fee = fee_;
    }

    // ------------------------------------------------------------------ ERC-792

    function createDispute(uint256 choices, bytes calldata extraData) external payable returns (uint256 id) {
        if (msg.value < fee) revert InsufficientFee(fee, msg.value);
        id = _disputes.length;
        _disputes.push(
            DisputeData({
                arbitrable: IArbitrable(msg.sender),
                choices: choices,
                feesPaid: msg.value,
                extraData: extraData,
                ruling: 0,
                status: DisputeStatus.Waiting,
                appealStart: 0,
                appealEnd: 0
            })
        );
        emit DisputeCreation(id, IArbitrable(msg.sender));
    }

    function arbitrationCost(bytes calldata) external view returns (uint256) {
        return fee;
    }

    function appeal(uint256 disputeID, bytes calldata) external payable {
        DisputeData storage d = _dispute(disputeID);
        if (d.status != DisputeStatus.Appealable) revert NotAppealable(disputeID);
        if (block.timestamp >= d.appealEnd) revert AppealPeriodOver(disputeID, d.appealEnd);
        if (msg.value < appealFee) revert InsufficientFee(appealFee, msg.value);
        d.feesPaid += msg.value;
        d.status = DisputeStatus.Waiting;
        d.appealStart = 0;
        d.appealEnd = 0;
        emit AppealDecision(disputeID, d.arbitrable);
    }

    function appealCost(uint256 disputeID, bytes calldata) external view returns (uint256) {
        return _dispute(disputeID).status == DisputeStatus.Appealable ? appealFee : type(uint256).max;
    }

    function appealPeriod(uint256 disputeID) external view returns (uint256 start, uint256 end) {
        DisputeData storage d = _dispute(disputeID);
        return (d.appealStart, d.appealEnd);
    }

    function disputeStatus(uint256 disputeID) external view returns (DisputeStatus) {
        return _dispute(disputeID).status;
    }

    function currentRuling(uint256 disputeID) external view returns (uint256) {
        return _dispute(disputeID).ruling;
    }

    // ------------------------------------------------------------------ the court's side (tests call these)

    /// @notice Gives a final ruling at once and carries it out on the arbitrable.
    function giveRuling(uint256 disputeID, uint256 ruling) external onlyCourt {
        DisputeData storage d = _dispute(disputeID);
        if (d.status == DisputeStatus.Solved) revert DisputeAlreadySolved(disputeID);
        if (ruling > d.choices) revert ChoiceOutOfRange(ruling, d.choices);
        d.ruling = ruling;
        d.status = DisputeStatus.Solved;
        d.arbitrable.rule(disputeID, ruling);
    }

    /// @notice Gives an appealable ruling; `executeRuling` makes it final once the appeal period ends.
    function proposeRuling(uint256 disputeID, uint256 ruling) external onlyCourt {
        DisputeData storage d = _dispute(disputeID);
        if (d.status != DisputeStatus.Waiting) revert DisputeAlreadySolved(disputeID);
        if (ruling > d.choices) revert ChoiceOutOfRange(ruling, d.choices);
        d.ruling = ruling;
        d.status = DisputeStatus.Appealable;
        d.appealStart = block.timestamp;
        d.appealEnd = block.timestamp + APPEAL_PERIOD;
        emit AppealPossible(disputeID, d.arbitrable);
    }

    /// @notice Anyone makes an unappealed ruling final and carries it out.
    function executeRuling(uint256 disputeID) external {
        DisputeData storage d = _dispute(disputeID);
        if (d.status != DisputeStatus.Appealable) revert NotAppealable(disputeID);
        if (block.timestamp < d.appealEnd) revert AppealPeriodNotOver(disputeID, d.appealEnd);
        d.status = DisputeStatus.Solved;
        d.arbitrable.rule(disputeID, d.ruling);
    }

    // ------------------------------------------------------------------ views for tests

    function disputeCount() external view returns (uint256) {
        return _disputes.length;
    }

    function disputeData(uint256 disputeID) external view returns (DisputeData memory) {
        return _dispute(disputeID);
    }

    function _dispute(uint256 disputeID) internal view returns (DisputeData storage) {
        if (disputeID >= _disputes.length) revert NoSuchDispute(disputeID);
        return _disputes[disputeID];
    }
}
