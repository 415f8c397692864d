// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {ListingClone} from "../../../src/libraries/ListingClone.sol";

/// @notice Deploys byte-for-byte listing clones of a genuine template, with the same arg layout and salt
/// rule as the factory, but from its own address.
contract RogueCloner {
    function clone(address template, address seller, address currency, uint64 salt)
        external
        returns (address)
    {
        bytes memory args = ListingClone.encodeArgs(seller, currency, salt);
        return Clones.cloneDeterministicWithImmutableArgs(template, args, bytes32(uint256(salt)));
    }

    /// @notice A clone with extra args after the common ones, as a later template might use.
    function cloneWithArgs(address template, bytes calldata args, bytes32 salt) external returns (address) {
        return Clones.cloneDeterministicWithImmutableArgs(template, args, salt);
    }
}
