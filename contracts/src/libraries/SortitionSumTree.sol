// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title SortitionSumTree
/// @notice A K-ary sum tree (K = 4) over weighted leaves, after Kleros' sortition sum trees: a leaf is
/// drawn with probability weight / total in O(log n) reads, and a weight changes in O(log n) writes.
/// @dev Layout, chosen for gas (see docs/court.md):
/// - A leaf is one word: owner (bits 0-159) | weight (160-223) | next vacant leaf + 1 (224-254) | allocated
///   (255). The allocated bit keeps a vacated word non-zero, so reusing it costs 5,000 gas, not 22,100.
/// - Internal node (l, i), for levels 1 <= l < height, is a 64-bit lane of word `nodes[l << 64 | i >> 2]`,
///   lane `i & 3`: the four children of a node share one word, so a draw reads one word per level and an
///   update writes one word per level. Leaves never move (unlike Kleros' trees, which push a leaf down when
///   a level fills up), so an owner's leaf index is stable and the tree grows by adding a root above.
/// - The root (height, 0) is not stored: the total is the sum of its four children.
/// Weights are uint64; every node's sum is checked to fit, so `total` is at most 4 * (2^64 - 1).
library SortitionSumTree {
    uint256 internal constant K = 4;
    uint256 private constant LANE_MASK = type(uint64).max;
    uint256 private constant WEIGHT_SHIFT = 160;
    uint256 private constant NEXT_SHIFT = 224;
    uint256 private constant NEXT_MASK = (1 << 31) - 1;
    uint256 private constant ALLOCATED = 1 << 255;
    uint256 private constant MAX_LEAVES = (1 << 31) - 2;

    struct Tree {
        /// @dev Leaves ever allocated; vacant ones are reused first.
        uint32 leafCount;
        /// @dev Levels above the leaves: 4^height >= leafCount, and 1 once a leaf exists.
        uint8 height;
        /// @dev 1 + the most recently vacated leaf, 0 when none is vacant.
        uint32 freeHead;
        mapping(uint256 leaf => uint256 word) leaves;
        mapping(uint256 key => uint256 word) nodes;
    }

    /// @notice A node's weight would exceed 2^64 - 1.
    error TreeOverflow(uint256 leaf, uint256 level);
    /// @notice The tree holds the most leaves it can index.
    error TreeFull();

    /// @notice Adds a leaf owned by `owner` with `weight`, reusing a vacant leaf if there is one.
    /// @return leaf The leaf's index, stable until `remove`.
    function insert(Tree storage tree, address owner, uint64 weight) internal returns (uint256 leaf) {
        uint256 height = tree.height;
        uint256 free = tree.freeHead;
        if (free != 0) {
            leaf = free - 1;
            tree.freeHead = uint32((tree.leaves[leaf] >> NEXT_SHIFT) & NEXT_MASK);
        } else {
            leaf = tree.leafCount;
            if (leaf == MAX_LEAVES) revert TreeFull();
            if (height == 0) {
                height = 1;
            } else if (leaf == 1 << (2 * height)) {
                // The tree is full: the old root becomes child 0 of a new root, stored for the first time.
                uint256 total_ = _total(tree, height);
                if (total_ > LANE_MASK) revert TreeOverflow(leaf, height);
                tree.nodes[height << 64] = total_;
                ++height;
            }
            tree.leafCount = uint32(leaf + 1);
            tree.height = uint8(height);
        }
        tree.leaves[leaf] = ALLOCATED | (uint256(weight) << WEIGHT_SHIFT) | uint256(uint160(owner));
        if (weight != 0) _add(tree, leaf, height, weight);
    }

    /// @notice Sets the weight of an allocated leaf.
    function update(Tree storage tree, uint256 leaf, uint64 weight) internal {
        uint256 word = tree.leaves[leaf];
        uint256 old = (word >> WEIGHT_SHIFT) & LANE_MASK;
        if (old == weight) return;
        tree.leaves[leaf] = (word & ~(LANE_MASK << WEIGHT_SHIFT)) | (uint256(weight) << WEIGHT_SHIFT);
        if (weight > old) _add(tree, leaf, tree.height, weight - old);
        else _sub(tree, leaf, tree.height, old - weight);
    }

    /// @notice Sets the leaf's weight to zero and frees it for the next `insert`.
    function remove(Tree storage tree, uint256 leaf) internal {
        uint256 old = (tree.leaves[leaf] >> WEIGHT_SHIFT) & LANE_MASK;
        if (old != 0) _sub(tree, leaf, tree.height, old);
        tree.leaves[leaf] = ALLOCATED | (uint256(tree.freeHead) << NEXT_SHIFT);
        tree.freeHead = uint32(leaf + 1);
    }

    /// @notice Draws a leaf with probability weight / total, from a uniformly random `random`.
    /// @return leaf The drawn leaf; `owner` is zero when the tree's total is zero.
    function draw(Tree storage tree, uint256 random) internal view returns (uint256 leaf, address owner) {
        uint256 height = tree.height;
        if (height == 0) return (0, address(0));
        uint256 total_ = _total(tree, height);
        if (total_ == 0) return (0, address(0));
        // Modulo bias is below total / 2^256 < 2^-189: negligible.
        uint256 r = random % total_;
        uint256 node;
        for (uint256 level = height - 1; level != 0; --level) {
            // The children of node (level + 1, node) are (level, 4 * node + j): the lanes of one word.
            uint256 word = tree.nodes[(level << 64) | node];
            uint256 lane;
            for (; lane < K; ++lane) {
                uint256 weight = (word >> (lane * 64)) & LANE_MASK;
                if (r < weight) break;
                r -= weight;
            }
            // The sums are kept consistent, so r < the node's weight always lands on a child.
            assert(lane < K);
            node = (node << 2) + lane;
        }
        leaf = node << 2;
        for (uint256 end = leaf + K; leaf < end; ++leaf) {
            uint256 word = tree.leaves[leaf];
            uint256 weight = (word >> WEIGHT_SHIFT) & LANE_MASK;
            if (r < weight) return (leaf, address(uint160(word)));
            r -= weight;
        }
        // The sums are kept consistent, so r < total always lands on a leaf.
        assert(false);
    }

    /// @notice The sum of all weights.
    function total(Tree storage tree) internal view returns (uint256) {
        uint256 height = tree.height;
        return height == 0 ? 0 : _total(tree, height);
    }

    /// @notice A leaf's weight.
    function weightOf(Tree storage tree, uint256 leaf) internal view returns (uint64) {
        return uint64(tree.leaves[leaf] >> WEIGHT_SHIFT);
    }

    /// @notice A leaf's owner; zero for a vacant or unallocated leaf.
    function ownerOf(Tree storage tree, uint256 leaf) internal view returns (address) {
        return address(uint160(tree.leaves[leaf]));
    }

    /// @notice The weight of internal node (level, index), 1 <= level < height.
    function nodeWeight(Tree storage tree, uint256 level, uint256 index) internal view returns (uint64) {
        return uint64(tree.nodes[(level << 64) | (index >> 2)] >> ((index & 3) * 64));
    }

    function _total(Tree storage tree, uint256 height) private view returns (uint256 sum) {
        if (height == 1) {
            for (uint256 leaf; leaf < K; ++leaf) {
                sum += (tree.leaves[leaf] >> WEIGHT_SHIFT) & LANE_MASK;
            }
        } else {
            uint256 word = tree.nodes[(height - 1) << 64];
            for (uint256 lane; lane < K; ++lane) {
                sum += (word >> (lane * 64)) & LANE_MASK;
            }
        }
    }

    /// @dev Adds `delta` to every stored ancestor of `leaf`.
    function _add(Tree storage tree, uint256 leaf, uint256 height, uint256 delta) private {
        for (uint256 level = 1; level < height; ++level) {
            uint256 node = leaf >> (2 * level);
            uint256 key = (level << 64) | (node >> 2);
            uint256 shift = (node & 3) * 64;
            uint256 word = tree.nodes[key];
            if (((word >> shift) & LANE_MASK) + delta > LANE_MASK) revert TreeOverflow(leaf, level);
            // No carry into the next lane: the lane's new value fits, checked above.
            tree.nodes[key] = word + (delta << shift);
        }
    }

    /// @dev Subtracts `delta` from every stored ancestor of `leaf`.
    function _sub(Tree storage tree, uint256 leaf, uint256 height, uint256 delta) private {
        for (uint256 level = 1; level < height; ++level) {
            uint256 node = leaf >> (2 * level);
            uint256 key = (level << 64) | (node >> 2);
            uint256 shift = (node & 3) * 64;
            // No borrow from the next lane: a node's sum includes the leaf's old weight, which is >= delta.
            tree.nodes[key] -= delta << shift;
        }
    }
}
