// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IArbitrable} from "../interfaces/IArbitrable.sol";
import {IArbitrator} from "../interfaces/IArbitrator.sol";
import {ICourt} from "../interfaces/ICourt.sol";
import {IRandomness} from "../interfaces/IRandomness.sol";
import {IWithdrawableArbitrator} from "../interfaces/IWithdrawableArbitrator.sol";
import {CourtFees} from "../libraries/CourtFees.sol";
import {CourtRounds} from "../libraries/CourtRounds.sol";
import {SortitionSumTree} from "../libraries/SortitionSumTree.sol";
import {
    Arbiter,
    CourtParameters,
    CourtPhase,
    DisputeHeader,
    DisputeState,
    Owed,
    RoundFlags,
    RoundFunds,
    RoundProgress,
    RoundState,
    Seat
} from "../types/CourtTypes.sol";
import {CourtStorage} from "./CourtStorage.sol";

/// @title Court
/// @notice Lantern's ERC-792 arbitrator: stake-weighted random committees, commit/reveal votes, appeals, and
/// fees plus penalties shared by the coherent arbiters. See `ICourt` and docs/court.md.
/// @dev State and its keys are in `CourtStorage`; the views (`ICourtViews`) are served from `CourtViews` by the
/// fallback, which keeps this contract's code under the 24,576-byte limit.
contract Court is ICourt, CourtStorage, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SortitionSumTree for SortitionSumTree.Tree;
    using CourtRounds for RoundState;

    uint256 private constant MAX_CHOICES = type(uint32).max;
    uint256 private constant MIN_PERIOD = 1 hours;
    uint256 private constant MAX_PERIOD = 365 days;
    uint256 private constant BPS = 10_000;

    /// @dev What `settle` works on, in memory to keep the stack small.
    struct Settlement {
        uint256 disputeID;
        uint256 round;
        uint256 key;
        uint256 seats;
        uint256 fee;
        uint256 lock;
        uint256 finalRuling;
        uint256 coherent;
        bool withdrawn;
    }

    IERC20 private immutable TOKEN;
    /// @dev Where the fallback sends every call the court does not answer itself: its views.
    address private immutable VIEWS;

    constructor(
        IERC20 token_,
        IRandomness randomness_,
        CourtParameters memory parameters_,
        address initialOwner,
        address views
    ) Ownable(initialOwner) {
        if (address(token_) == address(0) || address(randomness_) == address(0) || views == address(0)) {
            revert ZeroAddress();
        }
        TOKEN = token_;
        VIEWS = views;
        _randomness = randomness_;
        emit RandomnessSourceChanged(address(randomness_), 0);
        _setParameters(parameters_);
    }

    // ------------------------------------------------------------------ ERC-792

    /// @inheritdoc IArbitrator
    function createDispute(uint256 choices, bytes calldata extraData)
        external
        payable
        nonReentrant
        returns (uint256 disputeID)
    {
        if (choices > MAX_CHOICES) revert TooManyChoices(choices, MAX_CHOICES);
        uint256 committee = CourtFees.committeeSize(extraData, _params.committeeSize);
        uint96 fee = _takeFee(_params.feePerArbiter * committee);
        disputeID = _disputeCount++;
        uint256 key = _roundKey(disputeID, 0);
        RoundState memory round_;
        round_.committee = uint16(committee);
        round_.choices = uint32(choices);
        _rounds[key] = round_;
        (uint64 ticket, uint16 generation) = _requestRandomness();
        _disputes[disputeID] = DisputeHeader(msg.sender, 0, DisputeState.Active, generation);
        _funds[key] = RoundFunds(ticket, fee, _lockPerSeat());
        emit DisputeCreation(disputeID, IArbitrable(msg.sender));
        emit RandomnessRequested(disputeID, 0, ticket);
    }

    /// @inheritdoc IArbitrator
    /// @dev `extraData` is ignored: the next committee is always 2N + 1.
    function appeal(uint256 disputeID, bytes calldata) external payable nonReentrant {
        DisputeHeader memory header = _activeHeader(disputeID);
        uint256 last = header.lastRound;
        RoundState memory round_ = _rounds[_roundKey(disputeID, last)];
        if (!round_.isDrawn()) revert NotAppealPeriod(disputeID, 0, 0);
        if (round_.appealPeriod == 0) revert AppealLimitReached(disputeID, round_.committee);
        uint256 start = round_.revealEnd;
        uint256 end = round_.appealEnd();
        if (block.timestamp < start || block.timestamp >= end) revert NotAppealPeriod(disputeID, start, end);

        uint256 committee = 2 * uint256(round_.committee) + 1;
        uint96 fee = _takeFee(_params.feePerArbiter * committee);
        uint256 next = last + 1;
        uint64 ticket = _startAppealRound(disputeID, header, next, committee, round_.choices, fee);
        emit AppealDecision(disputeID, IArbitrable(header.arbitrable));
        emit Appealed(disputeID, next, msg.sender, fee, committee);
        emit RandomnessRequested(disputeID, next, ticket);
    }

    /// @inheritdoc IWithdrawableArbitrator
    /// @dev Rules once arbiters are drawn (docs/court.md): each drawn seat earns fee / committee of its
    /// round, paid by `settle` whatever it voted, and nobody is penalised; the rest of each round's fee goes
    /// back to whoever paid it: the caller for the first round, the appellant (credited) for appeals.
    function withdrawDispute(uint256 disputeID) external nonReentrant returns (uint256 refund) {
        DisputeHeader memory header = _header(disputeID);
        if (msg.sender != header.arbitrable) revert NotArbitrable(disputeID, msg.sender);
        if (header.state == DisputeState.Withdrawn) revert DisputeWithdrawnAlready(disputeID);
        if (header.state == DisputeState.Executed) revert RulingAlreadyExecuted(disputeID);
        uint256 last = header.lastRound;
        uint256 lastKey = _roundKey(disputeID, last);
        RoundState memory lastRound = _rounds[lastKey];
        if (lastRound.isFinal(block.timestamp)) revert RulingFinal(disputeID);

        for (uint256 r; r <= last; ++r) {
            uint256 key = _roundKey(disputeID, r);
            RoundState memory round_ = r == last ? lastRound : _rounds[key];
            RoundFunds storage funds = _funds[key];
            (uint256 earned, uint256 back) = CourtFees.withdrawal(funds.fee, round_.committee, round_.drawn);
            if (back == 0) continue;
            funds.fee = uint96(earned);
            if (r == 0) {
                refund = back;
            } else {
                address appellant = _progress[key].appellant;
                _credit(appellant, back, 0);
                emit AppealFeeRefunded(disputeID, r, appellant, back);
            }
        }
        lastRound.flags |= RoundFlags.CLOSED;
        _rounds[lastKey] = lastRound;
        _disputes[disputeID].state = DisputeState.Withdrawn;
        emit DisputeWithdrawn(disputeID, refund);
        if (refund != 0) _sendNative(msg.sender, refund);
    }

    // ------------------------------------------------------------------ drawing and voting

    /// @inheritdoc ICourt
    function drawCommittee(uint256 disputeID, uint256 iterations) external returns (uint256 drawn) {
        DisputeHeader memory header = _activeHeader(disputeID);
        uint256 r = header.lastRound;
        uint256 key = _roundKey(disputeID, r);
        RoundState memory round_ = _rounds[key];
        if (round_.drawn == round_.committee) revert CommitteeComplete(disputeID, r);
        RoundFunds memory funds = _funds[key];

        (uint256 seed, uint256 attempt) = _seedOf(disputeID, header, r, key, round_, funds.ticket);
        if (seed == 0) return 0;

        uint256 lock = funds.lockPerSeat;
        for (uint256 i; i < iterations && round_.drawn < round_.committee; ++i) {
            // Disputes created in the same block share a ticket, so the dispute and round enter the hash.
            address arbiter = _lockSeat(uint256(keccak256(abi.encode(seed, disputeID, r, attempt++))), lock);
            if (arbiter == address(0)) continue;
            uint256 seat_ = round_.drawn++;
            _seats[_seatKey(key, seat_)].arbiter = arbiter;
            emit ArbiterDrawn(disputeID, r, seat_, arbiter);
            ++drawn;
        }

        if (round_.drawn == round_.committee) {
            round_.schedule(_params, block.timestamp);
            emit CommitteeDrawn(disputeID, r, round_.commitEnd, round_.revealEnd, round_.appealEnd());
            if (round_.appealPeriod != 0) emit AppealPossible(disputeID, IArbitrable(header.arbitrable));
        } else {
            if (round_.flags & RoundFlags.SEEDED == 0) {
                _seeds[key] = seed;
                round_.flags |= RoundFlags.SEEDED;
            }
            _progress[key].attempts = uint32(attempt);
        }
        _rounds[key] = round_;
    }

    /// @inheritdoc ICourt
    function commitVote(uint256 disputeID, uint256 round, uint256 seat, bytes32 commitment) external {
        if (commitment == 0) revert ZeroCommitment();
        uint256 key = _roundKey(disputeID, round);
        RoundState memory round_ = _openRound(key, disputeID, round);
        if (block.timestamp >= round_.commitEnd) revert CommitPeriodOver(disputeID, round, round_.commitEnd);
        uint256 seatKey = _drawnSeat(key, round_, disputeID, round, seat);
        if (_commitments[seatKey] != 0) revert AlreadyCommitted(disputeID, round, seat);
        _commitments[seatKey] = commitment;
        emit VoteCommitted(disputeID, round, seat, msg.sender, commitment);
    }

    /// @inheritdoc ICourt
    function revealVote(uint256 disputeID, uint256 round, uint256 seat, uint256 ruling, bytes32 salt)
        external
    {
        uint256 key = _roundKey(disputeID, round);
        RoundState memory round_ = _openRound(key, disputeID, round);
        if (block.timestamp < round_.commitEnd) revert RevealNotStarted(disputeID, round, round_.commitEnd);
        if (block.timestamp >= round_.revealEnd) revert RevealPeriodOver(disputeID, round, round_.revealEnd);
        if (ruling > round_.choices) revert RulingOutOfRange(ruling, round_.choices);
        uint256 seatKey = _drawnSeat(key, round_, disputeID, round, seat);
        Seat storage seat_ = _seats[seatKey];
        if (seat_.revealed) revert AlreadyRevealed(disputeID, round, seat);
        bytes32 commitment = _commitments[seatKey];
        if (commitment == 0) revert NotCommitted(disputeID, round, seat);
        if (commitment != _hashVote(disputeID, round, seat, msg.sender, ruling, salt)) {
            revert CommitmentMismatch(disputeID, round, seat);
        }

        _seats[seatKey] = Seat(msg.sender, uint32(ruling), true);
        // The ruling is now in the seat; clearing the commitment refunds most of its storage.
        delete _commitments[seatKey];
        uint256 count = ++_votes[key][ruling];
        round_.tally(ruling, count);
        _rounds[key] = round_;
        emit VoteRevealed(disputeID, round, seat, msg.sender, ruling);
    }

    // ------------------------------------------------------------------ rulings and money

    /// @inheritdoc ICourt
    function executeRuling(uint256 disputeID) external nonReentrant {
        DisputeHeader memory header = _header(disputeID);
        if (header.state == DisputeState.Withdrawn) revert DisputeWithdrawnAlready(disputeID);
        if (header.state == DisputeState.Executed) revert RulingAlreadyExecuted(disputeID);
        RoundState memory last = _rounds[_roundKey(disputeID, header.lastRound)];
        if (!last.isFinal(block.timestamp)) revert RulingNotFinal(disputeID, last.appealEnd());
        uint256 ruling = last.rulingOf();
        _disputes[disputeID].state = DisputeState.Executed;
        emit RulingExecuted(disputeID, header.arbitrable, ruling);
        IArbitrable(header.arbitrable).rule(disputeID, ruling);
    }

    /// @inheritdoc ICourt
    function settle(uint256 disputeID, uint256 round, uint256 iterations)
        external
        nonReentrant
        returns (uint256 done)
    {
        DisputeHeader memory header = _header(disputeID);
        if (round > header.lastRound) revert RoundNotFound(disputeID, round);
        Settlement memory job;
        job.disputeID = disputeID;
        job.round = round;
        job.withdrawn = header.state == DisputeState.Withdrawn;
        if (!job.withdrawn) {
            RoundState memory last = _rounds[_roundKey(disputeID, header.lastRound)];
            if (!last.isFinal(block.timestamp)) revert RulingNotFinal(disputeID, last.appealEnd());
            job.finalRuling = last.rulingOf();
        }
        job.key = _roundKey(disputeID, round);
        job.seats = _rounds[job.key].drawn;
        RoundFunds memory funds = _funds[job.key];
        job.fee = funds.fee;
        job.lock = funds.lockPerSeat;
        RoundProgress memory progress = _progress[job.key];
        uint256 cursor = progress.settled;
        uint256 end = job.withdrawn ? job.seats : 2 * job.seats;
        if (cursor >= end) revert RoundSettled(disputeID, round);
        uint256 stop = end - cursor < iterations ? end : cursor + iterations;

        if (job.withdrawn) {
            for (; cursor < stop; ++cursor) {
                address arbiter = _unlock(job, cursor, false);
                uint256 pay = job.fee / job.seats;
                _credit(arbiter, pay, 0);
                emit RewardCredited(disputeID, round, cursor, arbiter, pay, 0);
            }
        } else {
            job.coherent = _votes[job.key][job.finalRuling];
            for (; cursor < stop && cursor < job.seats; ++cursor) {
                Seat memory s = _seats[_seatKey(job.key, cursor)];
                _unlock(job, cursor, !(s.revealed && s.ruling == job.finalRuling));
            }
            if (cursor < stop) cursor = _reward(job, cursor, stop, end);
        }
        done = cursor - progress.settled;
        progress.settled = uint32(cursor);
        _progress[job.key] = progress;
    }

    /// @inheritdoc ICourt
    function setStake(uint256 stake) external nonReentrant {
        if (stake > type(uint96).max) revert StakeTooLarge(stake);
        Arbiter memory account = _arbiters[msg.sender];
        uint256 old = account.stake;
        if (stake == old) revert StakeUnchanged(stake);
        if (stake != 0) {
            uint256 minStake = _params.minStake;
            if (stake < minStake) revert StakeBelowMinimum(stake, minStake);
        }
        if (stake < account.locked) revert StakeLocked(stake, account.locked);

        uint64 weight = uint64(stake / WEIGHT_UNIT);
        account.stake = uint96(stake);
        if (account.leaf == 0) {
            account.leaf = uint32(_tree.insert(msg.sender, weight) + 1);
            _arbiters[msg.sender] = account;
        } else if (stake == 0) {
            // stake >= locked, so nothing is locked: the arbiter leaves the tree.
            _tree.remove(account.leaf - 1);
            delete _arbiters[msg.sender];
        } else {
            _tree.update(account.leaf - 1, weight);
            _arbiters[msg.sender] = account;
        }
        emit StakeSet(msg.sender, stake);
        if (stake > old) {
            // Stakes are counted in what arrives: a token that moves less than asked would leave the court
            // owing more than it holds.
            uint256 before = TOKEN.balanceOf(address(this));
            TOKEN.safeTransferFrom(msg.sender, address(this), stake - old);
            uint256 received = TOKEN.balanceOf(address(this)) - before;
            if (received != stake - old) revert TokenTransferMismatch(address(TOKEN), stake - old, received);
        } else {
            TOKEN.safeTransfer(msg.sender, old - stake);
        }
    }

    /// @inheritdoc ICourt
    function withdraw() external nonReentrant {
        Owed memory due = _owed[msg.sender];
        if (due.native == 0 && due.tokens == 0) revert NothingOwed(msg.sender);
        delete _owed[msg.sender];
        emit Withdrawn(msg.sender, due.native, due.tokens);
        if (due.tokens != 0) TOKEN.safeTransfer(msg.sender, due.tokens);
        if (due.native != 0) _sendNative(msg.sender, due.native);
    }

    // ------------------------------------------------------------------ owner

    /// @inheritdoc ICourt
    function setParameters(CourtParameters calldata parameters_) external onlyOwner {
        _setParameters(parameters_);
    }

    /// @inheritdoc ICourt
    function setRandomness(IRandomness randomness_) external onlyOwner {
        if (address(randomness_) == address(0)) revert ZeroAddress();
        uint16 generation = _generation + 1;
        _randomness = randomness_;
        _generation = generation;
        emit RandomnessSourceChanged(address(randomness_), generation);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IArbitrator
    function arbitrationCost(bytes calldata extraData) external view returns (uint256) {
        return _params.feePerArbiter * CourtFees.committeeSize(extraData, _params.committeeSize);
    }

    /// @inheritdoc IArbitrator
    /// @dev The maximum uint256 when the ruling cannot be appealed now.
    function appealCost(uint256 disputeID, bytes calldata) external view returns (uint256) {
        DisputeHeader memory header = _header(disputeID);
        RoundState memory last = _rounds[_roundKey(disputeID, header.lastRound)];
        if (
            header.state != DisputeState.Active || last.appealPeriod == 0
                || last.phase(block.timestamp) != CourtPhase.Appeal
        ) return type(uint256).max;
        return _params.feePerArbiter * (2 * uint256(last.committee) + 1);
    }

    /// @inheritdoc IArbitrator
    function appealPeriod(uint256 disputeID) external view returns (uint256 start, uint256 end) {
        DisputeHeader memory header = _header(disputeID);
        RoundState memory last = _rounds[_roundKey(disputeID, header.lastRound)];
        if (!last.isDrawn()) return (0, 0);
        return (last.revealEnd, last.appealEnd());
    }

    /// @inheritdoc IArbitrator
    function disputeStatus(uint256 disputeID) external view returns (DisputeStatus) {
        CourtPhase current = _phase(disputeID);
        if (current == CourtPhase.Appeal) return DisputeStatus.Appealable;
        if (current == CourtPhase.Final || current == CourtPhase.Withdrawn) return DisputeStatus.Solved;
        return DisputeStatus.Waiting;
    }

    /// @inheritdoc IArbitrator
    /// @dev 0 for a withdrawn dispute.
    function currentRuling(uint256 disputeID) public view returns (uint256) {
        DisputeHeader memory header = _header(disputeID);
        if (header.state == DisputeState.Withdrawn) return 0;
        return _rounds[_roundKey(disputeID, header.lastRound)].rulingOf();
    }

    /// @inheritdoc ICourt
    function token() external view returns (address) {
        return address(TOKEN);
    }

    /// @notice Runs every other call, the court's views (`ICourtViews`), from `CourtViews` in this storage.
    fallback() external {
        address views = VIEWS;
        assembly ("memory-safe") {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), views, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    // ------------------------------------------------------------------ internals

    /// @dev Unlocks a seat's stake; an incoherent seat also loses the lock, which waits in `_pendingPenalties`
    /// for the round's coherent seats.
    function _unlock(Settlement memory job, uint256 index, bool penalise) private returns (address arbiter) {
        arbiter = _seats[_seatKey(job.key, index)].arbiter;
        Arbiter memory account = _arbiters[arbiter];
        uint96 lock = uint96(job.lock);
        account.locked -= lock;
        if (penalise) {
            account.stake -= lock;
            _pendingPenalties += lock;
            if (account.stake == 0 && account.locked == 0) {
                _tree.remove(account.leaf - 1);
                delete _arbiters[arbiter];
            } else {
                _tree.update(account.leaf - 1, uint64(account.stake / WEIGHT_UNIT));
                _arbiters[arbiter] = account;
            }
            emit StakeSet(arbiter, account.stake);
        } else {
            _arbiters[arbiter] = account;
        }
        emit SeatSettled(job.disputeID, job.round, index, arbiter, !penalise, penalise ? lock : 0);
    }

    /// @dev The second pass of `settle`, steps [seats, 2 * seats): credits the coherent seats.
    function _reward(Settlement memory job, uint256 cursor, uint256 stop, uint256 end)
        private
        returns (uint256)
    {
        (uint256 nativeEach, uint256 tokensEach, uint256 treasuryNative, uint256 treasuryTokens) =
            CourtFees.shares(job.fee, (job.seats - job.coherent) * job.lock, job.coherent);
        if (cursor == job.seats) {
            _credit(owner(), treasuryNative, treasuryTokens);
            _pendingPenalties -= treasuryTokens;
            emit TreasuryCredited(job.disputeID, job.round, treasuryNative, treasuryTokens);
            // Without a coherent seat there is nothing left to pay: the round is settled.
            if (job.coherent == 0) return end;
        }
        for (; cursor < stop; ++cursor) {
            uint256 index = cursor - job.seats;
            Seat memory s = _seats[_seatKey(job.key, index)];
            if (!s.revealed || s.ruling != job.finalRuling) continue;
            _credit(s.arbiter, nativeEach, tokensEach);
            _pendingPenalties -= tokensEach;
            emit RewardCredited(job.disputeID, job.round, index, s.arbiter, nativeEach, tokensEach);
        }
        return cursor;
    }

    function _credit(address account, uint256 native, uint256 tokens) private {
        if (native == 0 && tokens == 0) return;
        Owed storage due = _owed[account];
        due.native += uint128(native);
        due.tokens += uint128(tokens);
    }

    function _sendNative(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert NativeTransferFailed(to, amount);
    }

    function _takeFee(uint256 cost) private view returns (uint96) {
        if (msg.value < cost) revert InsufficientFee(cost, msg.value);
        if (msg.value > type(uint96).max) revert FeeTooLarge(msg.value);
        return uint96(msg.value);
    }

    /// @dev Writes appeal round `next` and moves the dispute to it.
    function _startAppealRound(
        uint256 disputeID,
        DisputeHeader memory header,
        uint256 next,
        uint256 committee,
        uint32 choices,
        uint96 fee
    ) private returns (uint64 ticket) {
        uint256 key = _roundKey(disputeID, next);
        RoundState memory round_;
        round_.committee = uint16(committee);
        round_.choices = choices;
        _rounds[key] = round_;
        _progress[key].appellant = msg.sender;
        uint16 generation;
        (ticket, generation) = _requestRandomness();
        header.lastRound = uint8(next);
        header.randomnessGeneration = generation;
        _disputes[disputeID] = header;
        _funds[key] = RoundFunds(ticket, fee, _lockPerSeat());
    }

    /// @dev Draws an arbiter with `random` and locks `lock` of its stake; zero when the arbiter drawn has
    /// too little free stake to back another seat (it is passed over; the attempt still counts).
    function _lockSeat(uint256 random, uint256 lock) private returns (address arbiter) {
        (, arbiter) = _tree.draw(random);
        if (arbiter == address(0)) revert NoArbiters();
        Arbiter storage account = _arbiters[arbiter];
        uint256 locked = account.locked;
        if (account.stake - locked < lock) return address(0);
        // Overflow not possible: locked + lock <= stake < 2^96.
        account.locked = uint96(locked + lock);
    }

    /// @dev The seed of a round's draw and the random numbers used so far. Zero when the ticket expired
    /// unrecorded or came from a replaced source: a new ticket is requested instead and nothing is drawn.
    function _seedOf(
        uint256 disputeID,
        DisputeHeader memory header,
        uint256 r,
        uint256 key,
        RoundState memory round_,
        uint64 ticket
    ) private returns (uint256 seed, uint256 attempt) {
        if (round_.flags & RoundFlags.SEEDED != 0) {
            return (_seeds[key], _progress[key].attempts);
        }
        IRandomness source = _randomness;
        bool current = header.randomnessGeneration == _generation;
        if (current) seed = source.randomness(ticket);
        if (seed != 0) return (seed, 0);
        if (current && !source.expired(ticket)) revert RandomnessNotReady(disputeID, ticket);
        uint16 generation;
        (ticket, generation) = _requestRandomness();
        _funds[key].ticket = ticket;
        _disputes[disputeID].randomnessGeneration = generation;
        emit RandomnessRequested(disputeID, r, ticket);
    }

    function _requestRandomness() private returns (uint64 ticket, uint16 generation) {
        generation = _generation;
        ticket = _randomness.request();
    }

    function _lockPerSeat() private view returns (uint96) {
        // Overflow not possible: minStake < 2^96 and penaltyBps <= 10,000.
        return uint96(uint256(_params.minStake) * _params.penaltyBps / BPS);
    }

    function _setParameters(CourtParameters memory p) private {
        if (p.committeeSize == 0 || p.committeeSize % 2 == 0 || p.committeeSize > CourtRounds.MAX_COMMITTEE) {
            revert InvalidCommitteeSize(p.committeeSize);
        }
        if (p.penaltyBps == 0 || p.penaltyBps > BPS) revert InvalidPenalty(p.penaltyBps);
        if (p.minStake < WEIGHT_UNIT) revert InvalidMinStake(p.minStake);
        _checkPeriod(p.commitPeriod);
        _checkPeriod(p.revealPeriod);
        _checkPeriod(p.appealPeriod);
        _params = p;
        emit ParametersChanged(p);
    }

    function _checkPeriod(uint256 period) private pure {
        if (period < MIN_PERIOD || period > MAX_PERIOD) revert InvalidPeriod(period);
    }

    function _activeHeader(uint256 disputeID) private view returns (DisputeHeader memory header) {
        header = _header(disputeID);
        if (header.state == DisputeState.Withdrawn) revert DisputeWithdrawnAlready(disputeID);
        if (header.state == DisputeState.Executed) revert RulingAlreadyExecuted(disputeID);
    }

    /// @dev The round a commit or reveal acts on, which must exist, be drawn and not be withdrawn.
    function _openRound(uint256 key, uint256 disputeID, uint256 round)
        private
        view
        returns (RoundState memory round_)
    {
        // A round beyond 255 or a dispute id beyond 2^232 would not make an injective key.
        if (round <= type(uint8).max && disputeID >> 232 == 0) round_ = _rounds[key];
        if (round_.committee == 0) revert RoundNotFound(disputeID, round);
        if (round_.flags & RoundFlags.CLOSED != 0) revert DisputeWithdrawnAlready(disputeID);
        if (round_.commitEnd == 0) revert CommitteeNotDrawn(disputeID, round);
    }

    /// @dev The key of a seat the caller holds in a drawn round.
    function _drawnSeat(uint256 key, RoundState memory round_, uint256 disputeID, uint256 round, uint256 seat)
        private
        view
        returns (uint256 seatKey)
    {
        if (seat >= round_.committee) revert NotDrawn(disputeID, round, seat, msg.sender);
        seatKey = _seatKey(key, seat);
        if (_seats[seatKey].arbiter != msg.sender) revert NotDrawn(disputeID, round, seat, msg.sender);
    }
}
