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

    function testFuzz_hashCalldata_equalsAbiEncode(Order memory order, uint8 state) public view {
        order.state = OrderState(bound(state, 0, uint8(type(OrderState).max)));
        assertEq(harness.hashCalldata(order), keccak256(abi.encode(order)));
    }

    function testFuzz_hashWith_equalsAbiEncodeOfUpdatedOrder(
        Order memory order,
        uint8 state,
        uint40 shippedAt
    ) public view {
        OrderState next = OrderState(bound(state, 0, uint8(type(OrderState).max)));
        bytes32 h = harness.hashWith(order, next, shippedAt);
        order.state = next;
        order.shippedAt = shippedAt;
        assertEq(h, OrderHashing.hash(order));
    }
}
