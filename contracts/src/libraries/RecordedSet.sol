// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title RecordedSet
/// @notice Which (kind, legacy id) pairs were recorded: one bit each, 256 neighbouring ids to a storage word.
/// @dev The exact id picks the word and the bit, so membership has no false positives. A fresh word costs
/// 22,100 gas and a bit in a word already loaded almost nothing, so dense numeric ids published in order
/// mark themselves for about 100 gas each. The kind takes the top byte of the word key and the id's low byte
/// is the bit index, so the key is injective.
library RecordedSet {
    /// @notice The key of the word holding ids `word << 8` to `word << 8 | 255` of `kind`.
    function wordKey(uint256 kind, uint256 word) internal pure returns (uint256) {
        return (kind << 248) | (word & type(uint248).max);
    }

    /// @notice The key of the word holding `legacyId` of `kind`, and the id's bit in it.
    function locate(uint256 kind, uint256 legacyId) internal pure returns (uint256 key, uint256 mask) {
        // forge-lint: disable-next-line(incorrect-shift)
        return (wordKey(kind, legacyId >> 8), 1 << (legacyId & 0xff)); // The bit is the id's low byte.
    }

    /// @notice Whether the pair was recorded.
    function contains(mapping(uint256 => uint256) storage words, uint256 kind, uint256 legacyId)
        internal
        view
        returns (bool)
    {
        (uint256 key, uint256 mask) = locate(kind, legacyId);
        return words[key] & mask != 0;
    }
}
