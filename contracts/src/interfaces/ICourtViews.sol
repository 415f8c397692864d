// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CourtParameters, CourtPhase} from "../types/CourtTypes.sol";
import {IRandomness} from "./IRandomness.sol";

/// @title ICourtViews
/// @notice What the court tells about its disputes, rounds, seats and arbiters. Call these at the court's
/// address: its fallback runs them from `CourtViews` in its own storage (which keeps the court's code under
/// the contract size limit). Unknown disputes and rounds revert with `ICourt`'s errors.
interface ICourtViews {
    /// @notice A dispute as `disputeInfo` reports it; `phase` and `currentRuling` tell where it stands.
    struct DisputeInfo {
        address arbitrable;
        uint256 choices;
        /// @dev Rounds so far: 1 + the number of appeals.
        uint256 rounds;
        /// @dev True once `executeRuling` passed the final ruling to the arbitrable.
        bool executed;
        /// @dev True once the arbitrable withdrew the dispute.
        bool withdrawn;
    }

    /// @notice A round as `roundInfo` reports it.
    struct RoundInfo {
        uint256 committee;
        uint256 drawn;
        uint256 revealed;
        /// @dev The committee is complete from `commitEnd - commitPeriod`; zero until then.
        uint256 commitEnd;
        uint256 revealEnd;
        /// @dev The end of the appeal period; equal to `revealEnd` when no further appeal is allowed.
        uint256 appealEnd;
        /// @dev The round's majority ruling so far; 0 when tied or without revealed votes.
        uint256 ruling;
        bool tied;
        /// @dev Native coin the round's fee holds for its arbiters.
        uint256 fee;
        /// @dev Staking tokens each seat locks and an incoherent seat loses.
        uint256 lockPerSeat;
        /// @dev The randomness ticket the draw waits for.
        uint256 ticket;
        /// @dev Who paid an appeal round's fee; zero for the first round.
        address appellant;
        /// @dev Settlement steps done, of `2 * drawn` (of `drawn` for a withdrawn dispute).
        uint256 settled;
    }

    /// @notice A seat as `seatInfo` reports it.
    struct SeatInfo {
        address arbiter;
        /// @dev The commitment, until revealed (then zero).
        bytes32 commitment;
        bool revealed;
        uint256 ruling;
    }

    /// @notice The commitment of a vote: keccak256(abi.encode(court, disputeID, round, seat, arbiter,
    /// ruling, salt)). Binding the arbiter and seat stops anyone from copying another seat's commitment.
    function hashVote(
        uint256 disputeID,
        uint256 round,
        uint256 seat,
        address arbiter,
        uint256 ruling,
        bytes32 salt
    ) external view returns (bytes32);

    /// @notice The parameters.
    function parameters() external view returns (CourtParameters memory);
    /// @notice Where the dispute stands.
    function disputeInfo(uint256 disputeID) external view returns (DisputeInfo memory);
    /// @notice One round of a dispute.
    function roundInfo(uint256 disputeID, uint256 round) external view returns (RoundInfo memory);
    /// @notice One seat of a round.
    function seatInfo(uint256 disputeID, uint256 round, uint256 seat) external view returns (SeatInfo memory);
    /// @notice Revealed votes for `ruling` in the round.
    function voteCount(uint256 disputeID, uint256 round, uint256 ruling) external view returns (uint256);
    /// @notice Where the dispute stands, as a phase.
    function phase(uint256 disputeID) external view returns (CourtPhase);
    /// @notice An arbiter's stake and the part of it locked by open seats.
    function stakeOf(address arbiter) external view returns (uint256 stake, uint256 locked);
    /// @notice What the court owes `account`.
    function owed(address account) external view returns (uint256 native, uint256 tokens);
    /// @notice The sum of all arbiters' draw weights (stake / 10^9, rounded down).
    function totalWeight() external view returns (uint256);
    /// @notice Penalties taken from incoherent seats and not yet credited to a round's coherent seats.
    function pendingPenalties() external view returns (uint256);
    /// @notice How many disputes were created.
    function disputeCount() external view returns (uint256);
    /// @notice The randomness source for new tickets.
    function randomness() external view returns (IRandomness);
}
