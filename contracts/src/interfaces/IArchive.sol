// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IArchive
/// @notice An existing marketplace's records (listings and anonymized reviews), appended in batches by
/// publishers the owner (the DAO's timelock) authorizes. Every record is emitted as an event, so the index
/// rebuilds from logs alone; every batch keeps the Merkle root of the records it recorded, so any record can
/// be proven against the chain. A legacy id is recorded once per kind: a repeat is skipped, not reverted, so
/// a resumed import never fails. Up to `MAX_MILESTONES` records carry a short label for casual visitors.
/// @dev Encodings (docs/archive.md has examples):
/// - `legacyId`: a decimal id from 1 to 2^248 - 1 without leading zeros is that number; any other id of 1 to
///   31 bytes is `length << 248 | bytes` (right-aligned); a longer id is `0xff << 248 | keccak256(id) >> 8`.
///   Ids that differ only in their last byte share a storage word, so dense numeric ids are cheapest.
/// - `content`: the sha2-256 digest of the record's canonical JSON document, whose CIDv1 (json codec
///   0x0200, sha2-256) names it in the content store.
/// - `summary` of a listing (packed, big-endian): version `0x01` (1) | original date, unix seconds (5) |
///   price in the currency's minor units (8) | ISO 4217 currency (3) | category length (1) | category |
///   title (the rest, UTF-8).
/// - `summary` of a review, exactly 64 bytes: the reviewed listing's `legacyId` (32) | version `0x01` (1) |
///   date (5) | rating 1-5 (1) | reviewer pseudonym, the first 16 bytes of HMAC-SHA256 under the
///   publisher's secret (16) | zero (9). Its second word is the `review` of `ReviewArchived`.
/// - Merkle leaf: `keccak256(bytes.concat(keccak256(abi.encode(kind, legacyId, content, summary))))`, as
///   OpenZeppelin's StandardMerkleTree with types `uint8, uint256, bytes32, bytes`. The tree pairs neighbours
///   level by level in the order recorded (an odd last node moves up unchanged) and hashes sorted pairs, so
///   OpenZeppelin's `MerkleProof` verifies its proofs.
interface IArchive {
    /// @notice One legacy record as published.
    struct Record {
        /// @dev `KIND_LISTING` (0) or `KIND_REVIEW` (1).
        uint8 kind;
        /// @dev The legacy marketplace's id, encoded as described above; never zero.
        uint256 legacyId;
        /// @dev sha2-256 digest of the record's JSON document; never zero.
        bytes32 content;
        /// @dev The compact summary of the record's kind, packed as described above.
        bytes summary;
    }

    /// @notice A record flagged for casual visitors, with its short label ("first listing").
    struct Milestone {
        uint8 kind;
        uint256 legacyId;
        string label;
    }

    /// @notice The caller is not an authorized publisher.
    error NotPublisher(address caller);
    /// @notice A batch must hold at least one record.
    error EmptyBatch();
    /// @notice The record at `index` is not validly ABI-encoded (an offset or length points outside the call).
    error MalformedRecord(uint256 index);
    /// @notice The record at `index` has a kind that is neither listing nor review.
    error UnknownKind(uint256 index, uint256 kind);
    /// @notice The record at `index` has a legacy id of zero.
    error ZeroLegacyId(uint256 index);
    /// @notice The record at `index` names no content.
    error ZeroContent(uint256 index);
    /// @notice The record at `index` has a summary of the wrong size for its kind: a listing's has 1 to 512
    /// bytes, a review's exactly 64.
    error InvalidSummary(uint256 index, uint256 kind, uint256 length);
    /// @notice Only recorded records can be milestones.
    error NotArchived(uint8 kind, uint256 legacyId);
    /// @notice This record is not a milestone.
    error NotMilestone(uint8 kind, uint256 legacyId);
    /// @notice There are already `max` milestones; remove one first.
    error TooManyMilestones(uint256 max);
    /// @notice A milestone label must have 1 to `maxLength` bytes.
    error InvalidLabel(uint256 length, uint256 maxLength);
    /// @notice The zero address cannot be a publisher.
    error ZeroAddress();

    /// @notice A legacy listing was recorded. It belongs to the batch of the next `BatchPublished` event of
    /// the same transaction (a batch id in every record's event would cost each record 375 gas more).
    event ListingArchived(uint256 indexed legacyId, bytes32 content, bytes summary);
    /// @notice A legacy review of listing `listingId` was recorded, in the batch of the next
    /// `BatchPublished` event of the same transaction. Its summary is `abi.encodePacked(listingId, review)`.
    /// Indexed by the listing it reviews, so a listing's reviews are one log query.
    event ReviewArchived(uint256 indexed listingId, uint256 legacyId, bytes32 content, bytes32 review);
    /// @notice A record was not recorded again: its legacy id was already recorded for its kind.
    event RecordSkipped(uint256 indexed legacyId, uint8 indexed kind);
    /// @notice A batch was stored with the Merkle root of the `records` it recorded: the last `records`
    /// record events before this one in the same transaction, in order.
    event BatchPublished(uint256 indexed batchId, address indexed publisher, bytes32 root, uint256 records);
    /// @notice An account was authorized or deauthorized as a publisher.
    event PublisherSet(address indexed publisher, bool authorized);
    /// @notice A record was flagged as a milestone, or its label changed.
    event MilestoneSet(uint256 indexed legacyId, uint8 indexed kind, string label);
    /// @notice A record is no longer a milestone.
    event MilestoneRemoved(uint256 indexed legacyId, uint8 indexed kind);

    /// @notice Records every record whose legacy id is new for its kind, in order, and stores the batch's
    /// Merkle root; repeats (earlier batches or this one) are skipped with `RecordSkipped` (publishers only).
    /// @return batchId The new batch's id (from 1), or 0 if every record was a repeat and no batch was stored.
    /// @return recorded How many records were recorded.
    function publishBatch(Record[] calldata records) external returns (uint256 batchId, uint256 recorded);
    /// @notice Authorizes or deauthorizes a publisher (owner only).
    function setPublisher(address publisher, bool authorized) external;
    /// @notice Flags a recorded record as a milestone with a short label, or relabels it (publishers only).
    function setMilestone(uint8 kind, uint256 legacyId, string calldata label) external;
    /// @notice Unflags a milestone (publishers only).
    function removeMilestone(uint8 kind, uint256 legacyId) external;

    /// @notice Whether `account` may publish batches and flag milestones.
    function isPublisher(address account) external view returns (bool);
    /// @notice Whether the legacy id was recorded for this kind.
    function isArchived(uint8 kind, uint256 legacyId) external view returns (bool);
    /// @notice The recorded flags of the 256 legacy ids `word << 8` to `word << 8 | 255` of `kind`
    /// (bit `i` for id `word << 8 | i`): one call checks a run of dense ids.
    function archivedBits(uint8 kind, uint256 word) external view returns (uint256);
    /// @notice How many batches were stored; batch ids run from 1 to this.
    function batchCount() external view returns (uint256);
    /// @notice The Merkle root of batch `batchId`, or zero if there is no such batch.
    function batchRoot(uint256 batchId) external view returns (bytes32);
    /// @notice The milestones, in the order flagged (a removed one's place is taken by the last).
    function milestones() external view returns (Milestone[] memory);
    /// @notice Whether `record` was recorded in batch `batchId`, proven by `proof` against its root.
    function verify(uint256 batchId, Record calldata record, bytes32[] calldata proof)
        external
        view
        returns (bool);
    /// @notice The Merkle leaf of `record`.
    function leafOf(Record calldata record) external pure returns (bytes32);
}
