// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRandomness} from "../interfaces/IRandomness.sol";

/// @title PrevrandaoRandomness
/// @notice The default randomness source: a ticket is a block number fixed `LOOKAHEAD` blocks after the
/// request, and its number is that block's `block.prevrandao`, read by any transaction in that very block
/// (a draw, or anyone's `record`). A ticket whose block passes unread expires, and the court asks again.
/// @dev Limits (docs/court.md): a block's prevrandao is known one block ahead, and its proposer may skip
/// its slot to change it (one bit of bias per proposer); the only other choice anyone has is to not read a
/// ticket that nobody else reads, which makes it expire. On chains whose prevrandao is constant or set by a
/// sequencer (many L2s), use a VRF adapter instead.
contract PrevrandaoRandomness is IRandomness {
    /// @notice Blocks between a request and its ticket's block.
    uint256 public immutable LOOKAHEAD;

    mapping(uint256 blockNumber => uint256) private _recorded;

    /// @notice The lookahead must be at least one block.
    error InvalidLookahead(uint256 lookahead);

    /// @notice The number of the block was stored, for reads after the block.
    event RandomnessRecorded(uint256 indexed blockNumber, uint256 value);

    constructor(uint256 lookahead) {
        if (lookahead == 0 || lookahead > type(uint32).max) revert InvalidLookahead(lookahead);
        LOOKAHEAD = lookahead;
    }

    /// @inheritdoc IRandomness
    function request() external view returns (uint64 ticket) {
        return uint64(block.number + LOOKAHEAD);
    }

    /// @notice Stores this block's number so it can be read later; anyone may call it (a keeper does, in
    /// the block of a ticket, when the draw itself cannot land there).
    function record() external returns (uint256 value) {
        value = _recorded[block.number];
        if (value != 0) return value;
        value = _current();
        _recorded[block.number] = value;
        emit RandomnessRecorded(block.number, value);
    }

    /// @inheritdoc IRandomness
    function randomness(uint64 ticket) external view returns (uint256) {
        if (ticket == block.number) return _current();
        return _recorded[ticket];
    }

    /// @inheritdoc IRandomness
    function expired(uint64 ticket) external view returns (bool) {
        return ticket < block.number && _recorded[ticket] == 0;
    }

    /// @notice The number this block gives: never zero, and distinct per block even where prevrandao is not.
    function _current() private view returns (uint256 value) {
        value = uint256(keccak256(abi.encode(block.prevrandao, block.number)));
        if (value == 0) value = 1;
    }
}
