// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CourtParameters} from "../types/CourtTypes.sol";
import {IRandomness} from "./IRandomness.sol";
import {IWithdrawableArbitrator} from "./IWithdrawableArbitrator.sol";

/// @title ICourt
/// @notice Lantern's ERC-792 arbitrator. Arbiters stake the DAO token; each round of a dispute draws an odd
/// committee weighted by stake from a sortition sum tree; drawn arbiters commit a hidden vote, then reveal
/// it; the majority rules (a tie is ruling 0, the arbitrable's default); anyone may appeal within the appeal
/// period for a fresh committee of 2N + 1. Once final, anyone executes the ruling on the arbitrable and
/// settles each round: coherent arbiters (who voted the final ruling) share the round's fees and the stake
/// locked by the others. docs/court.md has the phases, the economics and the randomness.
/// @dev Each round runs Drawing -> Commit -> Reveal -> Appeal; the periods follow from the time the
/// committee was complete, so no transaction is needed to move from one to the next. The court's own views
/// (`ICourtViews`) answer at the court's address too, from the code of `CourtViews`.
interface ICourt is IWithdrawableArbitrator {
    /// @notice The number of choices does not fit 32 bits.
    error TooManyChoices(uint256 choices, uint256 max);
    /// @notice The native coin sent is less than the fee.
    error InsufficientFee(uint256 required, uint256 paid);
    /// @notice The native coin sent does not fit the court's fee type.
    error FeeTooLarge(uint256 paid);
    /// @notice No dispute has this id.
    error DisputeNotFound(uint256 disputeID);
    /// @notice The dispute has no round with this number.
    error RoundNotFound(uint256 disputeID, uint256 round);
    /// @notice The dispute was withdrawn by its arbitrable; nothing more happens in it but settlement.
    error DisputeWithdrawnAlready(uint256 disputeID);
    /// @notice Only the arbitrable that created the dispute may do this.
    error NotArbitrable(uint256 disputeID, address caller);
    /// @notice The round's committee is complete; nothing is left to draw.
    error CommitteeComplete(uint256 disputeID, uint256 round);
    /// @notice The randomness for the round's draw is not available yet; try again after its ticket.
    error RandomnessNotReady(uint256 disputeID, uint256 ticket);
    /// @notice No arbiter has any stake, so nobody can be drawn.
    error NoArbiters();
    /// @notice The round's committee is not complete yet, so voting has not started.
    error CommitteeNotDrawn(uint256 disputeID, uint256 round);
    /// @notice The commit period ended at `commitEnd`.
    error CommitPeriodOver(uint256 disputeID, uint256 round, uint256 commitEnd);
    /// @notice Votes are revealed from `revealStart`, when the commit period ends.
    error RevealNotStarted(uint256 disputeID, uint256 round, uint256 revealStart);
    /// @notice The reveal period ended at `revealEnd`.
    error RevealPeriodOver(uint256 disputeID, uint256 round, uint256 revealEnd);
    /// @notice The caller was not drawn for this seat.
    error NotDrawn(uint256 disputeID, uint256 round, uint256 seat, address caller);
    /// @notice A commitment of zero cannot be told from none.
    error ZeroCommitment();
    /// @notice The seat committed its vote already.
    error AlreadyCommitted(uint256 disputeID, uint256 round, uint256 seat);
    /// @notice The seat committed no vote, so it has nothing to reveal.
    error NotCommitted(uint256 disputeID, uint256 round, uint256 seat);
    /// @notice The seat revealed its vote already.
    error AlreadyRevealed(uint256 disputeID, uint256 round, uint256 seat);
    /// @notice The ruling and salt do not hash to the seat's commitment.
    error CommitmentMismatch(uint256 disputeID, uint256 round, uint256 seat);
    /// @notice Rulings run from 0 (refuse to arbitrate) to the dispute's number of choices.
    error RulingOutOfRange(uint256 ruling, uint256 choices);
    /// @notice The ruling can be appealed only from `start` until `end`.
    error NotAppealPeriod(uint256 disputeID, uint256 start, uint256 end);
    /// @notice The committee would exceed the largest the court draws, so this ruling cannot be appealed.
    error AppealLimitReached(uint256 disputeID, uint256 committee);
    /// @notice The ruling is not final yet: the last round has not been drawn or its appeal period runs until
    /// `appealEnd` (zero while drawing).
    error RulingNotFinal(uint256 disputeID, uint256 appealEnd);
    /// @notice The ruling is final, so the dispute can no longer be withdrawn.
    error RulingFinal(uint256 disputeID);
    /// @notice The ruling was passed to the arbitrable already.
    error RulingAlreadyExecuted(uint256 disputeID);
    /// @notice Every seat of the round has been settled.
    error RoundSettled(uint256 disputeID, uint256 round);
    /// @notice A stake must be zero or at least the minimum.
    error StakeBelowMinimum(uint256 stake, uint256 minStake);
    /// @notice `locked` of the arbiter's stake backs seats in open disputes and cannot be withdrawn yet.
    error StakeLocked(uint256 stake, uint256 locked);
    /// @notice The stake is already this amount.
    error StakeUnchanged(uint256 stake);
    /// @notice A stake must fit 96 bits.
    error StakeTooLarge(uint256 stake);
    /// @notice The staking token moved `received` instead of `expected` (fee-on-transfer or rebasing tokens
    /// cannot be staked).
    error TokenTransferMismatch(address token, uint256 expected, uint256 received);
    /// @notice The court owes the account nothing.
    error NothingOwed(address account);
    /// @notice Sending native coin to `to` failed.
    error NativeTransferFailed(address to, uint256 amount);
    /// @notice A committee has an odd number of seats, from 1 to the court's maximum.
    error InvalidCommitteeSize(uint256 size);
    /// @notice The penalty is from 1 to 10,000 basis points of the minimum stake.
    error InvalidPenalty(uint256 penaltyBps);
    /// @notice The minimum stake must be at least one weight unit (10^9 token units).
    error InvalidMinStake(uint256 minStake);
    /// @notice Each period lasts from one hour to one year.
    error InvalidPeriod(uint256 period);
    /// @notice The zero address is not allowed here.
    error ZeroAddress();

