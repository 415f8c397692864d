// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Order, OrderState} from "../types/Order.sol";

/// @title IReviews
/// @notice Verified reviews: only the buyer of an escrowed order that ended `Completed` or `Resolved` (by a
/// ruling or a default) reviews it, once; its seller answers once. The order is proven against the hash the
/// escrow stored, so no registry of purchases is kept. Direct purchases store nothing on chain and cannot be
/// reviewed here.
interface IReviews {
    /// @notice No escrowed order has this id.
    error OrderNotFound(uint256 orderId);
    /// @notice The order passed in differs from the one the escrow stored.
    error OrderMismatch(uint256 orderId);
    /// @notice Only a completed or resolved order can be reviewed.
    error WrongOrderState(uint256 orderId, OrderState state);
    /// @notice Only the order's buyer may review it.
    error NotBuyer(uint256 orderId, address caller);
    /// @notice Only the order's seller may answer its review.
    error NotSeller(uint256 orderId, address caller);
    /// @notice A rating is 1 to 5.
    error InvalidRating(uint8 rating);
    /// @notice The order has a review already.
    error AlreadyReviewed(uint256 orderId);
    /// @notice The order has no review to answer yet.
    error NotReviewed(uint256 orderId);
    /// @notice The seller answered this review already.
    error AlreadyAnswered(uint256 orderId);
    /// @notice An answer needs a text.
    error EmptyAnswer(uint256 orderId);

    /// @notice The buyer reviewed order `orderId`: everything seller reputation needs, without a join.
    /// @param textDigest sha2-256 digest of the review text's raw-codec CIDv1; zero for a rating alone.
    event ReviewCreated(
        uint256 indexed orderId,
        address indexed seller,
        address indexed buyer,
        address listing,
        address currency,
        uint256 amount,
        uint8 rating,
        bytes32 textDigest
    );
    /// @notice The seller answered the review of order `orderId`.
    /// @param textDigest sha2-256 digest of the answer's raw-codec CIDv1.
    event ReviewAnswered(uint256 indexed orderId, address indexed seller, bytes32 textDigest);

    /// @notice The buyer reviews a completed or resolved order, once.
    /// @param orderId The escrow's order id.
    /// @param order The order as the escrow stored it (rebuilt from its events).
    /// @param rating 1 (worst) to 5 (best).
    /// @param textDigest Digest of the text's raw-codec CIDv1, or zero for a rating alone.
    function createReview(uint256 orderId, Order calldata order, uint8 rating, bytes32 textDigest) external;

    /// @notice The seller answers the review of its order, once.
    /// @param orderId The escrow's order id.
    /// @param order The order as the escrow stored it.
    /// @param textDigest Digest of the answer's raw-codec CIDv1 (not zero).
    function answerReview(uint256 orderId, Order calldata order, bytes32 textDigest) external;

    /// @notice Whether order `orderId` has a review, and whether its seller answered.
    function reviewStatus(uint256 orderId) external view returns (bool reviewed, bool answered);

    /// @notice The escrow whose orders are reviewed.
    function escrow() external view returns (address);
}
