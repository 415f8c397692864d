// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {Order, OrderState, OrderStorage} from "../../src/types/Order.sol";

contract OrderStorageHarness {
    Order internal _byLibrary;
    Order internal _bySolidity;

    function store(Order calldata order, OrderState state) external {
        OrderStorage.store(_byLibrary, order, state);
        _bySolidity = order;
        _bySolidity.state = state;
    }

    function load() external view returns (Order memory byLibrary, Order memory bySolidity) {
        return (OrderStorage.load(_byLibrary), _bySolidity);
    }

    /// @dev The five raw words of each copy.
    function slots() external view returns (bytes32[5] memory byLibrary, bytes32[5] memory bySolidity) {
        for (uint256 i; i < 5; ++i) {
            bytes32 a;
            bytes32 b;
            assembly ("memory-safe") {
                a := sload(add(_byLibrary.slot, i))
                b := sload(add(_bySolidity.slot, i))
            }
            byLibrary[i] = a;
            bySolidity[i] = b;
        }
    }
}

/// The escrow copies disputed orders word by word to keep its code small; these pin the copies to
/// Solidity's own layout of `Order`.
contract OrderStorageTest is Test {
    OrderStorageHarness internal harness = new OrderStorageHarness();

    /// @dev Fields as numbers, as in OrderHashing.t.sol: the fuzzer cannot fill an enum field.
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

    function _order(FuzzOrder memory f) internal pure returns (Order memory) {
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
            state: OrderState(bound(f.state, 0, uint8(type(OrderState).max)))
        });
    }

    function testFuzz_store_matchesSolidityLayout(FuzzOrder memory fuzzed, uint8 state) public {
        Order memory order = _order(fuzzed);
        OrderState next = OrderState(bound(state, 0, uint8(type(OrderState).max)));
        harness.store(order, next);
        (bytes32[5] memory byLibrary, bytes32[5] memory bySolidity) = harness.slots();
        for (uint256 i; i < 5; ++i) {
            assertEq(byLibrary[i], bySolidity[i]);
        }
    }

    function testFuzz_load_returnsTheStoredOrder(FuzzOrder memory fuzzed, uint8 state) public {
        Order memory order = _order(fuzzed);
        OrderState next = OrderState(bound(state, 0, uint8(type(OrderState).max)));
        harness.store(order, next);
        (Order memory byLibrary, Order memory bySolidity) = harness.load();
        order.state = next;
        assertEq(keccak256(abi.encode(byLibrary)), keccak256(abi.encode(order)));
        assertEq(keccak256(abi.encode(bySolidity)), keccak256(abi.encode(order)));
    }
}
