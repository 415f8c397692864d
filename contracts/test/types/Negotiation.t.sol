// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {Negotiation, Offer, OfferStatus, Role} from "../../src/types/Negotiation.sol";

/// The three offers of an order share one word; each lane must read back what was written and leave the
/// others alone.
contract NegotiationTest is Test {
    function _offer(Negotiation n, Role role) internal pure returns (Offer memory) {
        return n.offerOf(role);
    }

    function testFuzz_withStanding_readsBackAndLeavesOtherLanes(
        uint256 word,
        uint8 roleSeed,
        uint16 id,
        uint16 bps,
        uint40 expiry
    ) public pure {
        Role role = Role(bound(roleSeed, 0, 2));
        // Any earlier content, as long as each status is a valid one.
        word &= ~(uint256(0xff) << 72 | uint256(0xff) << 152 | uint256(0xff) << 232);
        Negotiation before = Negotiation.wrap(word);
        Negotiation n = before.withStanding(role, id, bps, expiry);
        Offer memory offer = n.offerOf(role);
        assertEq(offer.id, id);
        assertEq(offer.buyerBps, bps);
        assertEq(offer.expiry, expiry);
        assertEq(uint8(offer.status), uint8(OfferStatus.Standing));
        for (uint256 r; r < 3; ++r) {
            if (r == uint256(role)) continue;
            assertEq(
                keccak256(abi.encode(n.offerOf(Role(r)))), keccak256(abi.encode(before.offerOf(Role(r))))
            );
        }
        if (role != Role.Mediator) {
            assertEq(n.acceptedBy(Role.Buyer), before.acceptedBy(Role.Buyer));
            assertEq(n.acceptedBy(Role.Seller), before.acceptedBy(Role.Seller));
        }
    }

    function test_mediatorChangesClearAcceptances() public pure {
        Negotiation n = Negotiation.wrap(0).withStanding(Role.Mediator, 1, 5_000, 100);
        n = n.withAcceptance(Role.Buyer).withAcceptance(Role.Seller);
        assertTrue(n.acceptedBy(Role.Buyer) && n.acceptedBy(Role.Seller));
        assertFalse(n.withStanding(Role.Mediator, 2, 5_000, 100).acceptedBy(Role.Buyer));
        assertFalse(n.withStatus(Role.Mediator, OfferStatus.Rejected).acceptedBy(Role.Seller));
        assertTrue(n.withStanding(Role.Buyer, 3, 1, 100).acceptedBy(Role.Seller), "a party's offer does not");
    }

    function test_withStatus_changesOnlyTheStatus() public pure {
        Negotiation n = Negotiation.wrap(0).withStanding(Role.Seller, 7, 1_234, 999);
        Offer memory offer = n.withStatus(Role.Seller, OfferStatus.Withdrawn).offerOf(Role.Seller);
        assertEq(offer.id, 7);
        assertEq(offer.buyerBps, 1_234);
        assertEq(offer.expiry, 999);
        assertEq(uint8(offer.status), uint8(OfferStatus.Withdrawn));
    }

    function testFuzz_lastIdAndFind(uint16 a, uint16 b, uint16 c) public pure {
        Negotiation n = Negotiation.wrap(0).withStanding(Role.Buyer, a, 0, 1)
            .withStanding(Role.Seller, b, 0, 1).withStanding(Role.Mediator, c, 0, 1);
        uint256 max = a > b ? a : b;
        max = c > max ? c : max;
        assertEq(n.lastId(), max);
        (bool found, Role role) = n.find(c);
        assertEq(found, c != 0);
        if (c != 0 && c != a && c != b) assertEq(uint8(role), uint8(Role.Mediator));
        (found,) = n.find(0);
        assertFalse(found, "id 0 is never an offer");
    }
}
