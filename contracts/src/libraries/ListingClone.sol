// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";

/// @title ListingClone
/// @notice Deploys listings as EIP-1167 clones with immutable args, and proves from an address alone that a
/// factory deployed it.
/// @dev The clone format is OpenZeppelin's `Clones.cloneDeterministicWithImmutableArgs`: runtime code is
/// 10 bytes of proxy code, the template address, 15 more bytes of proxy code, then the args. Deploying here
/// (not through `Clones`) lets a taken address revert with a named error. Recomputing the CREATE2 address
/// from the code read back proves the factory deployed it, with no registry and no storage write.
library ListingClone {
    uint256 internal constant TEMPLATE_OFFSET = 10;
    uint256 internal constant ARGS_OFFSET = 0x2d;
    /// @dev seller (20) | currency (20) | salt (8); templates may append more.
    uint256 internal constant COMMON_ARGS_LENGTH = 48;

    /// @notice The args every template shares.
    function encodeArgs(address seller, address currency, uint64 salt) internal pure returns (bytes memory) {
        return abi.encodePacked(seller, currency, salt);
    }

    /// @notice Deploys a clone of `template` with `args`; returns address(0) if the address is taken.
    function deploy(address template, bytes memory args, uint64 salt) internal returns (address instance) {
        bytes memory code = _initCode(template, args);
        assembly ("memory-safe") {
            instance := create2(0, add(code, 0x20), mload(code), salt)
        }
    }

    /// @notice The address `factory` deploys a clone of `template` with `args` and `salt` to.
    function predict(address template, bytes memory args, uint64 salt, address factory)
        internal
        pure
        returns (address)
    {
        return Create2.computeAddress(bytes32(uint256(salt)), keccak256(_initCode(template, args)), factory);
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
        uint64 salt;
        assembly ("memory-safe") {
            extcodecopy(listing, add(args, 0x20), ARGS_OFFSET, mload(args))
            let scratch := mload(0x40)
            extcodecopy(listing, scratch, TEMPLATE_OFFSET, 20)
            template := shr(96, mload(scratch))
            seller := shr(96, mload(add(args, 0x20)))
            currency := shr(96, mload(add(args, 0x34)))
            salt := shr(192, mload(add(args, 0x48)))
        }
        if (predict(template, args, salt, factory) != listing) return (address(0), address(0));
    }

    function _initCode(address template, bytes memory args) private pure returns (bytes memory) {
        return abi.encodePacked(
            hex"61",
            // Safe: args are 48 bytes for every template so far, far below the 0x5fd3 that EIP-170 allows.
            // forge-lint: disable-next-line(unsafe-typecast)
            uint16(args.length + ARGS_OFFSET),
            hex"3d81600a3d39f3363d3d373d3d3d363d73",
            template,
            hex"5af43d82803e903d91602b57fd5bf3",
            args
        );
    }
}
