// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";

import {IArchive} from "../../src/interfaces/IArchive.sol";
import {ArchiveFixture} from "./ArchiveFixture.sol";

contract ArchiveFuzzTest is ArchiveFixture {
    /// @dev Random records: either kind, any id, random content, random-length listing summaries.
    function _randomRecords(uint256 seed, uint256 count)
        private
        pure
        returns (IArchive.Record[] memory records)
    {
        records = new IArchive.Record[](count);
        for (uint256 i; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint8 kind = r & 1 == 0 ? LISTING : REVIEW;
            bytes memory summary;
            if (kind == REVIEW) {
                summary = abi.encodePacked(r >> 128, keccak256(abi.encode(r)));
            } else {
                summary = new bytes(1 + (r >> 8) % 300);
                for (uint256 j; j < summary.length; ++j) {
                    // forge-lint: disable-next-line(unsafe-typecast)
                    summary[j] = bytes1(uint8(r >> (j % 31 * 8))); // Truncation wanted: any byte.
                }
            }
            records[i] = IArchive.Record({
                kind: kind,
                legacyId: (r >> 1) | 1, // nonzero; distinct ids with overwhelming probability
                content: keccak256(abi.encode("content", r)),
                summary: summary
            });
        }
    }

    function testFuzz_verify_randomRecordsProveOnChain(uint256 seed, uint8 size) public {
        uint256 count = 1 + uint256(size) % 64;
        IArchive.Record[] memory records = _randomRecords(seed, count);
        (uint256 batchId, uint256 recorded) = _publish(records);
        assertEq(recorded, count);
        bytes32[] memory leaves = _leaves(records);
        assertEq(archive.batchRoot(batchId), _root(leaves));
        for (uint256 i; i < count; ++i) {
            assertTrue(archive.verify(batchId, records[i], _proof(leaves, i)));
        }
    }

    function testFuzz_verify_rejectsATamperedProof(uint256 seed, uint8 size, uint256 pick, uint8 bit) public {
        uint256 count = 2 + uint256(size) % 63;
        IArchive.Record[] memory records = _randomRecords(seed, count);
        (uint256 batchId,) = _publish(records);
        uint256 index = pick % count;
        bytes32[] memory proof = _proof(_leaves(records), index);
        uint256 at = pick / count % proof.length;
        proof[at] ^= bytes32(uint256(1) << bit);
        assertFalse(archive.verify(batchId, records[index], proof));
    }

    function testFuzz_leafOf_matchesTheReference(
        uint8 kind,
        uint256 legacyId,
        bytes32 content,
        bytes memory summary
    ) public view {
        IArchive.Record memory record = IArchive.Record({
            kind: kind, legacyId: legacyId, content: content, summary: summary
        });
        assertEq(archive.leafOf(record), _leaf(record));
    }

    /// @dev Ids from a small range, so batches repeat each other and themselves.
    function testFuzz_publishBatch_recordsEachIdOnce(uint16[] memory first, uint16[] memory second) public {
        vm.assume(first.length > 0 && second.length > 0);
        uint256[2] memory events;
        bool[512] memory seen;
        uint256 expected;
        for (uint256 round; round < 2; ++round) {
            uint16[] memory ids = round == 0 ? first : second;
            IArchive.Record[] memory records = new IArchive.Record[](ids.length > 50 ? 50 : ids.length);
            for (uint256 i; i < records.length; ++i) {
                uint256 id = 1 + ids[i] % 511;
                records[i] = _listing(id);
                if (!seen[id]) {
                    seen[id] = true;
                    ++expected;
                }
            }
            vm.recordLogs();
            (, uint256 recorded) = _publish(records);
            events[round] = _count(vm.getRecordedLogs(), IArchive.ListingArchived.selector);
            assertEq(events[round], recorded);
        }
        assertEq(events[0] + events[1], expected);
        for (uint256 id = 1; id < 512; ++id) {
            assertEq(archive.isArchived(LISTING, id), seen[id]);
        }
    }

    function _count(Vm.Log[] memory logs, bytes32 topic) private pure returns (uint256 n) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == topic) ++n;
        }
    }
}
