// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Vm} from "forge-std/Vm.sol";

import {Archive} from "../../src/archive/Archive.sol";
import {IArchive} from "../../src/interfaces/IArchive.sol";
import {ArchiveFixture} from "./ArchiveFixture.sol";

contract ArchiveTest is ArchiveFixture {
    // publishBatch: recording

    function test_publishBatch_recordsEveryRecordAndStoresTheRoot() public {
        IArchive.Record[] memory records = _listings(1, 5);
        (uint256 batchId, uint256 recorded) = _publish(records);
        assertEq(batchId, 1);
        assertEq(recorded, 5);
        assertEq(archive.batchCount(), 1);
        assertEq(archive.batchRoot(1), _root(_leaves(records)));
        for (uint256 id = 1; id <= 5; ++id) {
            assertTrue(archive.isArchived(LISTING, id));
            assertFalse(archive.isArchived(REVIEW, id));
        }
        assertFalse(archive.isArchived(LISTING, 6));
    }

    function test_publishBatch_numbersBatchesFromOne() public {
        _publish(_listings(1, 2));
        (uint256 second,) = _publish(_listings(3, 2));
        (uint256 third,) = _publish(_reviews(1, 2));
        assertEq(second, 2);
        assertEq(third, 3);
        assertEq(archive.batchCount(), 3);
    }

    function test_publishBatch_emitsListingArchived() public {
        IArchive.Record memory listing = _listing(42);
        vm.expectEmit(address(archive));
        emit IArchive.ListingArchived(42, listing.content, listing.summary);
        vm.expectEmit(address(archive));
        emit IArchive.BatchPublished(1, publisher, _leaf(listing), 1);
        _publish(_one(listing));
    }

    function test_publishBatch_emitsReviewArchivedIndexedByListing() public {
        IArchive.Record memory review = _review(7, 42);
        vm.expectEmit(address(archive));
        emit IArchive.ReviewArchived(42, 7, review.content, _reviewWord(7));
        _publish(_one(review));
    }

    function test_publishBatch_eventsPrecedeTheirBatchInOrder() public {
        IArchive.Record[] memory records = new IArchive.Record[](3);
        records[0] = _listing(10);
        records[1] = _review(11, 10);
        records[2] = _listing(12);
        vm.recordLogs();
        _publish(records);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 4);
        assertEq(logs[0].topics[0], IArchive.ListingArchived.selector);
        assertEq(uint256(logs[0].topics[1]), 10);
        assertEq(logs[1].topics[0], IArchive.ReviewArchived.selector);
        assertEq(uint256(logs[1].topics[1]), 10);
        (uint256 reviewId,,) = abi.decode(logs[1].data, (uint256, bytes32, bytes32));
        assertEq(reviewId, 11);
        assertEq(uint256(logs[2].topics[1]), 12);
        assertEq(logs[3].topics[0], IArchive.BatchPublished.selector);
    }

    function test_publishBatch_eventDataDecodesToTheRecord() public {
        IArchive.Record memory listing = _listing(300);
        vm.recordLogs();
        _publish(_one(listing));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        (bytes32 content, bytes memory summary) = abi.decode(logs[0].data, (bytes32, bytes));
        assertEq(content, listing.content);
        assertEq(summary, listing.summary);
    }

    // publishBatch: one record per legacy id and kind

    function test_publishBatch_skipsRepeatedLegacyId() public {
        _publish(_listings(1, 3));
        IArchive.Record[] memory again = _listings(2, 3); // 2 and 3 repeat, 4 is new
        vm.expectEmit(address(archive));
        emit IArchive.RecordSkipped(2, LISTING);
        vm.expectEmit(address(archive));
        emit IArchive.RecordSkipped(3, LISTING);
        vm.expectEmit(address(archive));
        emit IArchive.ListingArchived(4, again[2].content, again[2].summary);
        (uint256 batchId, uint256 recorded) = _publish(again);
        assertEq(batchId, 2);
        assertEq(recorded, 1);
        assertEq(archive.batchRoot(2), _leaf(again[2]));
    }

    function test_publishBatch_skipsRepeatWithinTheBatch() public {
        IArchive.Record[] memory records = new IArchive.Record[](3);
        records[0] = _listing(5);
        records[1] = _listing(6);
        records[2] = _listing(5);
        records[2].content = keccak256("a different document under the same id");
        (, uint256 recorded) = _publish(records);
        assertEq(recorded, 2);
        IArchive.Record[] memory kept = new IArchive.Record[](2);
        kept[0] = records[0];
        kept[1] = records[1];
        assertEq(archive.batchRoot(1), _root(_leaves(kept)));
    }

    function test_publishBatch_allRepeatsStoreNoBatch() public {
        _publish(_listings(1, 4));
        vm.recordLogs();
        (uint256 batchId, uint256 recorded) = _publish(_listings(1, 4));
        assertEq(batchId, 0);
        assertEq(recorded, 0);
        assertEq(archive.batchCount(), 1);
        assertEq(vm.getRecordedLogs().length, 4); // four RecordSkipped, no BatchPublished
    }

    function test_publishBatch_sameIdOfEachKindIsRecordedOnceEach() public {
        IArchive.Record[] memory records = new IArchive.Record[](2);
        records[0] = _listing(77);
        records[1] = _review(77, 1);
        (, uint256 recorded) = _publish(records);
        assertEq(recorded, 2);
        assertTrue(archive.isArchived(LISTING, 77));
        assertTrue(archive.isArchived(REVIEW, 77));
    }

    function test_publishBatch_idsSharingAWordStayDistinct() public {
        // 0x1ff and 0x200 sit in neighbouring words; 0x100 and 0x1ff share one.
        IArchive.Record[] memory records = new IArchive.Record[](3);
        records[0] = _listing(0x100);
        records[1] = _listing(0x1ff);
        records[2] = _listing(0x200);
        _publish(records);
        assertEq(archive.archivedBits(LISTING, 1), (uint256(1) << 0xff) | 1);
        assertEq(archive.archivedBits(LISTING, 2), 1);
        assertFalse(archive.isArchived(LISTING, 0x101));
        assertEq(archive.archivedBits(REVIEW, 1), 0);
    }

    function test_publishBatch_acceptsLargestEncodedIds() public {
        // A string id (length in the top byte) and a hashed long id (0xff top byte).
        uint256 stringId = (uint256(9) << 248) | 0x4c2d30303031323334; // "L-0001234"
        uint256 hashedId = (uint256(0xff) << 248) | (uint256(keccak256("a very long legacy identifier")) >> 8);
        IArchive.Record[] memory records = new IArchive.Record[](2);
        records[0] = _listing(stringId);
        records[1] = _listing(hashedId);
        _publish(records);
        assertTrue(archive.isArchived(LISTING, stringId));
        assertTrue(archive.isArchived(LISTING, hashedId));
        assertFalse(archive.isArchived(LISTING, stringId ^ 1));
    }

    // publishBatch: refused input

    function test_RevertWhen_publisherIsNotAuthorized() public {
        address stranger = makeAddr("stranger");
        vm.expectRevert(abi.encodeWithSelector(IArchive.NotPublisher.selector, stranger));
        vm.prank(stranger);
        archive.publishBatch(_listings(1, 1));
    }

    function test_RevertWhen_publisherWasDeauthorized() public {
        vm.prank(owner);
        archive.setPublisher(publisher, false);
        vm.expectRevert(abi.encodeWithSelector(IArchive.NotPublisher.selector, publisher));
        _publish(_listings(1, 1));
    }

    function test_RevertWhen_ownerIsNotAPublisher() public {
        vm.expectRevert(abi.encodeWithSelector(IArchive.NotPublisher.selector, owner));
        vm.prank(owner);
        archive.publishBatch(_listings(1, 1));
    }

    function test_RevertWhen_batchIsEmpty() public {
        vm.expectRevert(IArchive.EmptyBatch.selector);
        _publish(new IArchive.Record[](0));
    }

    function test_RevertWhen_kindIsUnknown() public {
        IArchive.Record[] memory records = _listings(1, 3);
        records[2].kind = 2;
        vm.expectRevert(abi.encodeWithSelector(IArchive.UnknownKind.selector, 2, 2));
        _publish(records);
    }

    function test_RevertWhen_legacyIdIsZero() public {
        IArchive.Record[] memory records = _listings(0, 2);
        vm.expectRevert(abi.encodeWithSelector(IArchive.ZeroLegacyId.selector, 0));
        _publish(records);
    }

    function test_RevertWhen_contentIsZero() public {
        IArchive.Record[] memory records = _listings(1, 2);
        records[1].content = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(IArchive.ZeroContent.selector, 1));
        _publish(records);
    }

    function test_RevertWhen_listingSummaryIsEmpty() public {
        IArchive.Record[] memory records = _listings(1, 1);
        records[0].summary = "";
        vm.expectRevert(abi.encodeWithSelector(IArchive.InvalidSummary.selector, 0, LISTING, 0));
        _publish(records);
    }

    function test_RevertWhen_listingSummaryIsTooLong() public {
        IArchive.Record[] memory records = _listings(1, 1);
        records[0].summary = new bytes(513);
        vm.expectRevert(abi.encodeWithSelector(IArchive.InvalidSummary.selector, 0, LISTING, 513));
        _publish(records);
    }

    function test_publishBatch_acceptsListingSummaryOfMaximumLength() public {
        IArchive.Record[] memory records = _listings(1, 1);
        records[0].summary = new bytes(512);
        (, uint256 recorded) = _publish(records);
        assertEq(recorded, 1);
        assertEq(archive.batchRoot(1), _leaf(records[0]));
    }

    function test_RevertWhen_reviewSummaryIsNot64Bytes() public {
        IArchive.Record[] memory records = _reviews(1, 2);
        records[1].summary = abi.encodePacked(records[1].summary, uint8(0));
        vm.expectRevert(abi.encodeWithSelector(IArchive.InvalidSummary.selector, 1, REVIEW, 65));
        _publish(records);
    }

    function test_RevertWhen_recordOffsetPointsOutsideTheCall() public {
        bytes memory data = abi.encodeCall(IArchive.publishBatch, (_listings(1, 1)));
        // The first element's offset sits after the selector, the array offset and its length.
        _writeWord(data, 4 + 64, 1 << 40);
        vm.prank(publisher);
        (bool ok, bytes memory reason) = address(archive).call(data);
        assertFalse(ok);
        assertEq(reason, abi.encodeWithSelector(IArchive.MalformedRecord.selector, 0));
    }

    function test_RevertWhen_summaryLengthRunsPastTheCall() public {
        bytes memory data = abi.encodeCall(IArchive.publishBatch, (_listings(1, 1)));
        // Record head at 4 + 96; its summary's length word at head + 0x80.
        _writeWord(data, 4 + 96 + 128, 480);
        vm.prank(publisher);
        (bool ok, bytes memory reason) = address(archive).call(data);
        assertFalse(ok);
        assertEq(reason, abi.encodeWithSelector(IArchive.MalformedRecord.selector, 0));
    }

    function test_RevertWhen_anyRecordIsInvalidNothingIsRecorded() public {
        IArchive.Record[] memory records = _listings(1, 3);
        records[2].content = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(IArchive.ZeroContent.selector, 2));
        _publish(records);
        assertFalse(archive.isArchived(LISTING, 1));
    }

    // verify and leafOf

    function test_leafOf_isTheStandardMerkleTreeLeaf() public view {
        IArchive.Record memory review = _review(9, 3);
        assertEq(archive.leafOf(review), _leaf(review));
    }

    function test_verify_provesEveryRecordOfABatch() public {
        IArchive.Record[] memory records = _listings(1, 7);
        records[3] = _review(4, 1);
        _publish(records);
        bytes32[] memory leaves = _leaves(records);
        for (uint256 i; i < records.length; ++i) {
            assertTrue(archive.verify(1, records[i], _proof(leaves, i)));
        }
    }

    function test_verify_rejectsAnAlteredRecord() public {
        IArchive.Record[] memory records = _listings(1, 4);
        _publish(records);
        bytes32[] memory proof = _proof(_leaves(records), 2);
        IArchive.Record memory altered = records[2];
        altered.summary = abi.encodePacked(altered.summary, "!");
        assertFalse(archive.verify(1, altered, proof));
        altered = _listing(3);
        altered.legacyId = 99;
        assertFalse(archive.verify(1, altered, proof));
    }

    function test_verify_rejectsTheWrongBatchAndUnknownBatches() public {
        IArchive.Record[] memory first = _listings(1, 4);
        _publish(first);
        _publish(_listings(5, 4));
        bytes32[] memory proof = _proof(_leaves(first), 1);
        assertTrue(archive.verify(1, first[1], proof));
        assertFalse(archive.verify(2, first[1], proof));
        assertFalse(archive.verify(0, first[1], proof));
        assertFalse(archive.verify(3, first[1], proof));
    }

    function test_verify_singleRecordBatchNeedsNoProof() public {
        IArchive.Record memory listing = _listing(1);
        _publish(_one(listing));
        assertTrue(archive.verify(1, listing, new bytes32[](0)));
    }

    // publishers and ownership

    function test_setPublisher_authorizesAndDeauthorizes() public {
        address other = makeAddr("other");
        vm.expectEmit(address(archive));
        emit IArchive.PublisherSet(other, true);
        vm.prank(owner);
        archive.setPublisher(other, true);
        assertTrue(archive.isPublisher(other));
        vm.prank(owner);
        archive.setPublisher(other, false);
        assertFalse(archive.isPublisher(other));
    }

    function test_RevertWhen_setPublisherByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, publisher));
        vm.prank(publisher);
        archive.setPublisher(publisher, true);
    }

    function test_RevertWhen_setPublisherToZeroAddress() public {
        vm.expectRevert(IArchive.ZeroAddress.selector);
        vm.prank(owner);
        archive.setPublisher(address(0), true);
    }

    function test_transferOwnership_takesTwoSteps() public {
        address timelock = makeAddr("timelock");
        vm.prank(owner);
        archive.transferOwnership(timelock);
        assertEq(archive.owner(), owner);
        vm.prank(timelock);
        archive.acceptOwnership();
        assertEq(archive.owner(), timelock);
        vm.prank(timelock);
        archive.setPublisher(makeAddr("new publisher"), true);
    }

    // milestones

    function test_setMilestone_flagsARecordedRecord() public {
        _publish(_listings(1, 3));
        vm.expectEmit(address(archive));
        emit IArchive.MilestoneSet(1, LISTING, "first listing");
        vm.prank(publisher);
        archive.setMilestone(LISTING, 1, "first listing");
        IArchive.Milestone[] memory milestones = archive.milestones();
        assertEq(milestones.length, 1);
        assertEq(milestones[0].kind, LISTING);
        assertEq(milestones[0].legacyId, 1);
        assertEq(milestones[0].label, "first listing");
    }

    function test_setMilestone_relabelsAnExistingMilestone() public {
        _publish(_listings(1, 3));
        vm.startPrank(publisher);
        archive.setMilestone(LISTING, 2, "first sold out");
        archive.setMilestone(LISTING, 2, "first sold out listing");
        vm.stopPrank();
        IArchive.Milestone[] memory milestones = archive.milestones();
        assertEq(milestones.length, 1);
        assertEq(milestones[0].label, "first sold out listing");
    }

    function test_setMilestone_allowsTenAndNoMore() public {
        _publish(_listings(1, 11));
        vm.startPrank(publisher);
        for (uint256 id = 1; id <= 10; ++id) {
            archive.setMilestone(LISTING, id, "milestone");
        }
        vm.expectRevert(abi.encodeWithSelector(IArchive.TooManyMilestones.selector, 10));
        archive.setMilestone(LISTING, 11, "one too many");
        // Relabelling one of the ten still works.
        archive.setMilestone(LISTING, 10, "most expensive");
        vm.stopPrank();
        assertEq(archive.milestones().length, 10);
    }

    function test_RevertWhen_milestoneIsNotArchived() public {
        _publish(_listings(1, 1));
        vm.expectRevert(abi.encodeWithSelector(IArchive.NotArchived.selector, REVIEW, 1));
        vm.prank(publisher);
        archive.setMilestone(REVIEW, 1, "first review");
    }

    function test_RevertWhen_milestoneLabelIsEmptyOrTooLong() public {
        _publish(_listings(1, 1));
        vm.startPrank(publisher);
        vm.expectRevert(abi.encodeWithSelector(IArchive.InvalidLabel.selector, 0, 32));
        archive.setMilestone(LISTING, 1, "");
        vm.expectRevert(abi.encodeWithSelector(IArchive.InvalidLabel.selector, 33, 32));
        archive.setMilestone(LISTING, 1, "a label of thirty-three bytes....");
        archive.setMilestone(LISTING, 1, "a label of exactly 32 bytes long");
        vm.stopPrank();
    }

    function test_RevertWhen_milestoneSetByNonPublisher() public {
        _publish(_listings(1, 1));
        vm.expectRevert(abi.encodeWithSelector(IArchive.NotPublisher.selector, owner));
        vm.prank(owner);
        archive.setMilestone(LISTING, 1, "first listing");
    }

    function test_removeMilestone_movesTheLastIntoItsPlace() public {
        _publish(_listings(1, 3));
        vm.startPrank(publisher);
        archive.setMilestone(LISTING, 1, "first listing");
        archive.setMilestone(LISTING, 2, "first used car");
        archive.setMilestone(LISTING, 3, "most expensive");
        vm.expectEmit(address(archive));
        emit IArchive.MilestoneRemoved(1, LISTING);
        archive.removeMilestone(LISTING, 1);
        vm.stopPrank();
        IArchive.Milestone[] memory milestones = archive.milestones();
        assertEq(milestones.length, 2);
        assertEq(milestones[0].legacyId, 3);
        assertEq(milestones[0].label, "most expensive");
        assertEq(milestones[1].legacyId, 2);
    }

    function test_RevertWhen_removingANonMilestone() public {
        _publish(_listings(1, 1));
        vm.expectRevert(abi.encodeWithSelector(IArchive.NotMilestone.selector, LISTING, 1));
        vm.prank(publisher);
        archive.removeMilestone(LISTING, 1);
    }

    // gas, as committed snapshots (contracts/snapshots/archive.json)

    function test_gas_publishBatch() public {
        // A first batch pays for the batch counter's slot; measure the ones after it.
        _publish(_listings(1, 1));
        _snapshotBatch("publishBatch 100 listings", _listings(257, 100));
        _snapshotBatch("publishBatch 100 reviews", _reviews(257, 100));
        _snapshotBatch("publishBatch 1 listing", _listings(357, 1));
    }

    function _snapshotBatch(string memory name, IArchive.Record[] memory records) private {
        vm.prank(publisher);
        archive.publishBatch(records);
        vm.snapshotGasLastCall("archive", name);
    }

    function _writeWord(bytes memory data, uint256 at, uint256 value) private pure {
        assembly {
            mstore(add(add(data, 0x20), at), value)
        }
    }
}
