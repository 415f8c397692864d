// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CourtParameters, CourtPhase, RoundFlags, RoundState} from "../types/CourtTypes.sol";

/// @title CourtRounds
/// @notice The schedule and the tally of one round of a court dispute, on its one-word `RoundState`.
/// @dev A round's periods follow from the moment its committee is complete: commit until `commitEnd`, reveal
/// until `revealEnd`, appeal until `revealEnd + appealPeriod`. Nothing has to happen on chain to pass from one
/// period to the next.
library CourtRounds {
    /// @notice The largest committee the court draws (2^10 - 1): appeals double the committee plus one until
    /// the next one would exceed it, so a dispute has at most 9 rounds from a committee of 3.
    uint256 internal constant MAX_COMMITTEE = 1023;

    /// @notice Fixes the periods of a round whose committee just became complete at `now_`.
    function schedule(RoundState memory round, CourtParameters storage parameters, uint256 now_)
        internal
        view
    {
        uint256 commitEnd = now_ + parameters.commitPeriod;
        round.commitEnd = uint40(commitEnd);
        round.revealEnd = uint40(commitEnd + parameters.revealPeriod);
        // The last round the appeal limit allows is final as soon as its votes are revealed.
        round.appealPeriod = canAppeal(round.committee) ? parameters.appealPeriod : 0;
    }

    /// @notice Whether a ruling of a round of `committee` seats may be appealed at all.
    function canAppeal(uint256 committee) internal pure returns (bool) {
        return 2 * committee + 1 <= MAX_COMMITTEE;
    }

    /// @notice Counts a revealed vote for `ruling`, which now has `count` votes.
    function tally(RoundState memory round, uint256 ruling, uint256 count) internal pure {
        if (ruling == round.winningRuling) {
            round.winningVotes = uint16(count);
            round.flags &= ~RoundFlags.TIED;
        } else if (count > round.winningVotes) {
            round.winningRuling = uint32(ruling);
            round.winningVotes = uint16(count);
            round.flags &= ~RoundFlags.TIED;
        } else if (count == round.winningVotes) {
            round.flags |= RoundFlags.TIED;
        }
        ++round.revealed;
    }

    /// @notice The round's ruling: its majority, or 0 (refuse to arbitrate, the arbitrable's default) when the
    /// top rulings tie or nobody revealed.
    function rulingOf(RoundState memory round) internal pure returns (uint256) {
        return round.flags & RoundFlags.TIED != 0 ? 0 : round.winningRuling;
    }

    /// @notice Whether the committee is complete.
    function isDrawn(RoundState memory round) internal pure returns (bool) {
        return round.commitEnd != 0;
    }

    /// @notice The end of the round's appeal period; zero while drawing.
    function appealEnd(RoundState memory round) internal pure returns (uint256) {
        return round.commitEnd == 0 ? 0 : uint256(round.revealEnd) + round.appealPeriod;
    }

    /// @notice Whether the round's ruling can no longer be appealed: final, if it is the last round.
    function isFinal(RoundState memory round, uint256 now_) internal pure returns (bool) {
        return round.commitEnd != 0 && now_ >= uint256(round.revealEnd) + round.appealPeriod;
    }

    /// @notice The phase of a dispute whose last round is `round`.
    function phase(RoundState memory round, uint256 now_) internal pure returns (CourtPhase) {
        if (round.commitEnd == 0) return CourtPhase.Drawing;
        if (now_ < round.commitEnd) return CourtPhase.Commit;
        if (now_ < round.revealEnd) return CourtPhase.Reveal;
        if (now_ < uint256(round.revealEnd) + round.appealPeriod) return CourtPhase.Appeal;
        return CourtPhase.Final;
    }
}
