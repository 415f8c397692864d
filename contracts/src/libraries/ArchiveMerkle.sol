// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArchive} from "../interfaces/IArchive.sol";

/// @title ArchiveMerkle
/// @notice Leaves and roots of archive batches, as `IArchive` documents them: StandardMerkleTree leaves,
/// neighbours paired level by level, sorted pairs (what OpenZeppelin's `MerkleProof` verifies). Off-chain
/// proof builders mirror `root` exactly.
library ArchiveMerkle {
    /// @notice `keccak256(bytes.concat(keccak256(abi.encode(kind, legacyId, content, summary))))`.
    /// @dev The reference definition; `Archive._record` computes the same hash inline, and tests check the
    /// two agree on every record they publish.
    function leaf(IArchive.Record calldata record) internal pure returns (bytes32) {
        return keccak256(
            bytes.concat(keccak256(abi.encode(record.kind, record.legacyId, record.content, record.summary)))
        );
    }

    /// @notice The root over the first `count` leaves (overwritten in the process); `count` must be >= 1.
    function root(bytes32[] memory leaves, uint256 count) internal pure returns (bytes32 hash) {
        assembly ("memory-safe") {
            let base := add(leaves, 0x20)
            for {} gt(count, 1) {} {
                let pairs := shr(1, count)
                for { let i := 0 } lt(i, pairs) { i := add(i, 1) } {
                    let at := add(base, shl(6, i))
                    let a := mload(at)
                    let b := mload(add(at, 0x20))
                    // Sorted pair: the smaller word first.
                    let swap := mul(xor(a, b), lt(b, a))
                    mstore(0x00, xor(a, swap))
                    mstore(0x20, xor(b, swap))
                    mstore(add(base, shl(5, i)), keccak256(0x00, 0x40))
                }
                // An odd last node moves up unchanged.
                if and(count, 1) {
                    mstore(add(base, shl(5, pairs)), mload(add(base, shl(5, sub(count, 1)))))
                    pairs := add(pairs, 1)
                }
                count := pairs
            }
            hash := mload(base)
        }
    }
}
