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

/// @dev `Order` has only static fields, so its calldata encoding is exactly `abi.encode(order)`: hashing it
/// in place saves copying and re-encoding the struct on every step of an order, which the gas budgets of
/// `markShipped` and `confirmReceipt` need.
library OrderHashing {
    uint256 private constant SIZE = 11 * 32;
    uint256 private constant SHIPPED_AT_OFFSET = 9 * 32;
    uint256 private constant STATE_OFFSET = 10 * 32;

    function hash(Order memory order) internal pure returns (bytes32) {
        return keccak256(abi.encode(order));
    }

    /// @notice `hash(order)` for an order in calldata.
    function hashCalldata(Order calldata order) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, order, SIZE)
            h := keccak256(ptr, SIZE)
        }
    }

    /// @notice `hash(order)` after setting its state and shipping time.
    function hashWith(Order calldata order, OrderState state, uint40 shippedAt)
        internal
        pure
        returns (bytes32 h)
    {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, order, SIZE)
            mstore(add(ptr, SHIPPED_AT_OFFSET), shippedAt)
            mstore(add(ptr, STATE_OFFSET), state)
            h := keccak256(ptr, SIZE)
        }
    }
}
