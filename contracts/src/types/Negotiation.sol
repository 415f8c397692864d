// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Who makes or answers a settlement offer on an order.
enum Role {
    Buyer,
    Seller,
    Mediator
}

/// @notice Where a settlement offer stands. A withdrawn or rejected offer keeps its id, so that accepting it
/// later fails with the reason instead of "unknown".
enum OfferStatus {
    None,
    Standing,
    Withdrawn,
    Rejected
}

/// @notice A settlement offer: the buyer gets `buyerBps` basis points of the order, the seller the rest, if
/// the other side accepts before `expiry`. Ids count the offers made on one order, from 1.
struct Offer {
    uint16 id;
    uint16 buyerBps;
    uint40 expiry;
    OfferStatus status;
}

/// @notice An order's whole negotiation in one storage word: the latest offer of the buyer, of the seller and
/// of the mediator (80 bits each, in that order from the low end), and which parties accepted the mediator's
/// offer (bits 240 and 241). One word keeps `proposeSettlement` at a single new storage slot.
type Negotiation is uint256;

using NegotiationLibrary for Negotiation global;

/// @notice Reads and writes the lanes of a `Negotiation`. Each lane is `id | buyerBps << 16 | expiry << 32 |
/// status << 72`.
/// @dev Reading a lane truncates on purpose, so the linter's typecast check is off in here.
// forge-lint: disable-start(unsafe-typecast)
library NegotiationLibrary {
    uint256 private constant LANE_BITS = 80;
    uint256 private constant LANE_MASK = (1 << 80) - 1;
    uint256 private constant ACCEPTED_SHIFT = 240;
    uint256 private constant ACCEPTED_MASK = 3 << 240;

    /// @notice The latest offer of `role`; all zero if it never made one.
    function offerOf(Negotiation n, Role role) internal pure returns (Offer memory offer) {
        uint256 lane = Negotiation.unwrap(n) >> (uint256(role) * LANE_BITS);
        offer.id = uint16(lane);
        offer.buyerBps = uint16(lane >> 16);
        offer.expiry = uint40(lane >> 32);
        offer.status = OfferStatus(uint8(lane >> 72));
    }

    /// @notice `n` with a new standing offer of `role`; the caller keeps `id`, `buyerBps` and `expiry` within
    /// 16, 16 and 40 bits. Any change to the mediator's offer clears the parties' acceptances of it: they
    /// accepted the offer it replaces.
    function withStanding(Negotiation n, Role role, uint256 id, uint256 buyerBps, uint256 expiry)
        internal
        pure
        returns (Negotiation)
    {
        uint256 shift = uint256(role) * LANE_BITS;
        uint256 lane = id | buyerBps << 16 | expiry << 32 | uint256(OfferStatus.Standing) << 72;
        uint256 word = Negotiation.unwrap(n) & ~(LANE_MASK << shift) | lane << shift;
        if (role == Role.Mediator) word &= ~ACCEPTED_MASK;
        return Negotiation.wrap(word);
    }

    /// @notice `n` with the status of `role`'s latest offer set to `status`, clearing acceptances of a
    /// mediator's offer as `withStanding` does.
    function withStatus(Negotiation n, Role role, OfferStatus status) internal pure returns (Negotiation) {
        uint256 shift = uint256(role) * LANE_BITS + 72;
        uint256 word = Negotiation.unwrap(n) & ~(uint256(0xff) << shift) | uint256(status) << shift;
        if (role == Role.Mediator) word &= ~ACCEPTED_MASK;
        return Negotiation.wrap(word);
    }

    /// @notice The highest offer id in `n`: ids are never reused, so the next offer takes this plus one.
    function lastId(Negotiation n) internal pure returns (uint256 id) {
        uint256 word = Negotiation.unwrap(n);
        id = uint16(word);
        uint256 seller = uint16(word >> LANE_BITS);
        uint256 mediator = uint16(word >> (2 * LANE_BITS));
        if (seller > id) id = seller;
        if (mediator > id) id = mediator;
    }

    /// @notice Whose latest offer has id `id`, if any role's does.
    function find(Negotiation n, uint256 id) internal pure returns (bool found, Role role) {
        uint256 word = Negotiation.unwrap(n);
        if (id == 0) return (false, Role.Buyer);
        if (uint16(word) == id) return (true, Role.Buyer);
        if (uint16(word >> LANE_BITS) == id) return (true, Role.Seller);
        if (uint16(word >> (2 * LANE_BITS)) == id) return (true, Role.Mediator);
        return (false, Role.Buyer);
    }

    /// @notice Whether `party` (the buyer or the seller) accepted the mediator's current offer.
    function acceptedBy(Negotiation n, Role party) internal pure returns (bool) {
        return Negotiation.unwrap(n) >> (ACCEPTED_SHIFT + uint256(party)) & 1 == 1;
    }

    /// @notice `n` with `party`'s acceptance of the mediator's current offer recorded.
    function withAcceptance(Negotiation n, Role party) internal pure returns (Negotiation) {
        // forge-lint: disable-next-line(incorrect-shift)
        return Negotiation.wrap(Negotiation.unwrap(n) | 1 << (ACCEPTED_SHIFT + uint256(party)));
    }
}
// forge-lint: disable-end(unsafe-typecast)
