// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {Archive} from "../../src/archive/Archive.sol";
import {IArchive} from "../../src/interfaces/IArchive.sol";

/// @notice An archive with one authorized publisher, records shaped as the importer packs them, and a
/// reference Merkle tree (root and proofs) written the plain way, to check the contract's assembly against.
// Test data: every narrowing cast below is of a value bounded by a modulo or a constant.
// forge-lint: disable-start(unsafe-typecast)
abstract contract ArchiveFixture is Test {
    uint8 internal constant LISTING = 0;
    uint8 internal constant REVIEW = 1;

    address internal owner = makeAddr("owner");
    address internal publisher = makeAddr("publisher");
    Archive internal archive;

    function setUp() public virtual {
        archive = new Archive(owner);
        vm.prank(owner);
        archive.setPublisher(publisher, true);
    }

    /// @dev A listing summary: version | date | price in cents | currency | category length | category | title.
    function _listingSummary(uint256 legacyId) internal pure returns (bytes memory) {
        return abi.encodePacked(
            uint8(1),
            uint40(1_546_300_800 + (legacyId % 1e6) * 37),
            uint64(19_900 + legacyId % 1000),
            bytes3("USD"),
            uint8(11),
            "electronics",
            "Nikon D750 body, 24MP, low shutter count #",
            _digits(legacyId)
        );
    }

    function _listing(uint256 legacyId) internal pure returns (IArchive.Record memory) {
        return IArchive.Record({
            kind: LISTING,
            legacyId: legacyId,
            content: keccak256(abi.encode("listing", legacyId)),
            summary: _listingSummary(legacyId)
        });
    }

    /// @dev The second word of a review summary: version | date | rating | reviewer pseudonym | zero.
    function _reviewWord(uint256 legacyId) internal pure returns (bytes32) {
        return bytes32(
            abi.encodePacked(
                uint8(1),
                uint40(1_546_300_800 + (legacyId % 1e6) * 41),
                uint8(1 + legacyId % 5),
                bytes16(keccak256(abi.encode("reviewer", legacyId % 977))),
                bytes9(0)
            )
        );
    }

    function _review(uint256 legacyId, uint256 listingId) internal pure returns (IArchive.Record memory) {
        return IArchive.Record({
            kind: REVIEW,
            legacyId: legacyId,
            content: keccak256(abi.encode("review", legacyId)),
            summary: abi.encodePacked(listingId, _reviewWord(legacyId))
        });
    }

    function _listings(uint256 first, uint256 count)
        internal
        pure
        returns (IArchive.Record[] memory records)
    {
        records = new IArchive.Record[](count);
        for (uint256 i; i < count; ++i) {
            records[i] = _listing(first + i);
        }
    }

    function _reviews(uint256 first, uint256 count) internal pure returns (IArchive.Record[] memory records) {
        records = new IArchive.Record[](count);
        for (uint256 i; i < count; ++i) {
            records[i] = _review(first + i, 1 + i / 3);
        }
    }

    function _one(IArchive.Record memory record) internal pure returns (IArchive.Record[] memory records) {
        records = new IArchive.Record[](1);
        records[0] = record;
    }

    function _publish(IArchive.Record[] memory records) internal returns (uint256 batchId, uint256 recorded) {
        vm.prank(publisher);
        return archive.publishBatch(records);
    }

    /// @dev The StandardMerkleTree leaf, written out.
    function _leaf(IArchive.Record memory record) internal pure returns (bytes32) {
        return keccak256(
            bytes.concat(keccak256(abi.encode(record.kind, record.legacyId, record.content, record.summary)))
        );
    }

    function _leaves(IArchive.Record[] memory records) internal pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](records.length);
        for (uint256 i; i < records.length; ++i) {
            leaves[i] = _leaf(records[i]);
        }
    }

    /// @dev Reference root: pair neighbours level by level, sorted pairs, an odd last node moves up.
    function _root(bytes32[] memory leaves) internal pure returns (bytes32) {
        bytes32[] memory level = leaves;
        while (level.length > 1) {
            bytes32[] memory next = new bytes32[]((level.length + 1) / 2);
            for (uint256 i; i < next.length; ++i) {
                next[i] = 2 * i + 1 < level.length ? _hashPair(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            level = next;
        }
        return level[0];
    }

    /// @dev Reference proof of leaf `index`: its sibling on every level where it has one.
    function _proof(bytes32[] memory leaves, uint256 index) internal pure returns (bytes32[] memory proof) {
        bytes32[] memory path = new bytes32[](256);
        uint256 depth;
        bytes32[] memory level = leaves;
        while (level.length > 1) {
            uint256 sibling = index ^ 1;
            if (sibling < level.length) path[depth++] = level[sibling];
            bytes32[] memory next = new bytes32[]((level.length + 1) / 2);
            for (uint256 i; i < next.length; ++i) {
                next[i] = 2 * i + 1 < level.length ? _hashPair(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            level = next;
            index /= 2;
        }
        proof = new bytes32[](depth);
        for (uint256 i; i < depth; ++i) {
            proof[i] = path[i];
        }
    }

    function _hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    function _digits(uint256 n) private pure returns (bytes memory out) {
        out = new bytes(3);
        out[0] = bytes1(uint8(48 + (n / 100) % 10));
        out[1] = bytes1(uint8(48 + (n / 10) % 10));
        out[2] = bytes1(uint8(48 + n % 10));
    }
}
// forge-lint: disable-end(unsafe-typecast)
