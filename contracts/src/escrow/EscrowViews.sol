// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {IEscrow} from "../interfaces/IEscrow.sol";
import {IEscrowViews} from "../interfaces/IEscrowViews.sol";
import {Negotiation, Offer, Role} from "../types/Negotiation.sol";
import {EscrowStorage} from "./EscrowStorage.sol";

/// @title EscrowViews
/// @notice The escrow's views of disputes, offers and mediators, run by `Escrow`'s fallback with DELEGATECALL
/// in the escrow's own storage. Called at its own address it reads its own, empty storage: it holds nothing
/// and changes nothing. The escrow deploys it in its constructor.
contract EscrowViews is IEscrowViews, EscrowStorage {
    /// @dev The owner slot of this contract is never used; the escrow's own owner answers at the escrow.
    constructor() Ownable(address(0xdead)) {}

    /// @inheritdoc IEscrowViews
    function disputeInfo(uint256 orderId) external view returns (IEscrow.DisputeInfo memory info) {
        DisputeRecord storage record = _disputes[orderId];
        if (record.stage == IEscrow.DisputeStage.None) return info;
        info = IEscrow.DisputeInfo({
            stage: record.stage,
            opener: record.openedBySeller ? record.order.seller : record.order.buyer,
            openerFee: record.openerFee,
            responderFee: record.responderFee,
            feeDeadline: record.feeDeadline,
            arbitrator: address(record.arbitrator),
            disputeId: record.disputeId
        });
    }

    /// @inheritdoc IEscrowViews
    function settlementOffer(uint256 orderId, Role role) external view returns (Offer memory) {
        return _negotiations[orderId].offerOf(role);
    }

    /// @inheritdoc IEscrowViews
    function mediatorOfferAcceptance(uint256 orderId) external view returns (bool byBuyer, bool bySeller) {
        Negotiation n = _negotiations[orderId];
        return (n.acceptedBy(Role.Buyer), n.acceptedBy(Role.Seller));
    }

    /// @inheritdoc IEscrowViews
    function mediatorOf(uint256 orderId)
        external
        view
        returns (address mediator, bool agreed, Role proposedBy)
    {
        MediatorRecord storage record = _mediators[orderId];
        return (record.mediator, record.agreed, record.proposedBySeller ? Role.Seller : Role.Buyer);
    }
}
