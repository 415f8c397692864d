// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {SortitionSumTree} from "../../src/libraries/SortitionSumTree.sol";

/// @notice Exposes the library on one tree, with a plain list of weights to check it against.
contract TreeHarness {
    using SortitionSumTree for SortitionSumTree.Tree;

    SortitionSumTree.Tree private _tree;

    function insert(address owner, uint64 weight) external returns (uint256) {
        return _tree.insert(owner, weight);
    }

    function update(uint256 leaf, uint64 weight) external {
        _tree.update(leaf, weight);
    }

    function remove(uint256 leaf) external {
        _tree.remove(leaf);
    }

    function draw(uint256 random) external view returns (uint256 leaf, address owner) {
        return _tree.draw(random);
    }

    function total() external view returns (uint256) {
        return _tree.total();
    }

    function weightOf(uint256 leaf) external view returns (uint64) {
        return _tree.weightOf(leaf);
    }
}

contract SortitionSumTreeTest is Test {
    TreeHarness internal tree;

    function setUp() public {
        tree = new TreeHarness();
    }

    function test_draw_emptyTreeDrawsNobody() public view {
        (, address owner) = tree.draw(123);
        assertEq(owner, address(0));
    }

    function test_draw_walksCumulativeWeights() public {
        tree.insert(address(1), 10);
        tree.insert(address(2), 0);
        tree.insert(address(3), 5);
        for (uint256 r; r < 15; ++r) {
            (, address owner) = tree.draw(r);
            assertEq(owner, r < 10 ? address(1) : address(3));
        }
    }

    function test_insert_growsAndReusesVacantLeaves() public {
        for (uint256 i; i < 17; ++i) {
            assertEq(tree.insert(address(uint160(i + 1)), uint64(i + 1)), i);
        }
        assertEq(tree.total(), 17 * 18 / 2);
        tree.remove(4);
        tree.remove(9);
        assertEq(tree.total(), 153 - 5 - 10);
        assertEq(tree.insert(address(99), 7), 9);
        assertEq(tree.insert(address(98), 1), 4);
        assertEq(tree.insert(address(97), 1), 17);
        assertEq(tree.total(), 153 - 15 + 9);
    }

    /// @dev Any sequence of inserts, updates and removals keeps the total equal to the sum of the leaves,
    /// and every draw lands on the leaf whose cumulative range holds the number.
    function testFuzz_tree_totalAndDrawsMatchAList(uint64[24] memory weights, uint8[24] memory ops, uint256 r)
        public
    {
        uint64[] memory list = new uint64[](24);
        bool[] memory live = new bool[](24);
        uint256 count;
        for (uint256 i; i < 24; ++i) {
            uint64 w = weights[i] % 1e12;
            uint8 op = ops[i] % 3;
            if (op == 0 || count == 0) {
                uint256 leaf = tree.insert(address(uint160(i + 1)), w);
                list[leaf] = w;
                live[leaf] = true;
                if (leaf == count) ++count;
            } else {
                uint256 leaf = uint256(ops[i]) % count;
                if (!live[leaf]) continue;
                if (op == 1) {
                    tree.update(leaf, w);
                    list[leaf] = w;
                } else {
                    tree.remove(leaf);
                    list[leaf] = 0;
                    live[leaf] = false;
                }
            }
        }
        uint256 sum;
        for (uint256 i; i < count; ++i) {
            sum += list[i];
            assertEq(tree.weightOf(i), list[i]);
        }
        assertEq(tree.total(), sum);
        if (sum == 0) return;
        uint256 target = r % sum;
        uint256 expected;
        uint256 acc;
        for (; expected < count; ++expected) {
            acc += list[expected];
            if (target < acc) break;
        }
        (uint256 leaf,) = tree.draw(r);
        assertEq(leaf, expected);
    }

    function test_RevertWhen_nodeOverflows() public {
        tree.insert(address(1), type(uint64).max);
        tree.insert(address(2), 0);
        tree.insert(address(3), 0);
        tree.insert(address(4), 0);
        // The fifth leaf adds a level: node (1, 0) now holds the first four leaves' sum, which is full.
        tree.insert(address(5), type(uint64).max);
        vm.expectRevert(abi.encodeWithSelector(SortitionSumTree.TreeOverflow.selector, 1, 1));
        tree.update(1, 1);
        tree.update(0, type(uint64).max - 1);
        tree.update(1, 1);
        assertEq(tree.total(), 2 * uint256(type(uint64).max));
    }

    function test_RevertWhen_growingPastANodesCapacity() public {
        tree.insert(address(1), type(uint64).max);
        tree.insert(address(2), 1);
        tree.insert(address(3), 0);
        tree.insert(address(4), 0);
        vm.expectRevert(abi.encodeWithSelector(SortitionSumTree.TreeOverflow.selector, 4, 1));
        tree.insert(address(5), 0);
    }

    /// @dev 10,000 draws over ten arbiters with stakes 1..10: the counts follow the stakes. Pearson's
    /// chi-square with 9 degrees of freedom must stay under 27.877, the critical value at p = 0.001.
    function test_draw_frequencyFollowsStake_chiSquare() public {
        uint256 n = 10;
        uint256 draws = 10_000;
        uint256 totalWeight;
        for (uint256 i; i < n; ++i) {
            tree.insert(address(uint160(i + 1)), uint64((i + 1) * 1e9));
            totalWeight += (i + 1) * 1e9;
        }
        // Leaves 10..15 exist with weight zero and must never be drawn.
        for (uint256 i; i < 6; ++i) {
            tree.insert(address(uint160(100 + i)), 0);
        }
        uint256[] memory counts = new uint256[](n);
        bytes32 seed = keccak256("lantern court draws");
        for (uint256 d; d < draws; ++d) {
            (uint256 leaf,) = tree.draw(uint256(keccak256(abi.encode(seed, d))));
            assertLt(leaf, n);
            ++counts[leaf];
        }
        // chi2 * 1e6 = sum (obs - exp)^2 / exp, exp = draws * w / total, in fixed point.
        uint256 chi2;
        for (uint256 i; i < n; ++i) {
            uint256 expected6 = draws * (i + 1) * 1e9 * 1e6 / totalWeight;
            uint256 observed6 = counts[i] * 1e6;
            uint256 diff = observed6 > expected6 ? observed6 - expected6 : expected6 - observed6;
            chi2 += diff * diff / expected6;
        }
        emit log_named_decimal_uint("chi-square", chi2, 6);
        assertLt(chi2, 27_877_000);
    }
}
