// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../interfaces/IEscrow.sol";
import {IReviews} from "../interfaces/IReviews.sol";
import {Order, OrderHashing, OrderState} from "../types/Order.sol";

/// @title Reviews
/// @notice One review per order by its buyer, one answer by its seller. Ratings and digests live in events
/// only; storage keeps one status word per order, which is what makes "once" enforceable.
contract Reviews is IReviews {
    uint8 private constant REVIEWED = 1;
    uint8 private constant ANSWERED = 2;

    IEscrow private immutable ESCROW;
    mapping(uint256 orderId => uint8) private _status;

    /// @param escrow_ The marketplace's escrow.
    constructor(IEscrow escrow_) {
        ESCROW = escrow_;
    }

    /// @inheritdoc IReviews
    function createReview(uint256 orderId, Order calldata order, uint8 rating, bytes32 textDigest) external {
        _verify(orderId, order);
        if (msg.sender != order.buyer) revert NotBuyer(orderId, msg.sender);
        if (order.state != OrderState.Completed && order.state != OrderState.Resolved) {
            revert WrongOrderState(orderId, order.state);
        }
        if (rating == 0 || rating > 5) revert InvalidRating(rating);
        if (_status[orderId] != 0) revert AlreadyReviewed(orderId);
        _status[orderId] = REVIEWED;
        emit ReviewCreated(
            orderId, order.seller, msg.sender, order.listing, order.currency, order.amount, rating, textDigest
        );
    }

    /// @inheritdoc IReviews
    function answerReview(uint256 orderId, Order calldata order, bytes32 textDigest) external {
        _verify(orderId, order);
        if (msg.sender != order.seller) revert NotSeller(orderId, msg.sender);
        if (textDigest == bytes32(0)) revert EmptyAnswer(orderId);
        uint8 status = _status[orderId];
        if (status & REVIEWED == 0) revert NotReviewed(orderId);
        if (status & ANSWERED != 0) revert AlreadyAnswered(orderId);
        _status[orderId] = status | ANSWERED;
        emit ReviewAnswered(orderId, msg.sender, textDigest);
    }

    /// @inheritdoc IReviews
    function reviewStatus(uint256 orderId) external view returns (bool reviewed, bool answered) {
        uint8 status = _status[orderId];
        return (status & REVIEWED != 0, status & ANSWERED != 0);
    }

    /// @inheritdoc IReviews
    function escrow() external view returns (address) {
        return address(ESCROW);
    }

    /// @dev The order is the escrow's: a final state cannot change any more, so the proof stays valid.
    function _verify(uint256 orderId, Order calldata order) private view {
        bytes32 stored = ESCROW.orderHash(orderId);
        if (stored == bytes32(0)) revert OrderNotFound(orderId);
        if (OrderHashing.hashCalldata(order) != stored) revert OrderMismatch(orderId);
    }
}
