// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Rulings} from "../../src/libraries/Rulings.sol";
import {Offer, OfferStatus, Role} from "../../src/types/Negotiation.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";

/// @notice Settlement offers between the parties, and by a mediator both agreed on, on orders that are not
/// disputed (see EscrowSettlementDispute.t.sol for disputed ones).
contract EscrowSettlementTest is MarketFixture {
    bytes32 internal constant MESSAGE = keccak256("the parcel arrived damaged");
    uint256 internal constant DAY = 1 days;

    address internal mediator = makeAddr("mediator");

    // ------------------------------------------------------------------ helpers

    function _propose(uint256 id, Order memory o, address by, uint256 bps)
        internal
        returns (uint256 offerId)
    {
        vm.prank(by);
        offerId = escrow.proposeSettlement(id, o, bps, block.timestamp + DAY, MESSAGE);
    }

    function _accept(uint256 id, Order memory o, address by, uint256 offerId) internal {
        vm.prank(by);
        escrow.acceptSettlement(id, o, offerId);
    }

    function _appointMediator(uint256 id, Order memory o) internal {
        vm.prank(buyer);
        escrow.proposeMediator(id, o, mediator);
        vm.prank(seller);
        escrow.acceptMediator(id, o, mediator);
    }

    // ------------------------------------------------------------------ proposeSettlement

    function test_proposeSettlement_byBuyerStoresOneOffer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 expiry = block.timestamp + DAY;
        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementProposed(id, 1, buyer, 3_000, expiry, MESSAGE);
        vm.prank(buyer);
        uint256 offerId = escrow.proposeSettlement(id, o, 3_000, expiry, MESSAGE);

        assertEq(offerId, 1);
        Offer memory offer = _views().settlementOffer(id, Role.Buyer);
        assertEq(offer.id, 1);
        assertEq(offer.buyerBps, 3_000);
        assertEq(offer.expiry, expiry);
        assertEq(uint8(offer.status), uint8(OfferStatus.Standing));
        assertEq(_views().settlementOffer(id, Role.Seller).id, 0);
        assertEq(escrow.orderHash(id), _hash(o), "proposing changes nothing of the order");
        assertEq(address(escrow).balance, PRICE);
    }

    function test_proposeSettlement_counterKeepsBothOffers() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 first = _propose(id, o, buyer, 3_000);
        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementProposed(id, 2, seller, 2_000, block.timestamp + DAY, MESSAGE);
        uint256 counter = _propose(id, o, seller, 2_000);
        assertEq(counter, first + 1);
        assertEq(_views().settlementOffer(id, Role.Buyer).buyerBps, 3_000);
        assertEq(_views().settlementOffer(id, Role.Seller).buyerBps, 2_000);
    }

    function test_proposeSettlement_replacesTheProposersOwn() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _propose(id, o, buyer, 3_000);
        uint256 second = _propose(id, o, buyer, 4_000);
        assertEq(second, 2);
        assertEq(_views().settlementOffer(id, Role.Buyer).id, 2);
        assertEq(_views().settlementOffer(id, Role.Buyer).buyerBps, 4_000);
    }

    function test_proposeSettlement_onShippedOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o = _ship(id, o);
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        assertEq(_propose(id, o, seller, 1_000), 1, "until someone releases it");
    }

    function test_proposeSettlement_withoutMessage() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementProposed(id, 1, seller, 0, block.timestamp + 1, bytes32(0));
        vm.prank(seller);
        escrow.proposeSettlement(id, o, 0, block.timestamp + 1, bytes32(0));
    }

    function test_RevertWhen_proposeSettlementSplitOverAll() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.startPrank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidSplit.selector, 10_001));
        escrow.proposeSettlement(id, o, 10_001, block.timestamp + DAY, MESSAGE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidSplit.selector, type(uint256).max));
        escrow.proposeSettlement(id, o, type(uint256).max, block.timestamp + DAY, MESSAGE);
        vm.stopPrank();
    }

    function test_RevertWhen_proposeSettlementExpiryNotInFuture() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.startPrank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidExpiry.selector, block.timestamp));
        escrow.proposeSettlement(id, o, 5_000, block.timestamp, MESSAGE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidExpiry.selector, 0));
        escrow.proposeSettlement(id, o, 5_000, 0, MESSAGE);
        uint256 tooFar = uint256(type(uint40).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidExpiry.selector, tooFar));
        escrow.proposeSettlement(id, o, 5_000, tooFar, MESSAGE);
        vm.stopPrank();
    }

    function test_RevertWhen_proposeSettlementByStranger() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotPartyOrMediator.selector, id, stranger));
        _propose(id, o, stranger, 5_000);
    }

    function test_RevertWhen_proposeSettlementByMediatorNotYetAgreed() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.proposeMediator(id, o, mediator);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotPartyOrMediator.selector, id, mediator));
        _propose(id, o, mediator, 5_000);
    }

    function test_RevertWhen_proposeSettlementOnEndedOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        Order memory done = _withState(o, OrderState.Completed);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Completed));
        _propose(id, done, buyer, 5_000);
    }

    function test_RevertWhen_proposeSettlementTamperedOrUnknownOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        Order memory tampered = _withState(o, OrderState.Shipped);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        _propose(id, tampered, buyer, 5_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderNotFound.selector, 99));
        _propose(99, o, buyer, 5_000);
    }

    // ------------------------------------------------------------------ acceptSettlement

    function test_acceptSettlement_splitsAndEndsSettled() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(2);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        uint256 buyerBefore = buyer.balance;
        uint256 amount = 2 * PRICE;
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderSettled(id, offerId, amount * 3 / 10, amount * 7 / 10);
        _accept(id, o, seller, offerId);

        assertEq(buyer.balance - buyerBefore, amount * 3 / 10);
        assertEq(seller.balance, amount * 7 / 10);
        assertEq(address(escrow).balance, 0);
        assertEq(IListing(listing).stock(), STOCK - 2, "a partial refund keeps the sale");
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Settled)));
        assertEq(_views().settlementOffer(id, Role.Buyer).id, 0, "the negotiation is cleared");
    }

    /// @dev The issue's scenario: the buyer reports damage and asks 30 %, the seller counters 20 %, the buyer
    /// accepts.
    function test_acceptSettlement_buyerAcceptsTheCounter() public {
        (, uint256 id, Order memory o) = _escrowedToken(4);
        o = _ship(id, o);
        _propose(id, o, buyer, 3_000);
        uint256 counter = _propose(id, o, seller, 2_000);
        uint256 before = token.balanceOf(buyer);
        _accept(id, o, buyer, counter);
        uint256 amount = 4 * TOKEN_PRICE;
        assertEq(token.balanceOf(buyer) - before, amount / 5);
        assertEq(token.balanceOf(seller), amount - amount / 5);
        assertEq(token.balanceOf(address(escrow)), 0);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Settled)));
    }

    function test_acceptSettlement_otherOfferStillStandsAfterACounter() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 first = _propose(id, o, buyer, 3_000);
        _propose(id, o, seller, 2_000);
        _accept(id, o, seller, first);
        assertEq(seller.balance, PRICE * 7 / 10);
    }

    function test_acceptSettlement_fullRefundRestocks() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(3);
        uint256 offerId = _propose(id, o, seller, 10_000);
        vm.expectEmit(listing);
        emit IListing.StockChanged(STOCK);
        _accept(id, o, buyer, offerId);
        assertEq(IListing(listing).stock(), STOCK);
        assertEq(seller.balance, 0);
    }

    function test_acceptSettlement_zeroToBuyerIsARelease() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 buyerBefore = buyer.balance;
        uint256 offerId = _propose(id, o, buyer, 0);
        _accept(id, o, seller, offerId);
        assertEq(seller.balance, PRICE);
        assertEq(buyer.balance, buyerBefore);
        assertEq(IListing(listing).stock(), STOCK - 1);
    }

    function test_acceptSettlement_edgeSplits() public {
        uint16[5] memory splits = [0, 1, 5_000, 9_999, 10_000];
        for (uint256 i; i < splits.length; ++i) {
            address listing = _list(address(0), 10_001, STOCK);
            uint256 id = _buyNative(listing, 1, true);
            Order memory o = _paidOrder(listing, address(0), 10_001, 1);
            uint256 offerId = _propose(id, o, seller, splits[i]);
            uint256 buyerBefore = buyer.balance;
            uint256 sellerBefore = seller.balance;
            _accept(id, o, buyer, offerId);
            uint256 toBuyer = uint256(10_001) * splits[i] / 10_000;
            assertEq(buyer.balance - buyerBefore, toBuyer);
            assertEq(seller.balance - sellerBefore, 10_001 - toBuyer);
            assertEq(IListing(listing).stock(), splits[i] == 10_000 ? STOCK : STOCK - 1);
        }
        assertEq(address(escrow).balance, 0);
    }

    function test_acceptSettlement_rejectingSellerIsCredited() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.etch(seller, address(new RejectAll()).code);
        uint256 offerId = _propose(id, o, buyer, 4_000);
        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(seller, address(0), PRICE * 6 / 10);
        _accept(id, o, seller, offerId);
        assertEq(escrow.owed(seller, address(0)), PRICE * 6 / 10);
        assertEq(address(escrow).balance, PRICE * 6 / 10);
    }

    function test_RevertWhen_acceptSettlementOwnOffer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OwnOffer.selector, id, offerId));
        _accept(id, o, buyer, offerId);
    }

    function test_RevertWhen_acceptSettlementByStrangerOrMediator() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, stranger));
        _accept(id, o, stranger, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, mediator));
        _accept(id, o, mediator, offerId);
    }

    function test_RevertWhen_acceptSettlementExpired() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        uint256 expiry = block.timestamp + DAY;
        vm.warp(expiry);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferExpired.selector, id, offerId, expiry));
        _accept(id, o, seller, offerId);
    }

    function test_RevertWhen_acceptSettlementSuperseded() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 first = _propose(id, o, buyer, 3_000);
        _propose(id, o, buyer, 5_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferSuperseded.selector, id, first));
        _accept(id, o, seller, first);
        assertEq(address(escrow).balance, PRICE, "nothing moved");
    }

    function test_RevertWhen_acceptSettlementWithdrawn() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        vm.prank(buyer);
        escrow.withdrawSettlement(id, o, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferWithdrawn.selector, id, offerId));
        _accept(id, o, seller, offerId);
    }

    function test_RevertWhen_acceptSettlementRejected() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        vm.prank(seller);
        escrow.rejectSettlement(id, o, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferRejected.selector, id, offerId));
        _accept(id, o, seller, offerId);
    }

    function test_RevertWhen_acceptSettlementUnknownOffer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.UnknownOffer.selector, id, 0));
        _accept(id, o, seller, 0);
        _propose(id, o, buyer, 3_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.UnknownOffer.selector, id, 2));
        _accept(id, o, seller, 2);
    }

    function test_RevertWhen_acceptSettlementTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        _accept(id, o, seller, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        _accept(id, o, seller, offerId);
        Order memory settled = _withState(o, OrderState.Settled);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Settled));
        _accept(id, settled, seller, offerId);
        assertEq(seller.balance, PRICE * 7 / 10, "paid once");
    }

    function test_RevertWhen_acceptSettlementAfterTheOrderEnded() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, seller, 10_000);
        vm.prank(seller);
        escrow.refund(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OrderMismatch.selector, id));
        _accept(id, o, buyer, offerId);
        Order memory refunded = _withState(o, OrderState.Refunded);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Refunded));
        _accept(id, refunded, buyer, offerId);
    }

    function test_RevertWhen_lifecycleAfterSettlement() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _accept(id, o, seller, _propose(id, o, buyer, 3_000));
        Order memory settled = _withState(o, OrderState.Settled);
        bytes memory wrongState =
            abi.encodeWithSelector(IEscrow.WrongOrderState.selector, id, OrderState.Settled);
        vm.expectRevert(wrongState);
        vm.prank(buyer);
        escrow.confirmReceipt(id, settled);
        vm.expectRevert(wrongState);
        vm.prank(seller);
        escrow.refund(id, settled);
        vm.warp(block.timestamp + SHIP_WINDOW);
        vm.expectRevert(wrongState);
        vm.prank(buyer);
        escrow.cancel(id, settled);
        vm.expectRevert(wrongState);
        escrow.release(id, settled);
        vm.deal(buyer, FEE);
        vm.expectRevert(wrongState);
        vm.prank(buyer);
        escrow.openDispute{value: FEE}(id, settled, "");
    }

    // ------------------------------------------------------------------ rejectSettlement

    function test_rejectSettlement_byTheOtherParty() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, seller, 500);
        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementRejected(id, offerId, buyer);
        vm.prank(buyer);
        escrow.rejectSettlement(id, o, offerId);
        assertEq(uint8(_views().settlementOffer(id, Role.Seller).status), uint8(OfferStatus.Rejected));
        // A new offer after a rejection gets a new id.
        assertEq(_propose(id, o, seller, 800), offerId + 1);
    }

    function test_RevertWhen_rejectSettlementOwnOffer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, seller, 500);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OwnOffer.selector, id, offerId));
        vm.prank(seller);
        escrow.rejectSettlement(id, o, offerId);
    }

    function test_RevertWhen_rejectSettlementByStranger() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, seller, 500);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, stranger));
        vm.prank(stranger);
        escrow.rejectSettlement(id, o, offerId);
    }

    function test_RevertWhen_rejectSettlementTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, seller, 500);
        vm.startPrank(buyer);
        escrow.rejectSettlement(id, o, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferRejected.selector, id, offerId));
        escrow.rejectSettlement(id, o, offerId);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ withdrawSettlement

    function test_withdrawSettlement_byProposer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementWithdrawn(id, offerId);
        vm.prank(buyer);
        escrow.withdrawSettlement(id, o, offerId);
        assertEq(uint8(_views().settlementOffer(id, Role.Buyer).status), uint8(OfferStatus.Withdrawn));
    }

    function test_RevertWhen_withdrawSettlementByOther() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotProposer.selector, id, offerId, seller));
        vm.prank(seller);
        escrow.withdrawSettlement(id, o, offerId);
    }

    function test_RevertWhen_withdrawSettlementTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 offerId = _propose(id, o, buyer, 3_000);
        vm.startPrank(buyer);
        escrow.withdrawSettlement(id, o, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferWithdrawn.selector, id, offerId));
        escrow.withdrawSettlement(id, o, offerId);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ mediators

    function test_mediator_appointedByBothParties() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectEmit(address(escrow));
        emit IEscrow.MediatorProposed(id, seller, mediator);
        vm.prank(seller);
        escrow.proposeMediator(id, o, mediator);
        (address m, bool agreed, Role proposedBy) = _views().mediatorOf(id);
        assertEq(m, mediator);
        assertFalse(agreed);
        assertEq(uint8(proposedBy), uint8(Role.Seller));

        vm.expectEmit(address(escrow));
        emit IEscrow.MediatorAppointed(id, mediator);
        vm.prank(buyer);
        escrow.acceptMediator(id, o, mediator);
        (, agreed,) = _views().mediatorOf(id);
        assertTrue(agreed);
    }

    function test_mediator_offerTakesEffectWhenBothAccept() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementProposed(id, 1, mediator, 10_000, block.timestamp + DAY, MESSAGE);
        uint256 offerId = _propose(id, o, mediator, 10_000);

        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementAccepted(id, offerId, seller);
        _accept(id, o, seller, offerId);
        assertEq(escrow.orderHash(id), _hash(o), "one acceptance moves nothing");
        (bool byBuyer, bool bySeller) = _views().mediatorOfferAcceptance(id);
        assertFalse(byBuyer);
        assertTrue(bySeller);
        assertEq(address(escrow).balance, PRICE);

        uint256 before = buyer.balance;
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderSettled(id, offerId, PRICE, 0);
        _accept(id, o, buyer, offerId);
        assertEq(buyer.balance - before, PRICE);
        assertEq(IListing(listing).stock(), STOCK);
        assertEq(mediator.balance, 0, "a mediator never receives funds");
    }

    function test_mediator_newOfferClearsAcceptances() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        uint256 first = _propose(id, o, mediator, 5_000);
        _accept(id, o, buyer, first);
        uint256 second = _propose(id, o, mediator, 6_000);
        (bool byBuyer,) = _views().mediatorOfferAcceptance(id);
        assertFalse(byBuyer, "the buyer accepted the offer that was replaced");
        _accept(id, o, seller, second);
        assertEq(escrow.orderHash(id), _hash(o));
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferSuperseded.selector, id, first));
        _accept(id, o, buyer, first);
    }

    function test_mediator_rejectedByOnePartyIsDead() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        uint256 offerId = _propose(id, o, mediator, 5_000);
        _accept(id, o, buyer, offerId);
        vm.prank(seller);
        escrow.rejectSettlement(id, o, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferRejected.selector, id, offerId));
        _accept(id, o, seller, offerId);
    }

    function test_mediator_withdrawsOwnOffer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        uint256 offerId = _propose(id, o, mediator, 5_000);
        vm.prank(mediator);
        escrow.withdrawSettlement(id, o, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferWithdrawn.selector, id, offerId));
        _accept(id, o, seller, offerId);
    }

    function test_mediator_replacedLosesItsOfferAndItsVoice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        uint256 offerId = _propose(id, o, mediator, 5_000);
        address next = makeAddr("next mediator");
        vm.expectEmit(address(escrow));
        emit IEscrow.SettlementWithdrawn(id, offerId);
        vm.prank(seller);
        escrow.proposeMediator(id, o, next);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OfferWithdrawn.selector, id, offerId));
        _accept(id, o, buyer, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotPartyOrMediator.selector, id, mediator));
        _propose(id, o, mediator, 5_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotPartyOrMediator.selector, id, next));
        _propose(id, o, next, 5_000);
    }

    function test_mediator_removedWithZero() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        vm.prank(buyer);
        escrow.proposeMediator(id, o, address(0));
        (address m, bool agreed,) = _views().mediatorOf(id);
        assertEq(m, address(0));
        assertFalse(agreed);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.MediatorNotProposed.selector, id, address(0)));
        vm.prank(seller);
        escrow.acceptMediator(id, o, address(0));
    }

    function test_RevertWhen_acceptMediatorOwnProposal() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.startPrank(buyer);
        escrow.proposeMediator(id, o, mediator);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.OwnMediatorProposal.selector, id));
        escrow.acceptMediator(id, o, mediator);
        vm.stopPrank();
    }

    function test_RevertWhen_acceptMediatorOtherThanProposed() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.proposeMediator(id, o, mediator);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.MediatorNotProposed.selector, id, stranger));
        vm.prank(seller);
        escrow.acceptMediator(id, o, stranger);
    }

    function test_RevertWhen_acceptMediatorTwice() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.MediatorNotProposed.selector, id, mediator));
        vm.prank(seller);
        escrow.acceptMediator(id, o, mediator);
    }

    function test_RevertWhen_mediatorIsAParty() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidMediator.selector, seller));
        vm.prank(buyer);
        escrow.proposeMediator(id, o, seller);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidMediator.selector, buyer));
        vm.prank(buyer);
        escrow.proposeMediator(id, o, buyer);
    }

    function test_RevertWhen_proposeMediatorByStranger() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, stranger));
        vm.prank(stranger);
        escrow.proposeMediator(id, o, mediator);
    }

    function test_RevertWhen_mediatorAcceptsOwnOffer() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        uint256 offerId = _propose(id, o, mediator, 5_000);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotParty.selector, id, mediator));
        _accept(id, o, mediator, offerId);
    }

    function test_RevertWhen_acceptMediatorOfferTwiceBySameParty() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _appointMediator(id, o);
        uint256 offerId = _propose(id, o, mediator, 5_000);
        _accept(id, o, buyer, offerId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.AlreadyAccepted.selector, id, offerId));
        _accept(id, o, buyer, offerId);
    }

    // ------------------------------------------------------------------ plumbing

    function test_RevertWhen_nativeCoinSentDirectly() public {
        vm.deal(stranger, 1 ether);
        vm.prank(stranger);
        (bool ok, bytes memory ret) = address(escrow).call{value: 1 ether}("");
        assertFalse(ok);
        assertEq(ret, abi.encodeWithSelector(IEscrow.UnexpectedPayment.selector, stranger));
    }

    function test_offerIds_countUpPerOrder() public {
        (, uint256 a, Order memory oa) = _escrowedNative(1);
        (, uint256 b, Order memory ob) = _escrowedNative(1);
        assertEq(_propose(a, oa, buyer, 1), 1);
        assertEq(_propose(b, ob, buyer, 1), 1);
        assertEq(_propose(a, oa, seller, 1), 2);
        vm.prank(buyer);
        escrow.withdrawSettlement(a, oa, 1);
        assertEq(_propose(a, oa, buyer, 1), 3, "a withdrawn offer's id is not reused");
    }

    function test_rulingsAreUnchangedByOffers() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        _propose(id, o, buyer, 3_000);
        (uint256 disputeId,) = _dispute(id, o);
        uint256 before = buyer.balance;
        arbitrator.giveRuling(disputeId, Rulings.REFUND);
        assertEq(buyer.balance - before, PRICE + FEE);
    }
}

/// @dev Code that refuses every native payment, etched onto an account.
contract RejectAll {
    receive() external payable {
        revert();
    }
}
