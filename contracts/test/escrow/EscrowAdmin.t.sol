// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Escrow} from "../../src/escrow/Escrow.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IEvidence} from "../../src/interfaces/IEvidence.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {TestArbitrator} from "../utils/TestArbitrator.sol";

contract EscrowAdminTest is MarketFixture {
    uint32 internal constant MIN_WINDOW = 1 hours;
    uint32 internal constant MAX_WINDOW = 365 days;

    // ------------------------------------------------------------------ constructor and views

    function test_constructor_setsParameters() public {
        vm.expectEmit();
        emit IEscrow.WindowsChanged(2 days, 7 days);
        vm.expectEmit();
        emit IEvidence.MetaEvidence(0, "/ipfs/meta");
        Escrow e = new Escrow(address(factory), owner, 2 days, 7 days, "/ipfs/meta");
        assertEq(e.factory(), address(factory));
        assertEq(e.owner(), owner);
        assertEq(e.shipWindow(), 2 days);
        assertEq(e.deliveryWindow(), 7 days);
        assertEq(address(e.arbitrator()), address(0));
        assertEq(e.orderCount(), 0);
    }

    function test_views_afterSetUp() public view {
        assertEq(escrow.factory(), address(factory));
        assertEq(escrow.shipWindow(), SHIP_WINDOW);
        assertEq(escrow.deliveryWindow(), DELIVERY_WINDOW);
        assertEq(address(escrow.arbitrator()), address(arbitrator));
        assertEq(escrow.arbitratorExtraData(), EXTRA_DATA);
        assertEq(escrow.owed(buyer, address(0)), 0);
        assertEq(escrow.orderHash(1), bytes32(0));
    }

    function test_RevertWhen_constructorShipWindowTooShort() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, MIN_WINDOW - 1));
        new Escrow(address(factory), owner, MIN_WINDOW - 1, DELIVERY_WINDOW, "");
    }

    function test_RevertWhen_constructorZeroOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new Escrow(address(factory), address(0), SHIP_WINDOW, DELIVERY_WINDOW, "");
    }

    // ------------------------------------------------------------------ setWindows

    function test_setWindows_changesWindows() public {
        vm.expectEmit(address(escrow));
        emit IEscrow.WindowsChanged(5 days, 20 days);
        vm.prank(owner);
        escrow.setWindows(5 days, 20 days);
        assertEq(escrow.shipWindow(), 5 days);
        assertEq(escrow.deliveryWindow(), 20 days);
    }

    function test_setWindows_bounds() public {
        vm.startPrank(owner);
        escrow.setWindows(MIN_WINDOW, MIN_WINDOW);
        escrow.setWindows(MAX_WINDOW, MAX_WINDOW);
        vm.stopPrank();
        assertEq(escrow.shipWindow(), MAX_WINDOW);
    }

    function test_RevertWhen_setShipWindowTooShort() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, MIN_WINDOW - 1));
        vm.prank(owner);
        escrow.setWindows(MIN_WINDOW - 1, DELIVERY_WINDOW);
    }

    function test_RevertWhen_setShipWindowTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, MAX_WINDOW + 1));
        vm.prank(owner);
        escrow.setWindows(MAX_WINDOW + 1, DELIVERY_WINDOW);
    }

    function test_RevertWhen_setDeliveryWindowTooShort() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, 0));
        vm.prank(owner);
        escrow.setWindows(SHIP_WINDOW, 0);
    }

    function test_RevertWhen_setDeliveryWindowTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, type(uint32).max));
        vm.prank(owner);
        escrow.setWindows(SHIP_WINDOW, type(uint32).max);
    }

    function test_RevertWhen_setWindowsByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        escrow.setWindows(SHIP_WINDOW, DELIVERY_WINDOW);
    }

    function testFuzz_setWindows_acceptsOnlyBetweenHourAndYear(uint32 ship, uint32 delivery) public {
        bool shipOk = ship >= MIN_WINDOW && ship <= MAX_WINDOW;
        bool deliveryOk = delivery >= MIN_WINDOW && delivery <= MAX_WINDOW;
        if (!shipOk) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, ship));
        } else if (!deliveryOk) {
            vm.expectRevert(abi.encodeWithSelector(IEscrow.InvalidWindow.selector, delivery));
        }
        vm.prank(owner);
        escrow.setWindows(ship, delivery);
        if (shipOk && deliveryOk) {
            assertEq(escrow.shipWindow(), ship);
            assertEq(escrow.deliveryWindow(), delivery);
        } else {
            assertEq(escrow.shipWindow(), SHIP_WINDOW);
            assertEq(escrow.deliveryWindow(), DELIVERY_WINDOW);
        }
    }

    // ------------------------------------------------------------------ setArbitrator

    function test_setArbitrator_changesArbitrator() public {
        TestArbitrator next = new TestArbitrator(1);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbitratorChanged(address(next), hex"c0ffee");
        vm.prank(owner);
        escrow.setArbitrator(next, hex"c0ffee");
        assertEq(address(escrow.arbitrator()), address(next));
        assertEq(escrow.arbitratorExtraData(), hex"c0ffee");
    }

    function test_setArbitrator_unset() public {
        vm.prank(owner);
        escrow.setArbitrator(IArbitrator(address(0)), "");
        assertEq(address(escrow.arbitrator()), address(0));
        assertEq(escrow.arbitratorExtraData().length, 0);
    }

    function test_RevertWhen_setArbitratorByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        escrow.setArbitrator(IArbitrator(stranger), "");
    }

    function test_RevertWhen_ruleWithoutAnyArbitrator() public {
        vm.prank(owner);
        escrow.setArbitrator(IArbitrator(address(0)), "");
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotArbitrator.selector, stranger));
        vm.prank(stranger);
        escrow.rule(0, 1);
    }

    // ------------------------------------------------------------------ ownership

    function test_transferOwnership_twoSteps() public {
        address timelock = makeAddr("timelock");
        vm.prank(owner);
        escrow.transferOwnership(timelock);
        assertEq(escrow.owner(), owner);
        assertEq(escrow.pendingOwner(), timelock);
        vm.prank(timelock);
        escrow.acceptOwnership();
        assertEq(escrow.owner(), timelock);
        vm.prank(timelock);
        escrow.setWindows(MIN_WINDOW, MIN_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, owner));
        vm.prank(owner);
        escrow.setWindows(MIN_WINDOW, MIN_WINDOW);
    }

    function test_RevertWhen_acceptOwnershipByNonPending() public {
        vm.prank(owner);
        escrow.transferOwnership(makeAddr("timelock"));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        escrow.acceptOwnership();
    }
}
