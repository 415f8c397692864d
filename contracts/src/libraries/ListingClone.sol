// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @title ListingClone
/// @notice Reads a listing's clone args and proves, from its address alone, that a factory deployed it.
/// @dev Runtime code of a clone with immutable args (OpenZeppelin `Clones`): 10 bytes of proxy code, the
/// template address, 15 more bytes of proxy code, then the args. The factory deploys with CREATE2 and
/// `salt = index`, so recomputing the address from the code read back is a proof that needs no registry
/// (and no storage write when a listing is created).
library ListingClone {
    uint256 internal constant TEMPLATE_OFFSET = 10;
    uint256 internal constant ARGS_OFFSET = 0x2d;
    /// @dev seller (20) | currency (20) | basePrice (12) | index (8); templates may append more.
    uint256 internal constant COMMON_ARGS_LENGTH = 60;

    /// @notice The args every template shares.
    function encodeArgs(address seller, address currency, uint96 basePrice, uint64 index)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(seller, currency, basePrice, index);
    }

    /// @notice Returns the listing's seller and currency if `factory` deployed `listing`, else zeros.
    function verify(address listing, address factory)
        internal
        view
        returns (address seller, address currency)
    {
        uint256 size = listing.code.length;
        if (size < ARGS_OFFSET + COMMON_ARGS_LENGTH) return (address(0), address(0));
        bytes memory args = new bytes(size - ARGS_OFFSET);
        address template;
        uint64 index;
        assembly ("memory-safe") {
            extcodecopy(listing, add(args, 0x20), ARGS_OFFSET, mload(args))
            let scratch := mload(0x40)
            extcodecopy(listing, scratch, TEMPLATE_OFFSET, 20)
            template := shr(96, mload(scratch))
            seller := shr(96, mload(add(args, 0x20)))
            currency := shr(96, mload(add(args, 0x34)))
            index := shr(192, mload(add(args, 0x54)))
        }
        address predicted = Clones.predictDeterministicAddressWithImmutableArgs(
            template, args, bytes32(uint256(index)), factory
        );
        if (predicted != listing) return (address(0), address(0));
    }
}
