// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRandomness
/// @notice A source of random numbers for the court's draws: the court asks for a number when a round
/// starts and reads it when the committee is drawn. `PrevrandaoRandomness` is the default; a VRF adapter
/// (Chainlink VRF, or any oracle) implements the same three functions (see docs/court.md).
/// @dev A ticket must never resolve to a number anyone could choose or foresee when it was requested.
interface IRandomness {
    /// @notice Asks for a random number.
    /// @return ticket What to pass to `randomness` and `expired`; never zero.
    function request() external returns (uint64 ticket);

    /// @notice The random number of `ticket`, or zero while it is not available (yet, or any more).
    function randomness(uint64 ticket) external view returns (uint256 value);

    /// @notice True when `ticket` will never give a number (its moment passed unrecorded, its request failed,
    /// or this source never issued it): the caller should request a new one.
    function expired(uint64 ticket) external view returns (bool);
}
