// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CourtRounds} from "./CourtRounds.sol";

/// @title CourtFees
/// @notice The court's arithmetic of committees, fees and rewards.
library CourtFees {
    /// @notice The committee an arbitrable asks for: the first 32 bytes of `extraData` as a number of seats,
    /// rounded up to odd and capped at `CourtRounds.MAX_COMMITTEE`; the default when absent or zero.
    function committeeSize(bytes calldata extraData, uint256 defaultSize)
        internal
        pure
        returns (uint256 size)
    {
        if (extraData.length >= 32) size = uint256(bytes32(extraData[:32]));
        if (size == 0) return defaultSize;
        if (size >= CourtRounds.MAX_COMMITTEE) return CourtRounds.MAX_COMMITTEE;
        // Overflow not possible: size < MAX_COMMITTEE.
        return size | 1;
    }

    /// @notice How a round's fee and the penalties of its incoherent seats are shared: each of the
    /// `coherent` seats gets an equal share, and the owner (the DAO's treasury) what cannot be shared (the
    /// rounding remainder, or everything when no seat was coherent).
    function shares(uint256 fee, uint256 penalties, uint256 coherent)
        internal
        pure
        returns (uint256 nativeEach, uint256 tokensEach, uint256 treasuryNative, uint256 treasuryTokens)
    {
        if (coherent == 0) {
            return (0, 0, fee, penalties);
        }
        nativeEach = fee / coherent;
        tokensEach = penalties / coherent;
        treasuryNative = fee - nativeEach * coherent;
        treasuryTokens = penalties - tokensEach * coherent;
    }

    /// @notice What a withdrawn round's `drawn` seats earn (an equal part of the fee per seat of the
    /// committee, for the work they were drawn to do) and what goes back to the round's payer.
    function withdrawal(uint256 fee, uint256 committee, uint256 drawn)
        internal
        pure
        returns (uint256 earned, uint256 refund)
    {
        earned = drawn * (fee / committee);
        refund = fee - earned;
    }
}
