// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {IArbitrator} from "../interfaces/IArbitrator.sol";
import {IEscrow} from "../interfaces/IEscrow.sol";
import {Negotiation} from "../types/Negotiation.sol";
import {Order} from "../types/Order.sol";

/// @title EscrowStorage
/// @notice The escrow's state, shared by `Escrow` and `EscrowViews`: the views run in the escrow's storage
/// (delegated from its fallback), so both contracts must lay out the same variables in the same order, which
/// inheriting this one contract guarantees.
abstract contract EscrowStorage is Ownable2Step {
    struct Config {
        IArbitrator arbitrator;
        uint32 shipWindow;
        uint32 deliveryWindow;
        uint32 feeWindow;
    }

    /// @dev A disputed order, kept whole because the arbitrator's `rule` names only its dispute id. The
    /// arbitrator and its extra data are fixed when the dispute opens: they priced the opener's fee.
    struct DisputeRecord {
        Order order;
        IArbitrator arbitrator;
        uint40 feeDeadline;
        IEscrow.DisputeStage stage;
        bool openedBySeller;
        uint128 openerFee;
        uint128 responderFee;
        uint256 disputeId;
        bytes extraData;
    }

    /// @dev A mediator proposed by one party; it may make offers once the other party agreed.
    struct MediatorRecord {
        address mediator;
        bool proposedBySeller;
        bool agreed;
    }

    Config internal _config;
    bytes internal _arbitratorExtraData;
    /// @dev Bits 0..63: the number of orders (`orderCount`). Bits 64..255: the policy's filter of category
    /// tags with a purchase rule (`PolicyRules.filterBit`). Every purchase reads and writes this word to
    /// number its order, so a purchase in a category without a rule learns it for free.
    uint256 internal _orderWord;
    mapping(uint256 orderId => bytes32) internal _orderHashes;
    mapping(address account => mapping(address currency => uint256)) internal _owed;
    mapping(uint256 orderId => DisputeRecord) internal _disputes;
    /// @dev Kept after a settlement that the arbitrator did not take as a withdrawal, so that its later ruling
    /// finds the order (settled, so ignored) instead of reverting.
    mapping(IArbitrator arbitrator => mapping(uint256 disputeId => uint256 orderId)) internal _orderOfDispute;
    mapping(uint256 orderId => Negotiation) internal _negotiations;
    mapping(uint256 orderId => MediatorRecord) internal _mediators;
    /// @dev The policy's purchase rules and ceilings, by `PolicyRules` keys.
    mapping(bytes32 key => uint256) internal _policyRules;
}
