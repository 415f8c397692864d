// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {LanternToken} from "../../src/dao/LanternToken.sol";
import {ILanternToken} from "../../src/interfaces/ILanternToken.sol";
import {Rewards} from "../../src/rewards/Rewards.sol";

/// @notice A token whose minter is a Rewards contract (its address predicted, as `deploy()` does), and a
/// four-leaf Merkle tree with OpenZeppelin's sorted-pair hashing.
abstract contract RewardsFixture is Test {
    uint256 internal constant CAP = 1_000_000_000 ether;
    uint256 internal constant GENESIS = 100_000_000 ether;
    uint256 internal constant START = 1_750_000_000;
    uint256 internal constant EPOCH = 7 days;
    uint256 internal constant FIRST_EMISSION = 1_000_000 ether;
    uint256 internal constant DECAY_BPS = 100;
    uint256 internal constant WINDOW = 2 days;

    address internal governance = makeAddr("governance");
    address internal distributor = makeAddr("distributor");
    LanternToken internal token;
    Rewards internal rewards;

    function setUp() public virtual {
        vm.warp(START);
        address predicted = vm.computeCreateAddress(address(this), vm.getNonce(address(this)) + 1);
        address[] memory recipients = new address[](1);
        recipients[0] = governance;
        uint256[] memory amounts = new uint256[](1);
        amounts[0] = GENESIS;
        token = new LanternToken(CAP, predicted, recipients, amounts);
        rewards = new Rewards(
            governance, ILanternToken(address(token)), START, EPOCH, FIRST_EMISSION, DECAY_BPS, WINDOW
        );
        assertEq(address(rewards), predicted);
        vm.prank(governance);
        rewards.setDistributor(distributor);
    }

    function _hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    /// @dev Root and proofs of four payouts.
    function _tree(uint256 epoch, address[4] memory accounts, uint256[4] memory amounts)
        internal
        view
        returns (bytes32 root, bytes32[][4] memory proofs)
    {
        bytes32[4] memory leaves;
        for (uint256 i; i < 4; ++i) {
            leaves[i] = rewards.rewardLeaf(epoch, i, accounts[i], amounts[i]);
        }
        bytes32 left = _hashPair(leaves[0], leaves[1]);
        bytes32 right = _hashPair(leaves[2], leaves[3]);
        root = _hashPair(left, right);
        for (uint256 i; i < 4; ++i) {
            proofs[i] = new bytes32[](2);
            proofs[i][0] = leaves[i ^ 1];
            proofs[i][1] = i < 2 ? right : left;
        }
    }
}
