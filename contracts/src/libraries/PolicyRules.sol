// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The compact form of the marketplace's rules that `Policy` writes into the factory, so that the
/// check at creation is one read of the factory's own storage (a call to another contract would cost more
/// than the creation budget allows). One word per category:
///   bit 0  the category has a rule (its word is never zero)
///   bit 1  banned: no new listings
///   bit 2  price ceilings exist for some currency: look up `ceilingKey`
///   bits 8..31   the category's index (0 for every category without a rule of its own)
///   bits 32..127 the seller bond, in the DAO token
/// Keys: `categoryKey(name)` for a category's word, `DEFAULT_KEY` for the word of every category without one
/// of its own, `ceilingKey(index, currency)` for a ceiling.
library PolicyRules {
    uint256 internal constant EXISTS = 1;
    uint256 internal constant BANNED = 2;
    uint256 internal constant HAS_CEILING = 4;
    /// @dev No category name hashes to zero.
    bytes32 internal constant DEFAULT_KEY = bytes32(0);

    function categoryKey(string calldata category) internal pure returns (bytes32 key) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, category.offset, category.length)
            key := keccak256(ptr, category.length)
        }
    }

    function ceilingKey(uint256 categoryIndex, address currency) internal pure returns (bytes32 key) {
        assembly ("memory-safe") {
            mstore(0x00, categoryIndex)
            mstore(0x20, currency)
            key := keccak256(0x00, 0x40)
        }
    }

    function index(uint256 rule) internal pure returns (uint24) {
        return uint24(rule >> 8);
    }

    function bond(uint256 rule) internal pure returns (uint96) {
        return uint96(rule >> 32);
    }

    function pack(uint24 index_, bool banned, bool hasCeiling, uint96 bond_)
        internal
        pure
        returns (uint256 rule)
    {
        rule = EXISTS | uint256(index_) << 8 | uint256(bond_) << 32;
        if (banned) rule |= BANNED;
        if (hasCeiling) rule |= HAS_CEILING;
    }
}
