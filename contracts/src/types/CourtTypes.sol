// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The court's settings, owned by its owner (the DAO's timelock). Changes apply to rounds that start
/// (fees, committee size, penalty) or complete their draw (periods) afterwards.
struct CourtParameters {
    /// @dev Seconds from the end of the draw in which drawn arbiters commit their votes. The three periods
    /// come first so that scheduling a round reads one storage word.
    uint32 commitPeriod;
    /// @dev Seconds after the commit period in which they reveal them.
    uint32 revealPeriod;
    /// @dev Seconds after the reveal period in which anyone may appeal the ruling.
    uint32 appealPeriod;
    /// @dev Locked on each seat an arbiter is drawn for, and taken if its vote is incoherent or unrevealed:
    /// minStake * penaltyBps / 10,000.
    uint16 penaltyBps;
    /// @dev Seats in a first round, unless the arbitrable's extra data asks for another odd number.
    uint16 committeeSize;
    /// @dev Native coin per seat: a round of N seats costs N * feePerArbiter.
    uint96 feePerArbiter;
    /// @dev The least stake an arbiter may set, in staking-token units.
    uint96 minStake;
}

/// @notice Where a dispute stands, derived from its last round and the time.
enum CourtPhase {
    None,
    Drawing,
    Commit,
    Reveal,
    Appeal,
    Final,
    Withdrawn
}

/// @notice What a dispute's status word records besides its rounds.
enum DisputeState {
    None,
    Active,
    Withdrawn,
    Executed
}

/// @dev A dispute's header: one word.
struct DisputeHeader {
    address arbitrable;
    uint8 lastRound;
    DisputeState state;
    /// @dev The randomness source generation the last round's ticket came from.
    uint16 randomnessGeneration;
}

/// @dev The part of a round that drawing, committing and revealing read: one word.
struct RoundState {
    /// @dev Zero until the committee is complete.
    uint40 commitEnd;
    uint40 revealEnd;
    /// @dev Seconds after `revealEnd` during which the ruling can be appealed; zero for the last round
    /// the appeal limit allows.
    uint32 appealPeriod;
    uint16 committee;
    uint16 drawn;
    uint16 revealed;
    uint32 winningRuling;
    uint16 winningVotes;
    /// @dev TIED | CLOSED | SEEDED (see `RoundFlags`).
    uint8 flags;
    uint32 choices;
}

/// @dev The money of a round: one word.
struct RoundFunds {
    uint64 ticket;
    /// @dev Native coin paid for the round; after a withdrawal, only the part its drawn arbiters earn.
    uint96 fee;
    /// @dev Staking tokens locked per seat, and taken from an incoherent seat.
    uint96 lockPerSeat;
}

/// @dev Bookkeeping of batched draws and settlement: one word, written only when needed.
struct RoundProgress {
    /// @dev Who paid an appeal round's fee (zero for the first round: the arbitrable paid).
    address appellant;
    /// @dev Random numbers used so far; an arbiter without enough free stake is skipped.
    uint32 attempts;
    /// @dev Settlement cursor: seats [0, N) apply penalties, [N, 2N) pay rewards.
    uint32 settled;
}

/// @dev One seat of a committee. The commitment lives in a word of its own, cleared when revealed.
struct Seat {
    address arbiter;
    uint32 ruling;
    bool revealed;
}

/// @dev An arbiter: one word.
struct Arbiter {
    /// @dev 1 + the arbiter's leaf in the sortition tree; 0 when not staked.
    uint32 leaf;
    uint96 stake;
    uint96 locked;
}

/// @dev What the court owes an account, to withdraw.
struct Owed {
    uint128 native;
    uint128 tokens;
}

/// @dev Bits of `RoundState.flags`.
library RoundFlags {
    uint8 internal constant TIED = 1;
    uint8 internal constant CLOSED = 2;
    uint8 internal constant SEEDED = 4;
}
