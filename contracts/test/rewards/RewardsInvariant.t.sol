// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {LanternToken} from "../../src/dao/LanternToken.sol";
import {IRewards} from "../../src/interfaces/IRewards.sol";
import {Rewards} from "../../src/rewards/Rewards.sol";
import {RewardsFixture} from "./RewardsFixture.sol";

interface ITreeBuilder {
    function treeOf(Rewards rewards, uint256 epoch, address[4] memory accounts, uint256[4] memory amounts)
        external
        view
        returns (bytes32 root, bytes32[][4] memory proofs);
}

/// @notice Posts roots of random payouts (some adding up to more than they declare), challenges, strikes
/// and claims, and keeps the ghost sum of the emissions released so far.
contract RewardsHandler is Test {
    Rewards internal rewards;
    LanternToken internal token;
    RewardsFixture internal fixture;
    address internal distributor;
    address internal governance;

    uint256 public released;
    uint256 public claimed;
    mapping(uint256 epoch => address[4]) internal _accounts;
    mapping(uint256 epoch => uint256[4]) internal _amounts;
    mapping(uint256 epoch => bytes32[][4]) internal _proofs;
    mapping(uint256 epoch => bool) internal _released;

    constructor(
        RewardsFixture fixture_,
        Rewards rewards_,
        LanternToken token_,
        address distributor_,
        address gov
    ) {
        fixture = fixture_;
        rewards = rewards_;
        token = token_;
        distributor = distributor_;
        governance = gov;
    }

    function post(uint256 seed, uint256 declared) external {
        uint256 epoch = rewards.nextEpoch();
        vm.warp(
            block.timestamp < 1_750_000_000 + (epoch + 1) * 7 days
                ? 1_750_000_000 + (epoch + 1) * 7 days
                : block.timestamp
        );
        uint256 budget = rewards.budget(epoch);
        address[4] memory accounts;
        uint256[4] memory amounts;
        for (uint256 i; i < 4; ++i) {
            accounts[i] = address(uint160(uint256(keccak256(abi.encode(seed, i))) | 1));
            amounts[i] = uint256(keccak256(abi.encode(seed, i, "amount"))) % (budget / 2 + 1);
        }
        (bytes32 root, bytes32[][4] memory proofs) =
            ITreeBuilder(address(fixture)).treeOf(rewards, epoch, accounts, amounts);
        declared = bound(declared, 0, budget);
        vm.prank(distributor);
        rewards.postRoot(epoch, root, declared);
        if (!_released[epoch]) {
            _released[epoch] = true;
            released += rewards.emission(epoch);
        }
        _accounts[epoch] = accounts;
        _amounts[epoch] = amounts;
        _proofs[epoch] = proofs;
    }

    function challengeAndStrike(uint256 epochSeed) external {
        uint256 next = rewards.nextEpoch();
        if (next == 0) return;
        uint256 epoch = epochSeed % next;
        IRewards.EpochRoot memory r = rewards.epochRoot(epoch);
        if (r.status != IRewards.RootStatus.Posted || r.postedAt == 0) return;
        if (block.timestamp >= uint256(r.postedAt) + 2 days) return;
        rewards.challengeRoot(epoch, bytes32(0));
        vm.prank(governance);
        rewards.resolveChallenge(epoch, false);
        // The distributor posts it anew with the same payouts, declared within what is left.
        (bytes32 root,) =
            ITreeBuilder(address(fixture)).treeOf(rewards, epoch, _accounts[epoch], _amounts[epoch]);
        vm.prank(distributor);
        rewards.postRoot(epoch, root, rewards.budget(epoch) / 2);
    }

    function claim(uint256 epochSeed, uint256 index) external {
        uint256 next = rewards.nextEpoch();
        if (next == 0) return;
        uint256 epoch = epochSeed % next;
        index %= 4;
        vm.warp(block.timestamp + 2 days);
        address account = _accounts[epoch][index];
        uint256 amount = _amounts[epoch][index];
        if (rewards.hasClaimed(epoch, index)) return;
        IRewards.EpochRoot memory r = rewards.epochRoot(epoch);
        if (r.status != IRewards.RootStatus.Posted) return;
        if (rewards.claimedTotal(epoch) + amount > r.total) return;
        rewards.claim(epoch, index, account, amount, _proofs[epoch][index]);
        claimed += amount;
    }
}

contract RewardsInvariantTest is RewardsFixture {
    RewardsHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new RewardsHandler(this, rewards, token, distributor, governance);
        targetContract(address(handler));
    }

    function treeOf(Rewards, uint256 epoch, address[4] memory accounts, uint256[4] memory amounts)
        external
        view
        returns (bytes32 root, bytes32[][4] memory proofs)
    {
        return _tree(epoch, accounts, amounts);
    }

    /// @notice Everything ever minted (and so claimed) stays within the emissions released, and every
    /// minted token is either claimed or still held by Rewards.
    function invariant_claimsNeverExceedTheBudget() public view {
        uint256 minted = token.totalSupply() - GENESIS;
        assertLe(minted, handler.released());
        assertLe(handler.claimed(), minted);
        assertEq(token.balanceOf(address(rewards)) + handler.claimed(), minted);
        uint256 next = rewards.nextEpoch();
        for (uint256 e; e < next; ++e) {
            // A struck root is deleted before anyone could claim from it: both read zero then.
            assertLe(rewards.claimedTotal(e), rewards.epochRoot(e).total);
        }
    }
}
