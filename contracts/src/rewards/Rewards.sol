// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {ILanternToken} from "../interfaces/ILanternToken.sol";
import {IRewards} from "../interfaces/IRewards.sol";

/// @title Rewards
/// @notice The token's only minter after genesis. The schedule (start, epoch length, first emission, decay,
/// challenge window) is immutable: governance appoints the distributor and decides challenges, nothing else.
contract Rewards is IRewards, Ownable2Step {
    uint256 private constant BPS = 10_000;
    uint256 private constant WAD = 1e18;

    ILanternToken private immutable TOKEN;
    uint256 private immutable START;
    uint256 private immutable EPOCH_LENGTH;
    uint256 private immutable FIRST_EMISSION;
    uint256 private immutable DECAY_BPS;
    uint256 private immutable CHALLENGE_WINDOW;

    /// @notice Who posts roots.
    address public distributor;
    /// @inheritdoc IRewards
    uint256 public nextEpoch;
    /// @dev What posted roots left unallocated, carried into the next root's budget.
    uint256 private _carried;
    /// @dev Tokens this contract holds that no live root owes (what struck roots had been minted).
    uint256 private _held;
    mapping(uint256 epoch => EpochRoot) private _roots;
    /// @dev One bit per leaf index: a claim flips a bit in a word that other claims already made non-zero.
    mapping(uint256 epoch => mapping(uint256 word => uint256)) private _claimedBits;
    /// @dev Epochs whose root governance struck: posted anew from the carried budget alone (their emission
    /// was counted when their first root was posted).
    mapping(uint256 epoch => bool) private _struck;

    /// @param initialOwner Who appoints the distributor and decides challenges (the timelock).
    /// @param token The LanternToken, which names this contract its minter.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch.
    /// @param firstEmission Tokens epoch 0 may pay out.
    /// @param decayBps How much smaller each epoch's emission is than the previous one's, in basis points.
    /// @param challengeWindow Seconds after a root is posted during which anyone may challenge it.
    constructor(
        address initialOwner,
        ILanternToken token,
        uint256 start,
        uint256 epochLength,
        uint256 firstEmission,
        uint256 decayBps,
        uint256 challengeWindow
    ) Ownable(initialOwner) {
        if (epochLength == 0 || decayBps >= BPS || challengeWindow == 0 || firstEmission > type(uint128).max)
        {
            revert InvalidSchedule();
        }
        TOKEN = token;
        START = start;
        EPOCH_LENGTH = epochLength;
        FIRST_EMISSION = firstEmission;
        DECAY_BPS = decayBps;
        CHALLENGE_WINDOW = challengeWindow;
    }

    /// @inheritdoc IRewards
    function setDistributor(address newDistributor) external onlyOwner {
        distributor = newDistributor;
        emit DistributorChanged(newDistributor);
    }

    /// @inheritdoc IRewards
    function postRoot(uint256 epoch, bytes32 root, uint256 total) external {
        if (msg.sender != distributor) revert NotDistributor(msg.sender);
        if (_roots[epoch].status != RootStatus.None) revert RootAlreadyPosted(epoch);
        uint256 available = _carried;
        if (epoch == nextEpoch) {
            uint256 endsAt = START + (epoch + 1) * EPOCH_LENGTH;
            if (block.timestamp < endsAt) revert EpochNotEnded(epoch, endsAt);
            available += emission(epoch);
            nextEpoch = epoch + 1;
        } else if (_struck[epoch]) {
            _struck[epoch] = false;
        } else {
            revert PreviousEpochWithoutRoot(epoch);
        }
        if (total > available) revert OverBudget(epoch, total, available);

        // Overflow not possible: total <= available <= the token's cap, far below 2^96 units.
        // forge-lint: disable-next-line(unsafe-typecast)
        _roots[epoch] = EpochRoot({
            root: root,
            total: uint96(total),
            claimed: 0,
            postedAt: uint40(block.timestamp),
            status: RootStatus.Posted
        });
        _carried = available - total;
        emit RootPosted(epoch, root, total, available);
        // The whole payout is minted now, once, so that each claim is a plain transfer: minting per claim
        // would write a vote checkpoint of the total supply every time.
        uint256 fromHeld = total < _held ? total : _held;
        _held -= fromHeld;
        if (total > fromHeld) TOKEN.mint(address(this), total - fromHeld);
    }

    /// @inheritdoc IRewards
    function challengeRoot(uint256 epoch, bytes32 reasonDigest) external {
        EpochRoot storage r = _roots[epoch];
        if (r.status == RootStatus.None) revert NoRoot(epoch);
        if (r.status == RootStatus.Challenged) revert RootChallenged(epoch);
        if (block.timestamp >= uint256(r.postedAt) + CHALLENGE_WINDOW) revert ChallengeWindowClosed(epoch);
        r.status = RootStatus.Challenged;
        emit RootChallengedBy(epoch, msg.sender, reasonDigest);
    }

    /// @inheritdoc IRewards
    function resolveChallenge(uint256 epoch, bool upheld) external onlyOwner {
        EpochRoot storage r = _roots[epoch];
        if (r.status != RootStatus.Challenged) revert NotChallenged(epoch);
        emit ChallengeResolved(epoch, upheld);
        if (upheld) {
            r.status = RootStatus.Posted;
            // Claims open at once: the window is over for a root governance has upheld.
            r.postedAt = 0;
            return;
        }
        // Struck: nobody could claim from it (claims wait for the window, and a challenge comes within it),
        // so its whole total returns to the carried budget and the distributor posts the epoch anew.
        _carried += r.total;
        _held += r.total;
        delete _roots[epoch];
        _struck[epoch] = true;
    }

    /// @inheritdoc IRewards
    function claim(uint256 epoch, uint256 index, address account, uint256 amount, bytes32[] calldata proof)
        external
    {
        EpochRoot memory r = _roots[epoch];
        if (r.status == RootStatus.None) revert NoRoot(epoch);
        if (r.status == RootStatus.Challenged) revert RootChallenged(epoch);
        uint256 opensAt = uint256(r.postedAt) + CHALLENGE_WINDOW;
        if (r.postedAt != 0 && block.timestamp < opensAt) revert ChallengeWindowOpen(epoch, opensAt);
        uint256 word = _claimedBits[epoch][index >> 8];
        uint256 bit = 1 << (index & 0xff);
        if (word & bit != 0) revert AlreadyClaimed(epoch, index);
        if (!MerkleProof.verifyCalldata(proof, r.root, rewardLeaf(epoch, index, account, amount))) {
            revert InvalidProof(epoch, account, amount);
        }
        uint256 claimed = uint256(r.claimed) + amount;
        if (claimed > r.total) revert ClaimsExceedTotal(epoch);
        _claimedBits[epoch][index >> 8] = word | bit;
        // Overflow not possible: claimed <= total, a uint96.
        // forge-lint: disable-next-line(unsafe-typecast)
        _roots[epoch].claimed = uint96(claimed);
        emit RewardClaimed(epoch, account, amount);
        // The token is the DAO's own, which reverts on failure and has no hooks.
        // forge-lint: disable-next-line(erc20-unchecked-transfer)
        IERC20(address(TOKEN)).transfer(account, amount);
    }

    /// @inheritdoc IRewards
    function schedule() external view returns (uint256 start, uint256 epochLength, uint256 challengeWindow) {
        return (START, EPOCH_LENGTH, CHALLENGE_WINDOW);
    }

    /// @inheritdoc IRewards
    function epochAt(uint256 timestamp) external view returns (uint256) {
        return timestamp < START ? 0 : (timestamp - START) / EPOCH_LENGTH;
    }

    /// @inheritdoc IRewards
    function emission(uint256 epoch) public view returns (uint256) {
        // (1 - decay)^epoch in 18-decimal fixed point, by squaring: logarithmic in the epoch number, and
        // precise enough that the emission reaches zero only when it is below one unit.
        uint256 factor = WAD;
        uint256 base = (BPS - DECAY_BPS) * WAD / BPS;
        for (uint256 e = epoch; e != 0; e >>= 1) {
            if (e & 1 == 1) factor = factor * base / WAD;
            base = base * base / WAD;
            if (factor == 0) return 0;
        }
        return FIRST_EMISSION * factor / WAD;
    }

    /// @inheritdoc IRewards
    function budget(uint256 epoch) external view returns (uint256) {
        if (epoch == nextEpoch) return _carried + emission(epoch);
        return _struck[epoch] ? _carried : 0;
    }

    /// @inheritdoc IRewards
    function epochRoot(uint256 epoch) external view returns (EpochRoot memory) {
        return _roots[epoch];
    }

    /// @inheritdoc IRewards
    function claimedTotal(uint256 epoch) external view returns (uint256) {
        return _roots[epoch].claimed;
    }

    /// @inheritdoc IRewards
    function hasClaimed(uint256 epoch, uint256 index) external view returns (bool) {
        return _claimedBits[epoch][index >> 8] & (1 << (index & 0xff)) != 0;
    }

    /// @inheritdoc IRewards
    function rewardLeaf(uint256 epoch, uint256 index, address account, uint256 amount)
        public
        pure
        returns (bytes32)
    {
        return keccak256(bytes.concat(keccak256(abi.encode(epoch, index, account, amount))));
    }
}
