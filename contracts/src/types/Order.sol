// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Where an escrowed order stands. Direct orders are never stored: they complete in their purchase.
/// New states are appended, never inserted: the SDK, the indexer and stored order hashes use the numbers.
enum OrderState {
    None,
    Paid,
    Shipped,
    Completed,
    Refunded,
    Cancelled,
    /// @dev From the first arbitration fee on: waiting for the other party's fee, then at the arbitrator.
    Disputed,
    /// @dev By the arbitrator's ruling, or by default when the other party did not pay its fee in time.
    Resolved,
    /// @dev Both parties accepted a settlement offer.
    Settled
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

    /// @notice `keccak256(abi.encode(order))`: a memory struct of static fields is laid out as its encoding.
    function hash(Order memory order) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            h := keccak256(order, SIZE)
        }
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

/// @dev Copies an order between calldata, storage and memory word by word. Solidity's generic struct copies
/// re-validate and re-pack all eleven fields at every use, which costs the escrow about a kilobyte of code
/// per copy; its code size limit needs these. The storage layout is Solidity's for `Order`: buyer, seller,
/// listing, then `currency | amount << 160`, then `quantity | shipWindow << 32 | deliveryWindow << 64 |
/// paidAt << 96 | shippedAt << 136 | state << 176` (checked by test/types/OrderStorage.t.sol).
library OrderStorage {
    /// @notice Stores `order` with `state`. The order must be verified against its stored hash first, so that
    /// every calldata word is a clean ABI value.
    function store(Order storage target, Order calldata order, OrderState state) internal {
        assembly ("memory-safe") {
            let slot := target.slot
            sstore(slot, calldataload(order))
            sstore(add(slot, 1), calldataload(add(order, 0x20)))
            sstore(add(slot, 2), calldataload(add(order, 0x40)))
            sstore(add(slot, 3), or(calldataload(add(order, 0x60)), shl(160, calldataload(add(order, 0x80)))))
            let times :=
                or(shl(96, calldataload(add(order, 0x100))), shl(136, calldataload(add(order, 0x120))))
            let windows :=
                or(shl(32, calldataload(add(order, 0xc0))), shl(64, calldataload(add(order, 0xe0))))
            sstore(add(slot, 4), or(or(calldataload(add(order, 0xa0)), windows), or(times, shl(176, state))))
        }
    }

    /// @notice The stored order, in memory.
    function load(Order storage source) internal view returns (Order memory order) {
        assembly ("memory-safe") {
            let slot := source.slot
            mstore(order, sload(slot))
            mstore(add(order, 0x20), sload(add(slot, 1)))
            mstore(add(order, 0x40), sload(add(slot, 2)))
            let word := sload(add(slot, 3))
            mstore(add(order, 0x60), and(word, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(order, 0x80), shr(160, word))
            word := sload(add(slot, 4))
            mstore(add(order, 0xa0), and(word, 0xffffffff))
            mstore(add(order, 0xc0), and(shr(32, word), 0xffffffff))
            mstore(add(order, 0xe0), and(shr(64, word), 0xffffffff))
            mstore(add(order, 0x100), and(shr(96, word), 0xffffffffff))
            mstore(add(order, 0x120), and(shr(136, word), 0xffffffffff))
            mstore(add(order, 0x140), and(shr(176, word), 0xff))
        }
    }
}
