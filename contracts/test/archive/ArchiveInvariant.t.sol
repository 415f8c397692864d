// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {Vm} from "forge-std/Vm.sol";

import {Archive} from "../../src/archive/Archive.sol";
import {IArchive} from "../../src/interfaces/IArchive.sol";

/// @notice Publishes batches drawn from a small pool of ids of both kinds, so repeats are common, and counts
/// every record event the archive emits: the ghost ledger the invariants compare against.
contract ArchiveHandler is Test {
    uint256 internal constant POOL = 300;

    Archive internal immutable ARCHIVE;
    address internal immutable PUBLISHER;

    /// @dev How many record events each (kind, id) produced (and the most any produced), the ids that
    /// produced one as bitmaps laid out like `archivedBits`, and how many records the batches claimed.
    mapping(uint256 kind => mapping(uint256 id => uint256)) public emitted;
    uint256 public mostEmitted;
    mapping(uint256 kind => mapping(uint256 word => uint256)) public emittedBits;
    uint256 public recordEvents;
    uint256 public batchRecords;
    uint256 public batches;

    constructor(Archive archive, address publisher) {
        ARCHIVE = archive;
        PUBLISHER = publisher;
    }

    function publish(uint256 seed, uint8 size) external {
        uint256 count = 1 + uint256(size) % 40;
        IArchive.Record[] memory records = new IArchive.Record[](count);
        for (uint256 i; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint8 kind = r & 1 == 0 ? 0 : 1;
            uint256 id = 1 + (r >> 8) % POOL;
            records[i] = IArchive.Record({
                kind: kind,
                legacyId: id,
                content: keccak256(abi.encode(r)),
                summary: kind == 0 ? bytes("listing summary") : abi.encodePacked(r, r)
            });
        }
        vm.recordLogs();
        vm.prank(PUBLISHER);
        (uint256 batchId, uint256 recorded) = ARCHIVE.publishBatch(records);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            bytes32 topic = logs[i].topics[0];
            if (topic == IArchive.ListingArchived.selector) {
                _count(0, uint256(logs[i].topics[1]));
            } else if (topic == IArchive.ReviewArchived.selector) {
                (uint256 id,,) = abi.decode(logs[i].data, (uint256, bytes32, bytes32));
                _count(1, id);
            } else if (topic == IArchive.BatchPublished.selector) {
                (, uint256 claimed) = abi.decode(logs[i].data, (bytes32, uint256));
                batchRecords += claimed;
            }
        }
        if (batchId != 0) ++batches;
        assertEq(batchId == 0, recorded == 0);
    }

    function _count(uint256 kind, uint256 id) private {
        uint256 n = ++emitted[kind][id];
        if (n > mostEmitted) mostEmitted = n;
        // forge-lint: disable-next-line(incorrect-shift)
        emittedBits[kind][id >> 8] |= 1 << (id & 0xff); // Bit `id & 0xff` of the word, as the archive lays it out.
        ++recordEvents;
    }
}

contract ArchiveInvariantTest is Test {
    Archive internal archive;
    ArchiveHandler internal handler;

    function setUp() public {
        address publisher = makeAddr("publisher");
        archive = new Archive(address(this));
        archive.setPublisher(publisher, true);
        handler = new ArchiveHandler(archive, publisher);
        targetContract(address(handler));
    }

    /// @dev No (kind, id) was ever emitted twice, and the archive's recorded set is exactly the emitted ones.
    function invariant_eachLegacyIdRecordedOnce() public view {
        assertLe(handler.mostEmitted(), 1);
        for (uint8 kind; kind < 2; ++kind) {
            // Ids 1 to 300 span the set's words 0 and 1.
            for (uint256 word; word < 2; ++word) {
                assertEq(archive.archivedBits(kind, word), handler.emittedBits(kind, word));
            }
        }
    }

    function invariant_batchesAccountForEveryRecord() public view {
        assertEq(handler.batchRecords(), handler.recordEvents());
        assertEq(archive.batchCount(), handler.batches());
        for (uint256 batchId = 1; batchId <= handler.batches(); ++batchId) {
            assertTrue(archive.batchRoot(batchId) != bytes32(0));
        }
    }
}
