// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The compact form of the marketplace's rules that `Policy` writes into the factory and the escrow,
/// so that each check reads the checking contract's own storage (a call to another contract would cost more
/// than the creation and purchase budgets allow).
///
/// In the factory, one word per category name (`categoryKey`), `DEFAULT_KEY` for every category without one
/// of its own, and ceilings under `ceilingKey(index, currency)`:
///   bit 0  the category has a rule (its word is never zero)
///   bit 1  banned: no new listings, no purchases
///   bit 2  price ceilings exist for some currency: look up `ceilingKey`
///   bit 3  purchases must go through escrow
///   bits 8..31   the category's index (0 for every category without a rule of its own)
///   bits 32..127 the seller bond, in the DAO token
///
/// In the escrow, by the category's 24-bit tag (`tag`, which each listing keeps in its storage slot from its
/// creation on): the same word under `purchaseKey(tag)`, the default rule's under `DEFAULT_PURCHASE_KEY`,
/// ceilings under `ceilingKey(tag or DEFAULT_INDEX, currency)`; and a 192-bit filter of the tags whose
/// category has a purchase rule (`filterBit`; all bits when the default rule has one), kept beside the
/// escrow's order counter, which every purchase reads anyway: a purchase whose bit is clear reads nothing.
library PolicyRules {
    uint256 internal constant EXISTS = 1;
    uint256 internal constant BANNED = 2;
    uint256 internal constant HAS_CEILING = 4;
    uint256 internal constant ESCROW_REQUIRED = 8;
    /// @dev The flags a purchase checks.
    uint256 internal constant PURCHASE_RULES = BANNED | HAS_CEILING | ESCROW_REQUIRED;
    /// @dev No category name hashes to zero.
    bytes32 internal constant DEFAULT_KEY = bytes32(0);

    /// @dev The escrow's index for the default rule: above every 24-bit tag.
    uint256 internal constant DEFAULT_INDEX = 1 << 24;
    bytes32 internal constant DEFAULT_PURCHASE_KEY = bytes32(DEFAULT_INDEX);
    /// @dev The key under which the escrow takes a new filter (no rule or ceiling key is all ones).
    bytes32 internal constant FILTER_KEY = bytes32(type(uint256).max);
    uint256 internal constant FILTER_BITS = 192;
    /// @dev A filter with every bit set: the default rule has a purchase rule, so every purchase checks.
    uint256 internal constant FILTER_ALL = (1 << FILTER_BITS) - 1;

    function categoryKey(string calldata category) internal pure returns (bytes32 key) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, category.offset, category.length)
            key := keccak256(ptr, category.length)
        }
    }

    /// @notice The 24 bits of a category's key that its listings keep. Two ruled categories never share a tag
    /// (the policy refuses the second); an unruled category that shares a ruled one's tag is checked by it.
    function tag(bytes32 key) internal pure returns (uint24) {
        return uint24(uint256(key));
    }

    function purchaseKey(uint256 tag_) internal pure returns (bytes32) {
        return bytes32(tag_);
    }

    function filterBit(uint256 tag_) internal pure returns (uint256) {
        return tag_ % FILTER_BITS;
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

    function pack(uint24 index_, bool banned, bool hasCeiling, bool escrowRequired, uint96 bond_)
        internal
        pure
        returns (uint256 rule)
    {
        rule = EXISTS | uint256(index_) << 8 | uint256(bond_) << 32;
        if (banned) rule |= BANNED;
        if (hasCeiling) rule |= HAS_CEILING;
        if (escrowRequired) rule |= ESCROW_REQUIRED;
    }
}
