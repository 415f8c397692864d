// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IReviews} from "../../src/interfaces/IReviews.sol";
import {Reviews} from "../../src/reviews/Reviews.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";

contract ReviewsTest is MarketFixture {
    bytes32 internal constant TEXT = keccak256("Exactly as described, fast shipping.");
    bytes32 internal constant ANSWER = keccak256("Thank you!");

    Reviews internal reviews;

    function setUp() public override {
        super.setUp();
        reviews = new Reviews(escrow);
    }

    function _completed() internal returns (uint256 id, Order memory o) {
        (, id, o) = _escrowedNative(1);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        o.state = OrderState.Completed;
    }

    function test_createReview_byTheBuyerOfACompletedOrder() public {
        (uint256 id, Order memory o) = _completed();
        vm.expectEmit(address(reviews));
        emit IReviews.ReviewCreated(id, seller, buyer, o.listing, address(0), PRICE, 5, TEXT);
        vm.prank(buyer);
        reviews.createReview(id, o, 5, TEXT);
        (bool reviewed, bool answered) = reviews.reviewStatus(id);
        assertTrue(reviewed);
        assertFalse(answered);
        assertEq(reviews.escrow(), address(escrow));
    }

    function test_createReview_ofARuledOrder() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        uint256 disputeId;
        (disputeId, o) = _dispute(id, o);
        arbitrator.giveRuling(disputeId, 2);
        o.state = OrderState.Resolved;
        vm.prank(buyer);
        reviews.createReview(id, o, 1, bytes32(0));
        (bool reviewed,) = reviews.reviewStatus(id);
        assertTrue(reviewed);
    }

    function test_RevertWhen_reviewingTwice() public {
        (uint256 id, Order memory o) = _completed();
        vm.startPrank(buyer);
        reviews.createReview(id, o, 4, TEXT);
        vm.expectRevert(abi.encodeWithSelector(IReviews.AlreadyReviewed.selector, id));
        reviews.createReview(id, o, 5, TEXT);
        vm.stopPrank();
    }

    function testFuzz_RevertWhen_anyoneButTheBuyerReviews(address caller) public {
        vm.assume(caller != buyer);
        (uint256 id, Order memory o) = _completed();
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IReviews.NotBuyer.selector, id, caller));
        reviews.createReview(id, o, 5, TEXT);
    }

    function testFuzz_RevertWhen_ratingOutOfRange(uint8 rating) public {
        vm.assume(rating == 0 || rating > 5);
        (uint256 id, Order memory o) = _completed();
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IReviews.InvalidRating.selector, rating));
        reviews.createReview(id, o, rating, TEXT);
    }

    function test_RevertWhen_orderStillOpen() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IReviews.WrongOrderState.selector, id, OrderState.Paid));
        reviews.createReview(id, o, 5, TEXT);
        o = _ship(id, o);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IReviews.WrongOrderState.selector, id, OrderState.Shipped));
        reviews.createReview(id, o, 5, TEXT);
    }

    function test_RevertWhen_orderRefundedOrCancelled() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(seller);
        escrow.refund(id, o);
        o.state = OrderState.Refunded;
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IReviews.WrongOrderState.selector, id, OrderState.Refunded));
        reviews.createReview(id, o, 1, TEXT);
    }

    /// @notice A forged struct (claiming Completed, or another buyer) does not match the escrow's hash.
    function test_RevertWhen_orderIsForged() public {
        (, uint256 id, Order memory o) = _escrowedNative(1);
        o.state = OrderState.Completed;
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IReviews.OrderMismatch.selector, id));
        reviews.createReview(id, o, 5, TEXT);

        o.buyer = stranger;
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IReviews.OrderMismatch.selector, id));
        reviews.createReview(id, o, 5, TEXT);
    }

    /// @notice A direct purchase stores nothing, so it has no order to prove.
    function test_RevertWhen_orderUnknown() public {
        address listing = _list(address(0), PRICE, STOCK);
        uint256 id = _buyNative(listing, 1, false);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        o.state = OrderState.Completed;
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IReviews.OrderNotFound.selector, id));
        reviews.createReview(id, o, 5, TEXT);
    }

    function test_answerReview_byTheSellerOnce() public {
        (uint256 id, Order memory o) = _completed();
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IReviews.NotReviewed.selector, id));
        reviews.answerReview(id, o, ANSWER);

        vm.prank(buyer);
        reviews.createReview(id, o, 3, TEXT);
        vm.expectEmit(address(reviews));
        emit IReviews.ReviewAnswered(id, seller, ANSWER);
        vm.prank(seller);
        reviews.answerReview(id, o, ANSWER);
        (bool reviewed, bool answered) = reviews.reviewStatus(id);
        assertTrue(reviewed && answered);

        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IReviews.AlreadyAnswered.selector, id));
        reviews.answerReview(id, o, ANSWER);
        // The buyer still cannot review a second time after the answer.
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IReviews.AlreadyReviewed.selector, id));
        reviews.createReview(id, o, 5, TEXT);
    }

    function testFuzz_RevertWhen_anyoneButTheSellerAnswers(address caller) public {
        vm.assume(caller != seller);
        (uint256 id, Order memory o) = _completed();
        vm.prank(buyer);
        reviews.createReview(id, o, 3, TEXT);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IReviews.NotSeller.selector, id, caller));
        reviews.answerReview(id, o, ANSWER);
    }

    function test_RevertWhen_answerIsEmpty() public {
        (uint256 id, Order memory o) = _completed();
        vm.prank(buyer);
        reviews.createReview(id, o, 3, TEXT);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IReviews.EmptyAnswer.selector, id));
        reviews.answerReview(id, o, bytes32(0));
    }
}
