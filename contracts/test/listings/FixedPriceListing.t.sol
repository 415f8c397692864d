// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IListing, ListingStatus} from "../../src/interfaces/IListing.sol";
import {FixedPriceListing} from "../../src/listings/FixedPriceListing.sol";
import {Fixture} from "../utils/Fixture.sol";

contract FixedPriceListingTest is Fixture {
    uint96 internal constant PRICE = 2 ether;
    uint64 internal constant STOCK = 5;

    FixedPriceListing internal listing;
    address internal curator = makeAddr("curator");
    address internal stranger = makeAddr("stranger");

    function setUp() public override {
        super.setUp();
        vm.prank(owner);
        factory.setCurator(curator);
        listing = FixedPriceListing(_list(address(token), PRICE, STOCK));
    }

    // ------------------------------------------------------------------ creation and views

    function test_initialize_setsState() public view {
        assertEq(listing.seller(), seller);
        assertEq(listing.currency(), address(token));
        assertEq(listing.price(), PRICE);
        assertEq(listing.stock(), STOCK);
        assertEq(listing.sold(), 0);
        assertEq(uint8(listing.status()), uint8(ListingStatus.Active));
        assertEq(listing.salt(), 0);
        assertEq(listing.template(), address(template));
        assertEq(listing.factory(), address(factory));
        assertEq(listing.escrow(), address(escrow));
        assertEq(listing.categoryTag(), uint24(uint256(keccak256("electronics/cameras"))));
    }

    function test_salt_isTheSaltItWasCreatedWith() public {
        vm.prank(seller);
        address l = factory.createListing(address(template), type(uint64).max, _params(address(0), 1, 1));
        assertEq(IListing(l).salt(), type(uint64).max);
        assertEq(IListing(l).currency(), address(0));
    }

    function test_RevertWhen_initializeByNonFactory() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotFactory.selector, stranger));
        vm.prank(stranger);
        listing.initialize(1, 1, 0);
    }

    function test_RevertWhen_initializeTwice() public {
        vm.expectRevert(IListing.AlreadyInitialized.selector);
        vm.prank(address(factory));
        listing.initialize(1, 1, 0);
    }

    function test_template_isNeverActive() public view {
        assertEq(uint8(template.status()), uint8(ListingStatus.None));
    }

    // ------------------------------------------------------------------ purchase and restock (escrow only)

    function test_purchase_takesStockAndReturnsPrice() public {
        vm.prank(address(escrow));
        (uint256 unitPrice, uint256 categoryTag) = listing.purchase(2);
        assertEq(unitPrice, PRICE);
        assertEq(categoryTag, listing.categoryTag());
        assertEq(listing.stock(), STOCK - 2);
        assertEq(listing.sold(), 2);
    }

    function test_purchase_returnsOverriddenPrice() public {
        vm.prank(seller);
        listing.setPrice(3 ether);
        vm.prank(address(escrow));
        (uint256 unitPrice,) = listing.purchase(1);
        assertEq(unitPrice, 3 ether);
    }

    function test_purchase_wholeStock() public {
        vm.prank(address(escrow));
        listing.purchase(uint32(STOCK));
        assertEq(listing.stock(), 0);
        assertEq(listing.sold(), STOCK);
    }

    function test_RevertWhen_purchaseByNonEscrow() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotEscrow.selector, buyer));
        vm.prank(buyer);
        listing.purchase(1);
    }

    function test_RevertWhen_purchaseZeroQuantity() public {
        vm.expectRevert(IListing.ZeroQuantity.selector);
        vm.prank(address(escrow));
        listing.purchase(0);
    }

    function test_RevertWhen_purchaseMoreThanStock() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.InsufficientStock.selector, STOCK + 1, STOCK));
        vm.prank(address(escrow));
        listing.purchase(uint32(STOCK + 1));
    }

    function test_RevertWhen_purchasePaused() public {
        vm.prank(seller);
        listing.pause();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Paused));
        vm.prank(address(escrow));
        listing.purchase(1);
    }

    function test_RevertWhen_purchaseClosed() public {
        vm.prank(seller);
        listing.close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Closed));
        vm.prank(address(escrow));
        listing.purchase(1);
    }

    function test_RevertWhen_purchaseRemoved() public {
        vm.prank(curator);
        factory.removeListing(address(listing));
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Removed));
        vm.prank(address(escrow));
        listing.purchase(1);
    }

    function test_RevertWhen_purchaseOnTemplate() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.None));
        vm.prank(address(escrow));
        template.purchase(1);
    }

    function test_restock_returnsStock() public {
        vm.startPrank(address(escrow));
        listing.purchase(3);
        vm.expectEmit(address(listing));
        emit IListing.StockChanged(STOCK - 1);
        listing.restock(2);
        vm.stopPrank();
        assertEq(listing.stock(), STOCK - 1);
        assertEq(listing.sold(), 1);
    }

    function test_restock_saturatesStock() public {
        vm.prank(seller);
        listing.setStock(type(uint64).max - 1);
        vm.prank(address(escrow));
        listing.restock(5);
        assertEq(listing.stock(), type(uint64).max);
    }

    function test_restock_floorsSoldAtZero() public {
        vm.prank(address(escrow));
        listing.restock(3);
        assertEq(listing.sold(), 0);
        assertEq(listing.stock(), STOCK + 3);
    }

    function test_restock_worksWhenClosed() public {
        vm.prank(address(escrow));
        listing.purchase(1);
        vm.prank(seller);
        listing.close();
        vm.prank(address(escrow));
        listing.restock(1);
        assertEq(listing.stock(), STOCK);
        assertEq(uint8(listing.status()), uint8(ListingStatus.Closed));
    }

    function test_restock_worksWhenRemoved() public {
        vm.prank(address(escrow));
        listing.purchase(1);
        vm.prank(curator);
        factory.removeListing(address(listing));
        vm.prank(address(escrow));
        listing.restock(1);
        assertEq(listing.stock(), STOCK);
        assertEq(uint8(listing.status()), uint8(ListingStatus.Removed));
    }

    function test_RevertWhen_restockByNonEscrow() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotEscrow.selector, seller));
        vm.prank(seller);
        listing.restock(1);
    }

    // ------------------------------------------------------------------ seller controls

    function test_setPrice_changesPrice() public {
        vm.expectEmit(address(listing));
        emit IListing.PriceChanged(3 ether);
        vm.prank(seller);
        listing.setPrice(3 ether);
        assertEq(listing.price(), 3 ether);
    }

    function test_setPrice_whilePaused() public {
        vm.startPrank(seller);
        listing.pause();
        listing.setPrice(4 ether);
        vm.stopPrank();
        assertEq(listing.price(), 4 ether);
    }

    function test_RevertWhen_setPriceZero() public {
        vm.expectRevert(IListing.ZeroPrice.selector);
        vm.prank(seller);
        listing.setPrice(0);
    }

    function test_RevertWhen_setPriceByNonSeller() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotSeller.selector, stranger));
        vm.prank(stranger);
        listing.setPrice(1);
    }

    function test_RevertWhen_setPriceClosed() public {
        vm.startPrank(seller);
        listing.close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Closed));
        listing.setPrice(1);
        vm.stopPrank();
    }

    function test_RevertWhen_setPriceRemoved() public {
        vm.prank(curator);
        factory.removeListing(address(listing));
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Removed));
        vm.prank(seller);
        listing.setPrice(1);
    }

    function test_setStock_changesStock() public {
        vm.expectEmit(address(listing));
        emit IListing.StockChanged(42);
        vm.prank(seller);
        listing.setStock(42);
        assertEq(listing.stock(), 42);
    }

    function test_setStock_toZero() public {
        vm.prank(seller);
        listing.setStock(0);
        assertEq(listing.stock(), 0);
        vm.expectRevert(abi.encodeWithSelector(IListing.InsufficientStock.selector, 1, 0));
        vm.prank(address(escrow));
        listing.purchase(1);
    }

    function test_setStock_whilePaused() public {
        vm.startPrank(seller);
        listing.pause();
        listing.setStock(9);
        vm.stopPrank();
        assertEq(listing.stock(), 9);
    }

    function test_RevertWhen_setStockByNonSeller() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotSeller.selector, stranger));
        vm.prank(stranger);
        listing.setStock(1);
    }

    function test_RevertWhen_setStockClosed() public {
        vm.startPrank(seller);
        listing.close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Closed));
        listing.setStock(1);
        vm.stopPrank();
    }

    function test_RevertWhen_setStockRemoved() public {
        vm.prank(curator);
        factory.removeListing(address(listing));
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Removed));
        vm.prank(seller);
        listing.setStock(1);
    }

    function test_pause_pausesListing() public {
        vm.expectEmit(address(listing));
        emit IListing.StatusChanged(ListingStatus.Paused);
        vm.prank(seller);
        listing.pause();
        assertEq(uint8(listing.status()), uint8(ListingStatus.Paused));
    }

    function test_RevertWhen_pauseTwice() public {
        vm.startPrank(seller);
        listing.pause();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Paused));
        listing.pause();
        vm.stopPrank();
    }

    function test_RevertWhen_pauseClosed() public {
        vm.startPrank(seller);
        listing.close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Closed));
        listing.pause();
        vm.stopPrank();
    }

    function test_RevertWhen_pauseByNonSeller() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotSeller.selector, stranger));
        vm.prank(stranger);
        listing.pause();
    }

    function test_resume_reactivatesListing() public {
        vm.startPrank(seller);
        listing.pause();
        vm.expectEmit(address(listing));
        emit IListing.StatusChanged(ListingStatus.Active);
        listing.resume();
        vm.stopPrank();
        assertEq(uint8(listing.status()), uint8(ListingStatus.Active));
        vm.prank(address(escrow));
        listing.purchase(1);
    }

    function test_RevertWhen_resumeActive() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Active));
        vm.prank(seller);
        listing.resume();
    }

    function test_RevertWhen_resumeClosed() public {
        vm.startPrank(seller);
        listing.close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Closed));
        listing.resume();
        vm.stopPrank();
    }

    function test_RevertWhen_resumeByNonSeller() public {
        vm.prank(seller);
        listing.pause();
        vm.expectRevert(abi.encodeWithSelector(IListing.NotSeller.selector, stranger));
        vm.prank(stranger);
        listing.resume();
    }

    function test_close_closesListing() public {
        vm.expectEmit(address(listing));
        emit IListing.StatusChanged(ListingStatus.Closed);
        vm.prank(seller);
        listing.close();
        assertEq(uint8(listing.status()), uint8(ListingStatus.Closed));
    }

    function test_close_whilePaused() public {
        vm.startPrank(seller);
        listing.pause();
        listing.close();
        vm.stopPrank();
        assertEq(uint8(listing.status()), uint8(ListingStatus.Closed));
    }

    function test_RevertWhen_closeTwice() public {
        vm.startPrank(seller);
        listing.close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Closed));
        listing.close();
        vm.stopPrank();
    }

    function test_RevertWhen_closeRemoved() public {
        vm.prank(curator);
        factory.removeListing(address(listing));
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Removed));
        vm.prank(seller);
        listing.close();
    }

    function test_RevertWhen_closeByNonSeller() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotSeller.selector, stranger));
        vm.prank(stranger);
        listing.close();
    }

    // ------------------------------------------------------------------ removal (factory only)

    function test_remove_byFactory() public {
        vm.expectEmit(address(listing));
        emit IListing.StatusChanged(ListingStatus.Removed);
        vm.prank(address(factory));
        listing.remove();
        assertEq(uint8(listing.status()), uint8(ListingStatus.Removed));
    }

    function test_remove_whilePaused() public {
        vm.prank(seller);
        listing.pause();
        vm.prank(address(factory));
        listing.remove();
        assertEq(uint8(listing.status()), uint8(ListingStatus.Removed));
    }

    function test_RevertWhen_removeBySeller() public {
        vm.expectRevert(abi.encodeWithSelector(IListing.NotFactory.selector, seller));
        vm.prank(seller);
        listing.remove();
    }

    function test_RevertWhen_removeClosed() public {
        vm.prank(seller);
        listing.close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Closed));
        vm.prank(address(factory));
        listing.remove();
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_purchaseAndRestock_conserveSupply(uint64 stock, uint32 bought, uint32 returned) public {
        stock = uint64(bound(stock, 1, type(uint64).max));
        vm.prank(seller);
        listing.setStock(stock);
        bought = uint32(bound(bought, 1, stock < type(uint32).max ? stock : type(uint32).max));
        returned = uint32(bound(returned, 0, bought));
        vm.startPrank(address(escrow));
        (uint256 unitPrice,) = listing.purchase(bought);
        assertEq(unitPrice, PRICE);
        if (returned > 0) listing.restock(returned);
        vm.stopPrank();
        assertEq(listing.stock(), stock - bought + returned);
        assertEq(listing.sold(), bought - returned);
        assertEq(listing.stock() + listing.sold(), stock);
    }

    function testFuzz_setPrice_anyNonZero(uint96 newPrice) public {
        newPrice = uint96(bound(newPrice, 1, type(uint96).max));
        vm.prank(seller);
        listing.setPrice(newPrice);
        assertEq(listing.price(), newPrice);
        vm.prank(address(escrow));
        (uint256 unitPrice,) = listing.purchase(1);
        assertEq(unitPrice, newPrice);
    }

    function testFuzz_restock_neverReverts(uint64 stock, uint32 quantity) public {
        vm.prank(seller);
        listing.setStock(stock);
        vm.prank(address(escrow));
        listing.restock(quantity);
        uint256 expected = uint256(stock) + quantity;
        assertEq(listing.stock(), expected > type(uint64).max ? type(uint64).max : expected);
    }
}
