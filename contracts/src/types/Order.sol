// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Where an escrowed order stands. Direct orders are never stored: they complete in their purchase.
enum OrderState {
    None,
    Paid,
    Shipped,
    Completed,
    Refunded,
    Cancelled,
    Disputed,
    Resolved
}

/// @notice Everything the escrow needs to settle an order. Only `keccak256(abi.encode(order))` is stored;
/// callers pass the struct back (the SDK rebuilds it from the order's events). One storage slot per order
/// keeps an escrowed purchase near the price of a plain transfer.
struct Order {
    address buyer;
    address seller;
    address listing;
    /// @dev address(0) is the chain's native coin.
    address currency;
    uint96 amount;
    uint32 quantity;
    /// @dev Windows are copied from the escrow's settings at purchase, so a later vote never changes a deal.
    uint32 shipWindow;
    uint32 deliveryWindow;
    uint40 paidAt;
    uint40 shippedAt;
    OrderState state;
}

library OrderHashing {
    function hash(Order memory order) internal pure returns (bytes32) {
        return keccak256(abi.encode(order));
    }
}
