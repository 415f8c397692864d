// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {IArchive} from "../interfaces/IArchive.sol";
import {ArchiveMerkle} from "../libraries/ArchiveMerkle.sol";
import {RecordedSet} from "../libraries/RecordedSet.sol";

/// @title Archive
/// @notice Legacy listings and anonymized reviews in batches with a Merkle root each; one record per legacy
/// id and kind. The owner (the DAO's timelock once governance is deployed) authorizes publishers.
contract Archive is IArchive, Ownable2Step {
    uint8 public constant KIND_LISTING = 0;
    uint8 public constant KIND_REVIEW = 1;
    uint256 public constant MAX_MILESTONES = 10;
    uint256 public constant MAX_LABEL = 32;
    uint256 public constant MAX_SUMMARY = 512;
    uint256 public constant REVIEW_SUMMARY = 64;

    /// @inheritdoc IArchive
    mapping(address account => bool) public isPublisher;
    /// @inheritdoc IArchive
    uint256 public batchCount;
    /// @inheritdoc IArchive
    mapping(uint256 batchId => bytes32) public batchRoot;
    mapping(uint256 wordKey => uint256 bits) private _recorded;
    Milestone[] private _milestones;

    modifier onlyPublisher() {
        if (!isPublisher[msg.sender]) revert NotPublisher(msg.sender);
        _;
    }

    constructor(address initialOwner) Ownable(initialOwner) {}

    /// @inheritdoc IArchive
    function publishBatch(Record[] calldata records)
        external
        onlyPublisher
        returns (uint256 batchId, uint256 recorded)
    {
        uint256 count = records.length;
        if (count == 0) revert EmptyBatch();
        batchId = batchCount + 1;
        bytes32[] memory leaves = new bytes32[](count);
        uint256 failedAt;
        (recorded, failedAt) = _record(records, leaves);
        if (failedAt != 0) _revertInvalid(records, failedAt - 1);
        if (recorded == 0) return (0, 0);
        bytes32 root = ArchiveMerkle.root(leaves, recorded);
        batchCount = batchId;
        batchRoot[batchId] = root;
        emit BatchPublished(batchId, msg.sender, root, recorded);
    }

    /// @inheritdoc IArchive
    function setPublisher(address publisher, bool authorized) external onlyOwner {
        if (publisher == address(0)) revert ZeroAddress();
        isPublisher[publisher] = authorized;
        emit PublisherSet(publisher, authorized);
    }

    /// @inheritdoc IArchive
    function setMilestone(uint8 kind, uint256 legacyId, string calldata label) external onlyPublisher {
        uint256 length = bytes(label).length;
        if (length == 0 || length > MAX_LABEL) revert InvalidLabel(length, MAX_LABEL);
        if (!RecordedSet.contains(_recorded, kind, legacyId)) revert NotArchived(kind, legacyId);
        (bool found, uint256 index) = _findMilestone(kind, legacyId);
        if (found) {
            _milestones[index].label = label;
        } else {
            if (_milestones.length == MAX_MILESTONES) revert TooManyMilestones(MAX_MILESTONES);
            _milestones.push(Milestone({kind: kind, legacyId: legacyId, label: label}));
        }
        emit MilestoneSet(legacyId, kind, label);
    }

    /// @inheritdoc IArchive
    function removeMilestone(uint8 kind, uint256 legacyId) external onlyPublisher {
        (bool found, uint256 index) = _findMilestone(kind, legacyId);
        if (!found) revert NotMilestone(kind, legacyId);
        uint256 last = _milestones.length - 1;
        if (index != last) _milestones[index] = _milestones[last];
        _milestones.pop();
        emit MilestoneRemoved(legacyId, kind);
    }

    /// @inheritdoc IArchive
    function isArchived(uint8 kind, uint256 legacyId) external view returns (bool) {
        return RecordedSet.contains(_recorded, kind, legacyId);
    }

    /// @inheritdoc IArchive
    function archivedBits(uint8 kind, uint256 word) external view returns (uint256) {
        return _recorded[RecordedSet.wordKey(kind, word)];
    }

    /// @inheritdoc IArchive
    function milestones() external view returns (Milestone[] memory) {
        return _milestones;
    }

    /// @inheritdoc IArchive
    function verify(uint256 batchId, Record calldata record, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        bytes32 root = batchRoot[batchId];
        return root != bytes32(0) && MerkleProof.verifyCalldata(proof, root, ArchiveMerkle.leaf(record));
    }

    /// @inheritdoc IArchive
    function leafOf(Record calldata record) external pure returns (bytes32) {
        return ArchiveMerkle.leaf(record);
    }

    /// @dev The hot loop, in assembly because it is what the archive's gas is: for each record, read it
    /// straight from calldata (Solidity's checked access to a struct with a dynamic member costs hundreds of
    /// gas), mark its id in the recorded set, emit its event and keep its leaf. The recorded-set word of the
    /// last record stays on the stack until a record needs another word, so a run of neighbouring ids costs
    /// one storage read and one write. Stops at the first record that fails a check and returns its index
    /// plus one as `failedAt`; `_revertInvalid` then says why. The checks include those of Solidity's
    /// decoder (the record lies inside the calldata, the kind fits its type), so `verify`, which decodes
    /// with Solidity, sees the same values.
    function _record(Record[] calldata records, bytes32[] memory leaves)
        private
        returns (uint256 recorded, uint256 failedAt)
    {
        // Scratch past the free pointer: the three event topics at p, the leaf preimage
        // `kind | legacyId | content | 0x80 | length | summary` at e = p + 0xa0.
        {
            bytes32 listingTopic = ListingArchived.selector;
            bytes32 reviewTopic = ReviewArchived.selector;
            bytes32 skippedTopic = RecordSkipped.selector;
            assembly ("memory-safe") {
                let p := mload(0x40)
                mstore(p, listingTopic)
                mstore(add(p, 0x20), reviewTopic)
                mstore(add(p, 0x40), skippedTopic)
            }
        }
        assembly ("memory-safe") {
            // e: the leaf preimage; the topics at e - 0xa0.
            let e := add(mload(0x40), 0xa0)
            let cachedKey := not(0)
            let cachedBits := 0
            for { let i := 0 } lt(i, records.length) { i := add(i, 1) } {
                // Read the record into the preimage: kind | legacyId | content | (offset word) | length.
                let summary := 0
                {
                    let relative := calldataload(add(records.offset, shl(5, i)))
                    let record := add(records.offset, relative)
                    let summaryRelative := calldataload(add(record, 0x60))
                    summary := add(add(record, summaryRelative), 0x20)
                    let length := calldataload(sub(summary, 0x20))
                    // Offsets below 2^32 cannot wrap the additions; the head and the summary lie in the
                    // calldata.
                    if or(
                        or(
                            or(gt(relative, 0xffffffff), gt(summaryRelative, 0xffffffff)),
                            gt(length, 0xffffffff)
                        ),
                        or(gt(add(record, 0x80), calldatasize()), gt(add(summary, length), calldatasize()))
                    ) {
                        failedAt := add(i, 1)
                        break
                    }
                    let kind := calldataload(record)
                    let legacyId := calldataload(add(record, 0x20))
                    let content := calldataload(add(record, 0x40))
                    // Listing: 1 to 512 summary bytes; review: exactly 64. No zero id, no zero content.
                    if or(
                        or(gt(kind, KIND_REVIEW), or(iszero(legacyId), iszero(content))),
                        iszero(
                            or(
                                and(iszero(kind), and(gt(length, 0), iszero(gt(length, MAX_SUMMARY)))),
                                and(eq(kind, KIND_REVIEW), eq(length, REVIEW_SUMMARY))
                            )
                        )
                    ) {
                        failedAt := add(i, 1)
                        break
                    }
                    mstore(e, kind)
                    mstore(add(e, 0x20), legacyId)
                    mstore(add(e, 0x40), content)
                    mstore(add(e, 0x80), length)
                }
                let legacyId := mload(add(e, 0x20))
                // The set's word key: kind in the top byte, the id without its low byte (RecordedSet).
                let key := or(shl(248, mload(e)), shr(8, legacyId))
                if iszero(eq(key, cachedKey)) {
                    if iszero(eq(cachedKey, not(0))) { sstore(slotOf(cachedKey), cachedBits) }
                    cachedKey := key
                    cachedBits := sload(slotOf(key))
                }
                let mask := shl(and(legacyId, 0xff), 1)
                if and(cachedBits, mask) {
                    log3(0, 0, mload(sub(e, 0x60)), legacyId, mload(e))
                    continue
                }
                cachedBits := or(cachedBits, mask)
                let length := mload(add(e, 0x80))
                let padded := and(add(length, 31), not(31))
                // Zero the last word first: the copy fills only `length` bytes of it.
                mstore(add(e, add(0x80, padded)), 0)
                calldatacopy(add(e, 0xa0), summary, length)
                // The event's data is a slice of the preimage, its offset word set for the event.
                switch mload(e)
                case 0 {
                    // ListingArchived(legacyId, content, summary): `content | 0x40 | length | summary`.
                    mstore(add(e, 0x60), 0x40)
                    log2(add(e, 0x40), add(0x60, padded), mload(sub(e, 0xa0)), legacyId)
                }
                default {
                    // ReviewArchived(listingId, legacyId, content, review): `legacyId | content | review`,
                    // the summary being `listingId | review`.
                    mstore(add(e, 0x60), mload(add(e, 0xc0)))
                    log2(add(e, 0x20), 0x60, mload(sub(e, 0x80)), mload(add(e, 0xa0)))
                }
                mstore(add(e, 0x60), 0x80)
                mstore(0x00, keccak256(e, add(0xa0, padded)))
                mstore(add(add(leaves, 0x20), shl(5, recorded)), keccak256(0x00, 0x20))
                recorded := add(recorded, 1)
            }
            if iszero(eq(cachedKey, not(0))) { sstore(slotOf(cachedKey), cachedBits) }

            /// The storage slot of `_recorded[key]`.
            function slotOf(key_) -> slot_ {
                mstore(0x00, key_)
                mstore(0x20, _recorded.slot)
                slot_ := keccak256(0x00, 0x40)
            }
        }
    }

    /// @dev Reverts with the reason record `i` failed `_record`'s checks.
    function _revertInvalid(Record[] calldata records, uint256 i) private pure {
        uint256 kind;
        uint256 legacyId;
        bytes32 content;
        uint256 length;
        bool inBounds;
        assembly ("memory-safe") {
            let relative := calldataload(add(records.offset, shl(5, i)))
            let record := add(records.offset, relative)
            let summaryRelative := calldataload(add(record, 0x60))
            let summary := add(record, summaryRelative)
            kind := calldataload(record)
            legacyId := calldataload(add(record, 0x20))
            content := calldataload(add(record, 0x40))
            length := calldataload(summary)
            inBounds := iszero(
                or(
                    or(or(gt(relative, 0xffffffff), gt(summaryRelative, 0xffffffff)), gt(length, 0xffffffff)),
                    or(
                        gt(add(record, 0x80), calldatasize()),
                        gt(add(add(summary, 0x20), length), calldatasize())
                    )
                )
            )
        }
        if (!inBounds) revert MalformedRecord(i);
        if (kind > KIND_REVIEW) revert UnknownKind(i, kind);
        if (legacyId == 0) revert ZeroLegacyId(i);
        if (content == bytes32(0)) revert ZeroContent(i);
        revert InvalidSummary(i, kind, length);
    }

    function _findMilestone(uint8 kind, uint256 legacyId) private view returns (bool found, uint256 index) {
        uint256 length = _milestones.length;
        for (; index < length; ++index) {
            Milestone storage milestone = _milestones[index];
            if (milestone.kind == kind && milestone.legacyId == legacyId) return (true, index);
        }
    }
}
