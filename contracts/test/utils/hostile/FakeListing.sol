// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IListing, ListingStatus} from "../../../src/interfaces/IListing.sol";

/// @notice Looks like a listing from the outside (same interface, plausible answers) but was not deployed
/// by the marketplace's factory. `purchase` never checks stock and always sells at a price of 1 wei.
contract FakeListing is IListing {
    address public immutable seller;
    address public immutable currency;

    constructor(address seller_, address currency_) {
        seller = seller_;
        currency = currency_;
    }

    function initialize(uint96, uint64, uint24) external {}

    function purchase(uint32) external pure returns (uint256, uint256) {
        return (1, 0);
    }

    function categoryTag() external pure returns (uint256) {
        return 0;
    }

    function restock(uint32) external {}
    function setPrice(uint96) external {}
    function setStock(uint64) external {}
    function pause() external {}
    function resume() external {}
    function close() external {}
    function remove() external {}

    function price() external pure returns (uint256) {
        return 1;
    }

    function stock() external pure returns (uint256) {
        return type(uint64).max;
    }

    function sold() external pure returns (uint256) {
        return 0;
    }

    function status() external pure returns (ListingStatus) {
        return ListingStatus.Active;
    }

    function salt() external pure returns (uint256) {
        return 0;
    }

    function template() external view returns (address) {
        return address(this);
    }

    function factory() external view returns (address) {
        return address(this);
    }

    function escrow() external view returns (address) {
        return address(this);
    }
}
