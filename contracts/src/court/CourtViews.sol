// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {ICourt} from "../interfaces/ICourt.sol";
import {ICourtViews} from "../interfaces/ICourtViews.sol";
import {IRandomness} from "../interfaces/IRandomness.sol";
import {CourtRounds} from "../libraries/CourtRounds.sol";
import {SortitionSumTree} from "../libraries/SortitionSumTree.sol";
import {
    Arbiter,
    CourtParameters,
    CourtPhase,
    DisputeHeader,
    DisputeState,
    Owed,
    RoundFlags,
    RoundFunds,
    RoundProgress,
    RoundState,
    Seat
} from "../types/CourtTypes.sol";
import {CourtStorage} from "./CourtStorage.sol";

/// @title CourtViews
/// @notice The court's views, run by `Court`'s fallback with DELEGATECALL in the court's own storage. Called
/// at its own address it reads its own, empty storage: it holds nothing and changes nothing.
contract CourtViews is ICourtViews, CourtStorage {
    using CourtRounds for RoundState;
    using SortitionSumTree for SortitionSumTree.Tree;

    /// @dev The owner slot of this contract is never used; the court's own owner answers at the court.
    constructor() Ownable(address(0xdead)) {}

    /// @inheritdoc ICourtViews
    function disputeInfo(uint256 disputeID) external view returns (DisputeInfo memory) {
        DisputeHeader memory header = _header(disputeID);
        return DisputeInfo({
            arbitrable: header.arbitrable,
            choices: _rounds[_roundKey(disputeID, 0)].choices,
            rounds: uint256(header.lastRound) + 1,
            executed: header.state == DisputeState.Executed,
            withdrawn: header.state == DisputeState.Withdrawn
        });
    }

    /// @inheritdoc ICourtViews
    function roundInfo(uint256 disputeID, uint256 round) external view returns (RoundInfo memory) {
        DisputeHeader memory header = _header(disputeID);
        if (round > header.lastRound) revert ICourt.RoundNotFound(disputeID, round);
        uint256 key = _roundKey(disputeID, round);
        RoundState memory round_ = _rounds[key];
        RoundFunds memory funds = _funds[key];
        RoundProgress memory progress = _progress[key];
        return RoundInfo({
            committee: round_.committee,
            drawn: round_.drawn,
            revealed: round_.revealed,
            commitEnd: round_.commitEnd,
            revealEnd: round_.revealEnd,
            appealEnd: round_.appealEnd(),
            ruling: round_.rulingOf(),
            tied: round_.flags & RoundFlags.TIED != 0,
            fee: funds.fee,
            lockPerSeat: funds.lockPerSeat,
            ticket: funds.ticket,
            appellant: progress.appellant,
            settled: progress.settled
        });
    }

    /// @inheritdoc ICourtViews
    function seatInfo(uint256 disputeID, uint256 round, uint256 seat)
        external
        view
        returns (SeatInfo memory)
    {
        DisputeHeader memory header = _header(disputeID);
        if (round > header.lastRound) revert ICourt.RoundNotFound(disputeID, round);
        if (seat > type(uint16).max) return SeatInfo(address(0), 0, false, 0);
        uint256 seatKey = _seatKey(_roundKey(disputeID, round), seat);
        Seat memory s = _seats[seatKey];
        return SeatInfo(s.arbiter, _commitments[seatKey], s.revealed, s.ruling);
    }

    /// @inheritdoc ICourtViews
    function voteCount(uint256 disputeID, uint256 round, uint256 ruling) external view returns (uint256) {
        DisputeHeader memory header = _header(disputeID);
        if (round > header.lastRound) revert ICourt.RoundNotFound(disputeID, round);
        return _votes[_roundKey(disputeID, round)][ruling];
    }

    /// @inheritdoc ICourtViews
    function hashVote(
        uint256 disputeID,
        uint256 round,
        uint256 seat,
        address arbiter,
        uint256 ruling,
        bytes32 salt
    ) external view returns (bytes32) {
        return _hashVote(disputeID, round, seat, arbiter, ruling, salt);
    }

    /// @inheritdoc ICourtViews
    function parameters() external view returns (CourtParameters memory) {
        return _params;
    }

    /// @inheritdoc ICourtViews
    function stakeOf(address arbiter) external view returns (uint256 stake, uint256 locked) {
        Arbiter memory account = _arbiters[arbiter];
        return (account.stake, account.locked);
    }

    /// @inheritdoc ICourtViews
    function owed(address account) external view returns (uint256 native, uint256 tokens) {
        Owed memory due = _owed[account];
        return (due.native, due.tokens);
    }

    /// @inheritdoc ICourtViews
    function totalWeight() external view returns (uint256) {
        return _tree.total();
    }

    /// @inheritdoc ICourtViews
    function phase(uint256 disputeID) external view returns (CourtPhase) {
        return _phase(disputeID);
    }

    /// @inheritdoc ICourtViews
    function pendingPenalties() external view returns (uint256) {
        return _pendingPenalties;
    }

    /// @inheritdoc ICourtViews
    function disputeCount() external view returns (uint256) {
        return _disputeCount;
    }

    /// @inheritdoc ICourtViews
    function randomness() external view returns (IRandomness) {
        return _randomness;
    }
}