    /// @notice `arbiter`'s stake is now `stake` (set by the arbiter, or lowered by a penalty).
    event StakeSet(address indexed arbiter, uint256 stake);
    /// @notice The round's draw waits for randomness `ticket` from the randomness source.
    event RandomnessRequested(uint256 indexed disputeID, uint256 round, uint256 ticket);
    /// @notice `arbiter` was drawn for `seat` of the round; its stake locks the round's lock per seat.
    event ArbiterDrawn(uint256 indexed disputeID, uint256 round, uint256 seat, address indexed arbiter);
    /// @notice The round's committee is complete: commit until `commitEnd`, reveal until `revealEnd`, appeal
    /// until `appealEnd`.
    event CommitteeDrawn(
        uint256 indexed disputeID, uint256 round, uint256 commitEnd, uint256 revealEnd, uint256 appealEnd
    );
    /// @notice The seat's arbiter committed a hidden vote.
    event VoteCommitted(
        uint256 indexed disputeID, uint256 round, uint256 seat, address indexed arbiter, bytes32 commitment
    );
    /// @notice The seat's arbiter revealed its vote.
    event VoteRevealed(
        uint256 indexed disputeID, uint256 round, uint256 seat, address indexed arbiter, uint256 ruling
    );
    /// @notice `appellant` appealed, paying `fee` for round `round` of `committee` seats.
    event Appealed(
        uint256 indexed disputeID, uint256 round, address indexed appellant, uint256 fee, uint256 committee
    );
    /// @notice The final ruling was passed to the arbitrable.
    event RulingExecuted(uint256 indexed disputeID, address indexed arbitrable, uint256 ruling);
    /// @notice The seat's stake was unlocked; an incoherent seat lost `penalty` tokens.
    event SeatSettled(
        uint256 indexed disputeID,
        uint256 round,
        uint256 seat,
        address indexed arbiter,
        bool coherent,
        uint256 penalty
    );
    /// @notice The seat's arbiter was credited its share of the round's fee and penalties.
    event RewardCredited(
        uint256 indexed disputeID,
        uint256 round,
        uint256 seat,
        address indexed arbiter,
        uint256 native,
        uint256 tokens
    );
    /// @notice What no coherent arbiter could take (all of it when nobody was coherent, else the rounding
    /// remainder) was credited to the owner, the DAO's treasury.
    event TreasuryCredited(uint256 indexed disputeID, uint256 round, uint256 native, uint256 tokens);
    /// @notice Native coin of a withdrawn dispute's undrawn seats was credited back to the appellant who paid.
    event AppealFeeRefunded(
        uint256 indexed disputeID, uint256 round, address indexed appellant, uint256 amount
    );
    /// @notice `account` withdrew what the court owed it.
    event Withdrawn(address indexed account, uint256 native, uint256 tokens);
    /// @notice The owner changed the parameters.
    event ParametersChanged(CourtParameters parameters);
    /// @notice The owner changed the randomness source; draws waiting for the old one request anew.
    event RandomnessSourceChanged(address indexed randomness, uint256 generation);

    /// @notice Draws up to `iterations` seats of the last round's committee, once its randomness is
    /// available. An arbiter whose free stake cannot lock another seat is skipped (the attempt still counts).
    /// If the randomness ticket expired unrecorded, requests a new one instead and draws nothing.
    /// @return drawn Seats filled by this call.
    function drawCommittee(uint256 disputeID, uint256 iterations) external returns (uint256 drawn);

    /// @notice The seat's arbiter commits `commitment` = `hashVote(...)` of its ruling and a secret salt.
    function commitVote(uint256 disputeID, uint256 round, uint256 seat, bytes32 commitment) external;

    /// @notice The seat's arbiter reveals the ruling and salt it committed to, in the reveal period.
    function revealVote(uint256 disputeID, uint256 round, uint256 seat, uint256 ruling, bytes32 salt) external;

    /// @notice Passes the final ruling to the arbitrable (`IArbitrable.rule`), once. Anyone may call it. If
    /// the arbitrable reverts, so does this call, and it can be tried again; the court's own money never
    /// depends on it (see `settle`).
    function executeRuling(uint256 disputeID) external;

    /// @notice Settles up to `iterations` steps of a round of a final or withdrawn dispute. The first pass
    /// unlocks each seat's stake and takes the penalty of incoherent seats; the second credits coherent seats
    /// their share of the round's fee and penalties. Anyone may call it; it never calls the arbitrable.
    /// @return done Steps settled by this call.
    function settle(uint256 disputeID, uint256 round, uint256 iterations) external returns (uint256 done);

    /// @notice Sets the caller's stake: more pulls tokens from the caller (approve first), less sends them
    /// back. Zero leaves the court. The stake must stay at least the minimum (or be zero) and the locked part.
    function setStake(uint256 stake) external;

    /// @notice Sends the caller what the court owes it: rewards and refunds, native coin and tokens.
    function withdraw() external;

    /// @notice Sets the parameters (owner only).
    function setParameters(CourtParameters calldata parameters) external;

    /// @notice Sets the randomness source (owner only); rounds waiting for a ticket of the old source request
    /// a new one at their next draw.
    function setRandomness(IRandomness randomness) external;

    /// @notice The staking token.
    function token() external view returns (address);
}
