// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRewards
/// @notice Shop to earn without inflation: each epoch has a fixed budget (a decaying emission set at
/// deployment, plus what earlier epochs left unallocated); a distributor appointed by governance posts a
/// Merkle root of (account, amount) computed from public data (`computeEpoch` in the SDK) after the epoch
/// ends, and the payout is minted to this contract within the token's cap; anyone may challenge the root
/// during the challenge window, which freezes it until governance decides; then each leaf is claimed once
/// with its proof. What a root does not allocate rolls into the next epoch; allocated rewards stay claimable.
interface IRewards {
    /// @notice Where an epoch's root stands.
    enum RootStatus {
        None,
        Posted,
        Challenged
    }

    /// @notice An epoch's posted payout.
    struct EpochRoot {
        bytes32 root;
        uint96 total;
        /// @dev What has been claimed from it: kept beside the total so a claim writes one word.
        uint96 claimed;
        /// @dev Zero once governance upheld a challenge (claims open at once).
        uint40 postedAt;
        RootStatus status;
    }

    /// @notice Only the distributor may post roots.
    error NotDistributor(address caller);
    /// @notice The epoch has not ended yet.
    error EpochNotEnded(uint256 epoch, uint256 endsAt);
    /// @notice The epoch already has a root (challenge it instead).
    error RootAlreadyPosted(uint256 epoch);
    /// @notice Roots are posted in order (a struck one anew): the previous epoch needs one first.
    error PreviousEpochWithoutRoot(uint256 epoch);
    /// @notice The root pays out more than the epoch's budget.
    error OverBudget(uint256 epoch, uint256 total, uint256 budget);
    /// @notice The epoch has no root to claim from or to challenge.
    error NoRoot(uint256 epoch);
    /// @notice The root can be claimed only after its challenge window.
    error ChallengeWindowOpen(uint256 epoch, uint256 endsAt);
    /// @notice The challenge window has passed.
    error ChallengeWindowClosed(uint256 epoch);
    /// @notice The root is frozen by a challenge until governance decides.
    error RootChallenged(uint256 epoch);
    /// @notice The root is not challenged.
    error NotChallenged(uint256 epoch);
    /// @notice The leaf at this index of the epoch's tree was claimed already.
    error AlreadyClaimed(uint256 epoch, uint256 index);
    /// @notice The proof does not lead to the epoch's root.
    error InvalidProof(uint256 epoch, address account, uint256 amount);
    /// @notice Claims together would pass the root's total (a root that does not add up).
    error ClaimsExceedTotal(uint256 epoch);
    /// @notice Schedule parameters out of range.
    error InvalidSchedule();

    /// @notice Governance appointed the distributor.
    event DistributorChanged(address indexed distributor);
    /// @notice The distributor posted an epoch's root.
    event RootPosted(uint256 indexed epoch, bytes32 root, uint256 total, uint256 budget);
    /// @notice Someone challenged an epoch's root; claims wait for governance.
    event RootChallengedBy(uint256 indexed epoch, address indexed challenger, bytes32 reasonDigest);
    /// @notice Governance upheld a challenged root (claims open) or struck it (the distributor posts anew).
    event ChallengeResolved(uint256 indexed epoch, bool upheld);
    /// @notice An account claimed its reward for an epoch.
    event RewardClaimed(uint256 indexed epoch, address indexed account, uint256 amount);

    /// @notice Governance appoints the distributor (owner only).
    function setDistributor(address distributor) external;

    /// @notice The distributor posts the payout of an ended epoch; what it does not allocate rolls over.
    /// @param epoch The epoch (0 is the first).
    /// @param root Merkle root of `rewardLeaf(epoch, account, amount)` leaves (sorted-pair hashing).
    /// @param total The sum of the amounts; at most the epoch's budget.
    function postRoot(uint256 epoch, bytes32 root, uint256 total) external;

    /// @notice Anyone challenges a posted root within its window; claims wait until governance decides.
    /// @param reasonDigest Digest of a document explaining the challenge (e.g. a different recomputed root).
    function challengeRoot(uint256 epoch, bytes32 reasonDigest) external;

    /// @notice Governance upholds a challenged root (claims open at once) or strikes it (owner only).
    function resolveChallenge(uint256 epoch, bool upheld) external;

    /// @notice Claims `amount` for `account` (anyone may send it; the tokens go to `account`).
    /// @param index The leaf's index in the epoch's payout (one bit per index records the claim).
    /// @param proof Sibling hashes from the leaf up to the epoch's root.
    function claim(uint256 epoch, uint256 index, address account, uint256 amount, bytes32[] calldata proof)
        external;

    /// @notice The immutable schedule: when epoch 0 starts, seconds per epoch, and the challenge window, so
    /// that clients can show when an epoch ends and when a root's claims open.
    function schedule() external view returns (uint256 start, uint256 epochLength, uint256 challengeWindow);

    /// @notice The epoch at `timestamp`'s time.
    function epochAt(uint256 timestamp) external view returns (uint256);

    /// @notice The fixed emission of `epoch` from the decaying schedule.
    function emission(uint256 epoch) external view returns (uint256);

    /// @notice What a root posted now for `epoch` may pay out: for `nextEpoch()` its emission plus what
    /// earlier roots left unallocated; for an epoch whose root governance struck, that carried amount; zero
    /// for any other epoch.
    function budget(uint256 epoch) external view returns (uint256);

    /// @notice The first epoch without a root.
    function nextEpoch() external view returns (uint256);

    /// @notice The root of `epoch`.
    function epochRoot(uint256 epoch) external view returns (EpochRoot memory);

    /// @notice What has been claimed from `epoch`'s root.
    function claimedTotal(uint256 epoch) external view returns (uint256);

    /// @notice Whether the leaf at `index` of `epoch`'s payout was claimed.
    function hasClaimed(uint256 epoch, uint256 index) external view returns (bool);

    /// @notice The Merkle leaf of a payout: `keccak256(bytes.concat(keccak256(abi.encode(epoch, index,
    /// account, amount))))`, so a leaf can never be mistaken for an inner node.
    function rewardLeaf(uint256 epoch, uint256 index, address account, uint256 amount)
        external
        pure
        returns (bytes32);
}
