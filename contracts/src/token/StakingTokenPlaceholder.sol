// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title StakingTokenPlaceholder
/// @notice PLACEHOLDER for the DAO's `LanternToken` until governance lands: an ERC-20 with EIP-2612 permit
/// and ERC-5805 votes, the interface the court stakes. Its whole fixed supply is minted once to `holder`;
/// it has no cap logic, no owner and no reward schedule. Replace it, do not extend it.
contract StakingTokenPlaceholder is ERC20, ERC20Permit, ERC20Votes {
    constructor(address holder, uint256 supply)
        ERC20("Lantern (placeholder)", "LNTN")
        ERC20Permit("Lantern (placeholder)")
    {
        _mint(holder, supply);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
