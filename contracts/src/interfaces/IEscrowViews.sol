// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Offer, Role} from "../types/Negotiation.sol";
import {IEscrow} from "./IEscrow.sol";

/// @title IEscrowViews
/// @notice The escrow's views of disputes, settlement offers and mediators. They are answered at the
/// escrow's address (its fallback runs `EscrowViews` in the escrow's storage), so callers see one contract;
/// they live apart to keep the escrow's code well under the 24,576-byte limit.
interface IEscrowViews {
    /// @notice Where the order's dispute stands; all zero without one.
    function disputeInfo(uint256 orderId) external view returns (IEscrow.DisputeInfo memory);
    /// @notice The latest settlement offer of `role` on the order; all zero if it made none.
    function settlementOffer(uint256 orderId, Role role) external view returns (Offer memory);
    /// @notice Which parties accepted the mediator's standing offer.
    function mediatorOfferAcceptance(uint256 orderId) external view returns (bool byBuyer, bool bySeller);
    /// @notice The order's mediator, or the candidate waiting for the other party's agreement.
    /// @return mediator The candidate (agreed or not); zero if none.
    /// @return agreed True once both parties agreed on it.
    /// @return proposedBy The party who proposed it (Buyer or Seller).
    function mediatorOf(uint256 orderId)
        external
        view
        returns (address mediator, bool agreed, Role proposedBy);
}
