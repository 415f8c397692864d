// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {IKeyRegistry} from "../../src/interfaces/IKeyRegistry.sol";
import {KeyRegistry} from "../../src/keys/KeyRegistry.sol";

contract KeyRegistryTest is Test {
    KeyRegistry internal registry;
    address internal seller = makeAddr("seller");
    bytes32 internal constant KEY = keccak256("x25519 public key");

    function setUp() public {
        registry = new KeyRegistry();
    }

    function test_keyOf_isZeroBeforePublishing() public view {
        assertEq(registry.keyOf(seller), bytes32(0));
    }

    function test_publishKey_storesKey() public {
        vm.prank(seller);
        registry.publishKey(KEY);
        assertEq(registry.keyOf(seller), KEY);
    }

    function test_publishKey_emitsKeyPublished() public {
        vm.expectEmit(address(registry));
        emit IKeyRegistry.KeyPublished(seller, KEY);
        vm.prank(seller);
        registry.publishKey(KEY);
    }

    function test_publishKey_replacesKey() public {
        bytes32 rotated = keccak256("rotated key");
        vm.startPrank(seller);
        registry.publishKey(KEY);
        vm.expectEmit(address(registry));
        emit IKeyRegistry.KeyPublished(seller, rotated);
        registry.publishKey(rotated);
        vm.stopPrank();
        assertEq(registry.keyOf(seller), rotated);
    }

    function test_publishKey_onlyAffectsCaller() public {
        address other = makeAddr("other");
        vm.prank(seller);
        registry.publishKey(KEY);
        assertEq(registry.keyOf(other), bytes32(0));
    }

    function test_RevertWhen_publishKeyZero() public {
        vm.expectRevert(IKeyRegistry.ZeroKey.selector);
        vm.prank(seller);
        registry.publishKey(bytes32(0));
    }

    function testFuzz_publishKey_roundTrips(address account, bytes32 key) public {
        vm.assume(key != bytes32(0));
        vm.prank(account);
        registry.publishKey(key);
        assertEq(registry.keyOf(account), key);
    }
}
