// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {LanternToken} from "../../src/dao/LanternToken.sol";

/// @notice The DAO's token with its whole genesis `supply` to `holder`, capped at that supply and no minter:
/// what the court's tests stake.
function deployLanternToken(address holder, uint256 supply) returns (LanternToken) {
    address[] memory holders = new address[](1);
    holders[0] = holder;
    uint256[] memory amounts = new uint256[](1);
    amounts[0] = supply;
    return new LanternToken(supply, address(0), holders, amounts);
}
