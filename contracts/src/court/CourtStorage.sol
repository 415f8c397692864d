// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {ICourt} from "../interfaces/ICourt.sol";
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
    RoundFunds,
    RoundProgress,
    RoundState,
    Seat
} from "../types/CourtTypes.sol";

/// @title CourtStorage
/// @notice The court's state, shared by `Court` and `CourtViews`: the views run in the court's storage
/// (delegated from its fallback), so both contracts must lay out the same variables in the same order, which
/// inheriting this one contract guarantees.
/// @dev Storage is keyed by round (`disputeID << 8 | round`) and seat (`roundKey << 16 | seat`) in flat
/// mappings, so a commit or a reveal reads one round word and one seat word. Dispute ids stay below 2^232
/// and callers' round and seat numbers are checked before they make a key.
abstract contract CourtStorage is Ownable2Step {
    using CourtRounds for RoundState;

    /// @notice Draw weight = stake / WEIGHT_UNIT: weights fit the tree's 64-bit lanes for any stake up to
    /// 1.8e28 token units under one top-level subtree, and lose at most 10^-9 of an 18-decimal token.
    uint256 public constant WEIGHT_UNIT = 1e9;

    IRandomness internal _randomness;
    /// @dev Bumped with each new randomness source, so a round knows whether its ticket is the current one's.
    uint16 internal _generation;
    CourtParameters internal _params;
    uint256 internal _disputeCount;
    /// @dev Penalties taken from incoherent seats and not yet credited.
    uint256 internal _pendingPenalties;

    mapping(uint256 disputeID => DisputeHeader) internal _disputes;
    mapping(uint256 roundKey => RoundState) internal _rounds;
    mapping(uint256 roundKey => RoundFunds) internal _funds;
    mapping(uint256 roundKey => RoundProgress) internal _progress;
    mapping(uint256 roundKey => uint256) internal _seeds;
    mapping(uint256 roundKey => mapping(uint256 ruling => uint256)) internal _votes;
    mapping(uint256 seatKey => Seat) internal _seats;
    mapping(uint256 seatKey => bytes32) internal _commitments;
    mapping(address arbiter => Arbiter) internal _arbiters;
    mapping(address account => Owed) internal _owed;
    SortitionSumTree.Tree internal _tree;

    function _header(uint256 disputeID) internal view returns (DisputeHeader memory header) {
        if (disputeID >> 232 == 0) header = _disputes[disputeID];
        if (header.arbitrable == address(0)) revert ICourt.DisputeNotFound(disputeID);
    }

    function _phase(uint256 disputeID) internal view returns (CourtPhase) {
        DisputeHeader memory header = _header(disputeID);
        if (header.state == DisputeState.Withdrawn) return CourtPhase.Withdrawn;
        return _rounds[_roundKey(disputeID, header.lastRound)].phase(block.timestamp);
    }

    function _hashVote(
        uint256 disputeID,
        uint256 round,
        uint256 seat,
        address arbiter,
        uint256 ruling,
        bytes32 salt
    ) internal view returns (bytes32) {
        return keccak256(abi.encode(address(this), disputeID, round, seat, arbiter, ruling, salt));
    }

    function _roundKey(uint256 disputeID, uint256 round) internal pure returns (uint256) {
        return (disputeID << 8) | round;
    }

    function _seatKey(uint256 roundKey, uint256 seat) internal pure returns (uint256) {
        return (roundKey << 16) | seat;
    }
}
