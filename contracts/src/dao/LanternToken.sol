// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {ILanternToken} from "../interfaces/ILanternToken.sol";

/// @title LanternToken
/// @notice ERC-20 with EIP-2612 permit and ERC-5805 votes on a timestamp clock. No owner: the cap and the
/// minter are immutable, so no vote and no key can ever inflate the supply beyond the reward schedule.
contract LanternToken is ILanternToken, ERC20, ERC20Permit, ERC20Votes {
    uint256 private immutable CAP;
    address private immutable MINTER;

    /// @param cap_ The most tokens that will ever exist.
    /// @param minter_ The `Rewards` contract (its address is predicted before it is deployed), or zero.
    /// @param recipients Who receives the genesis allocation.
    /// @param amounts How much each recipient receives.
    constructor(uint256 cap_, address minter_, address[] memory recipients, uint256[] memory amounts)
        ERC20("Lantern", "LNTN")
        ERC20Permit("Lantern")
    {
        if (cap_ == 0 || cap_ > type(uint208).max) revert InvalidCap(cap_);
        if (recipients.length != amounts.length) {
            revert AllocationLengthMismatch(recipients.length, amounts.length);
        }
        CAP = cap_;
        MINTER = minter_;
        for (uint256 i; i < recipients.length; ++i) {
            _mint(recipients[i], amounts[i]);
            emit GenesisAllocated(recipients[i], amounts[i]);
        }
        if (totalSupply() > cap_) revert AllocationExceedsCap(totalSupply(), cap_);
    }

    /// @inheritdoc ILanternToken
    function mint(address to, uint256 amount) external {
        if (msg.sender != MINTER) revert NotMinter(msg.sender);
        uint256 supply = totalSupply();
        if (amount > CAP - supply) revert CapExceeded(supply, amount, CAP);
        _mint(to, amount);
    }

    /// @inheritdoc ILanternToken
    function cap() external view returns (uint256) {
        return CAP;
    }

    /// @inheritdoc ILanternToken
    function minter() external view returns (address) {
        return MINTER;
    }

    /// @notice Votes are counted by timestamp, so governance periods are the same length on every chain.
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    /// @notice ERC-6372: this token's clock is the block timestamp.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
