// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {Order, OrderHashing, OrderState} from "../../src/types/Order.sol";

contract OrderHashingHarness {
    function hashCalldata(Order calldata order) external pure returns (bytes32) {
        return OrderHashing.hashCalldata(order);
    }

    function hashWith(Order calldata order, OrderState state, uint40 shippedAt)
        external
        pure
        returns (bytes32)
    {
        return OrderHashing.hashWith(order, state, shippedAt);
    }
}

/// The escrow hashes orders straight from calldata; these pin that to `keccak256(abi.encode(order))`, which
/// the SDK and the stored hashes of disputed orders use.
contract OrderHashingTest is Test {
    OrderHashingHarness internal harness = new OrderHashingHarness();

    /// @dev The fuzzer fills enum fields with any uint8, which fails ABI decoding before the test runs, so
    /// orders come in with a plain-number state and are rebuilt with a valid one.
    struct FuzzOrder {
        address buyer;
        address seller;
        address listing;
        address currency;
        uint96 amount;
        uint32 quantity;
        uint32 shipWindow;
        uint32 deliveryWindow;
        uint40 paidAt;
        uint40 shippedAt;
        uint8 state;
    }

    function _order(FuzzOrder memory f, uint8 state) internal pure returns (Order memory) {
        return Order({
            buyer: f.buyer,
            seller: f.seller,
            listing: f.listing,
            currency: f.currency,
            amount: f.amount,
            quantity: f.quantity,
            shipWindow: f.shipWindow,
            deliveryWindow: f.deliveryWindow,
            paidAt: f.paidAt,
            shippedAt: f.shippedAt,
            state: OrderState(bound(state, 0, uint8(type(OrderState).max)))
        });
    }

    function testFuzz_hashCalldata_equalsAbiEncode(FuzzOrder memory fuzzed, uint8 state) public view {
        Order memory order = _order(fuzzed, state);
        assertEq(harness.hashCalldata(order), keccak256(abi.encode(order)));
    }

    function testFuzz_hashWith_equalsAbiEncodeOfUpdatedOrder(
        FuzzOrder memory fuzzed,
        uint8 state,
        uint40 shippedAt
    ) public view {
        Order memory order = _order(fuzzed, fuzzed.state);
        OrderState next = OrderState(bound(state, 0, uint8(type(OrderState).max)));
        bytes32 h = harness.hashWith(order, next, shippedAt);
        order.state = next;
        order.shippedAt = shippedAt;
        assertEq(h, OrderHashing.hash(order));
    }

    function testFuzz_hash_equalsAbiEncode(FuzzOrder memory fuzzed) public pure {
        Order memory order = _order(fuzzed, fuzzed.state);
        assertEq(OrderHashing.hash(order), keccak256(abi.encode(order)));
    }
}
