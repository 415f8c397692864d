// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {Escrow} from "../../src/escrow/Escrow.sol";
import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing, ListingStatus} from "../../src/interfaces/IListing.sol";
import {FixedPriceListing} from "../../src/listings/FixedPriceListing.sol";
import {ListingFactory} from "../../src/listings/ListingFactory.sol";
import {Order} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {FakeListing} from "../utils/hostile/FakeListing.sol";
import {RogueCloner} from "../utils/hostile/RogueCloner.sol";

contract EscrowBuyTest is MarketFixture {
    address internal curator = makeAddr("curator");

    function setUp() public override {
        super.setUp();
        vm.prank(owner);
        factory.setCurator(curator);
    }

    // ------------------------------------------------------------------ direct purchases

    function test_buy_directNativePaysSeller() public {
        address listing = _list(address(0), PRICE, STOCK);
        uint256 before = seller.balance;
        _expectOrderPaid(1, listing, buyer, seller, address(0), 2 * PRICE, 2, false);
        uint256 id = _buyNative(listing, 2, false);
        assertEq(id, 1);
        assertEq(seller.balance - before, 2 * PRICE);
        assertEq(address(escrow).balance, 0);
    }

    function test_buy_directIsNotStored() public {
        address listing = _list(address(0), PRICE, STOCK);
        uint256 id = _buyNative(listing, 1, false);
        assertEq(escrow.orderHash(id), bytes32(0));
        assertEq(escrow.orderCount(), 1);
    }

    function test_buy_directTokenPaysSeller() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        vm.prank(buyer);
        token.approve(address(escrow), 3 * TOKEN_PRICE);
        _expectOrderPaid(1, listing, buyer, seller, address(token), 3 * TOKEN_PRICE, 3, false);
        vm.prank(buyer);
        escrow.buy(listing, 3, false, 3 * TOKEN_PRICE, SHIPPING);
        assertEq(token.balanceOf(seller), 3 * TOKEN_PRICE);
        assertEq(token.balanceOf(address(escrow)), 0);
    }

    function test_buy_takesStock() public {
        address listing = _list(address(0), PRICE, STOCK);
        _buyNative(listing, 3, false);
        assertEq(IListing(listing).stock(), STOCK - 3);
        assertEq(IListing(listing).sold(), 3);
    }

    function test_buy_idsIncrease() public {
        address listing = _list(address(0), PRICE, STOCK);
        assertEq(_buyNative(listing, 1, false), 1);
        assertEq(_buyNative(listing, 1, true), 2);
        assertEq(_buyNative(listing, 1, false), 3);
        assertEq(escrow.orderCount(), 3);
    }

    // ------------------------------------------------------------------ escrowed purchases

    function test_buy_escrowedNativeHoldsFunds() public {
        address listing = _list(address(0), PRICE, STOCK);
        _expectOrderPaid(1, listing, buyer, seller, address(0), 2 * PRICE, 2, true);
        uint256 id = _buyNative(listing, 2, true);
        assertEq(address(escrow).balance, 2 * PRICE);
        assertEq(seller.balance, 0);
        assertEq(escrow.orderHash(id), _hash(_paidOrder(listing, address(0), uint96(2 * PRICE), 2)));
    }

    function test_buy_escrowedTokenHoldsFunds() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        vm.prank(buyer);
        token.approve(address(escrow), TOKEN_PRICE);
        _expectOrderPaid(1, listing, buyer, seller, address(token), TOKEN_PRICE, 1, true);
        vm.prank(buyer);
        uint256 id = escrow.buy(listing, 1, true, TOKEN_PRICE, SHIPPING);
        assertEq(token.balanceOf(address(escrow)), TOKEN_PRICE);
        assertEq(escrow.orderHash(id), _hash(_paidOrder(listing, address(token), TOKEN_PRICE, 1)));
    }

    function test_buy_escrowedCopiesCurrentWindows() public {
        vm.prank(owner);
        escrow.setWindows(2 hours, 5 hours);
        address listing = _list(address(0), PRICE, STOCK);
        uint256 id = _buyNative(listing, 1, true);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        o.shipWindow = 2 hours;
        o.deliveryWindow = 5 hours;
        assertEq(escrow.orderHash(id), _hash(o));
    }

    function test_buy_priceOverride() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.prank(seller);
        IListing(listing).setPrice(3 ether);
        vm.prank(buyer);
        escrow.buy{value: 6 ether}(listing, 2, true, 6 ether, SHIPPING);
        assertEq(address(escrow).balance, 6 ether);
    }

    function test_buy_closedListingOrderStillCompletes() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(seller);
        IListing(listing).close();
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(seller.balance, PRICE);
    }

    function test_buy_removedListingOrderStillRefunds() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(2);
        vm.prank(curator);
        factory.removeListing(listing);
        uint256 before = buyer.balance;
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(buyer.balance - before, 2 * PRICE);
        assertEq(IListing(listing).stock(), STOCK);
        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Removed));
    }

    function test_buy_pausedListingOrderStillCancels() public {
        (address listing, uint256 id, Order memory o) = _escrowedNative(1);
        vm.prank(seller);
        IListing(listing).pause();
        vm.warp(block.timestamp + SHIP_WINDOW);
        vm.prank(buyer);
        escrow.cancel(id, o);
        assertEq(IListing(listing).stock(), STOCK);
    }

    // ------------------------------------------------------------------ reverts

    function test_RevertWhen_buyPriceChangedBeforePurchase() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.prank(seller);
        IListing(listing).setPrice(PRICE + 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PriceMismatch.selector, 2 * PRICE, 2 * (PRICE + 1)));
        vm.prank(buyer);
        escrow.buy{value: 2 * PRICE}(listing, 2, true, 2 * PRICE, SHIPPING);
    }

    function test_RevertWhen_buyAmountBelowPrice() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        vm.prank(buyer);
        token.approve(address(escrow), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PriceMismatch.selector, TOKEN_PRICE, 2 * TOKEN_PRICE));
        vm.prank(buyer);
        escrow.buy(listing, 2, false, TOKEN_PRICE, SHIPPING);
    }

    function test_RevertWhen_buyWrongValue() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, PRICE, PRICE - 1));
        vm.prank(buyer);
        escrow.buy{value: PRICE - 1}(listing, 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyValueAboveAmount() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, PRICE, PRICE + 1));
        vm.prank(buyer);
        escrow.buy{value: PRICE + 1}(listing, 1, false, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyTokenListingWithValue() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.WrongPayment.selector, 0, 1));
        vm.prank(buyer);
        escrow.buy{value: 1}(listing, 1, true, TOKEN_PRICE, SHIPPING);
    }

    function test_RevertWhen_buyTokenWithoutAllowance() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(escrow), 0, TOKEN_PRICE
            )
        );
        vm.prank(buyer);
        escrow.buy(listing, 1, true, TOKEN_PRICE, SHIPPING);
    }

    function test_RevertWhen_buyOwnListing() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.deal(seller, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.BuyerIsSeller.selector, seller));
        vm.prank(seller);
        escrow.buy{value: PRICE}(listing, 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyAmountOverflow() public {
        address listing = _list(address(token), type(uint96).max, STOCK);
        uint256 total = uint256(type(uint96).max) * 2;
        token.mint(buyer, total);
        vm.prank(buyer);
        token.approve(address(escrow), total);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.AmountOverflow.selector, total));
        vm.prank(buyer);
        escrow.buy(listing, 2, true, total, SHIPPING);
    }

    function test_RevertWhen_buyNativeAmountOverflow() public {
        address listing = _list(address(0), type(uint96).max, STOCK);
        uint256 total = uint256(type(uint96).max) * 3;
        vm.deal(buyer, total);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.AmountOverflow.selector, total));
        vm.prank(buyer);
        escrow.buy{value: total}(listing, 3, false, total, SHIPPING);
    }

    function test_buy_amountAtUint96Max() public {
        address listing = _list(address(token), type(uint96).max, STOCK);
        token.mint(buyer, type(uint96).max);
        vm.prank(buyer);
        token.approve(address(escrow), type(uint96).max);
        vm.prank(buyer);
        uint256 id = escrow.buy(listing, 1, true, type(uint96).max, SHIPPING);
        assertEq(escrow.orderHash(id), _hash(_paidOrder(listing, address(token), type(uint96).max, 1)));
    }

    function test_RevertWhen_buyPausedListing() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.prank(seller);
        IListing(listing).pause();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Paused));
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyClosedListing() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.prank(seller);
        IListing(listing).close();
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Closed));
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, false, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyRemovedListing() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.prank(curator);
        factory.removeListing(listing);
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Removed));
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyMoreThanStock() public {
        address listing = _list(address(0), PRICE, 2);
        vm.expectRevert(abi.encodeWithSelector(IListing.InsufficientStock.selector, 3, 2));
        vm.prank(buyer);
        escrow.buy{value: 3 * PRICE}(listing, 3, true, 3 * PRICE, SHIPPING);
    }

    function test_RevertWhen_buyZeroQuantity() public {
        address listing = _list(address(0), PRICE, 2);
        vm.expectRevert(IListing.ZeroQuantity.selector);
        vm.prank(buyer);
        escrow.buy(listing, 0, true, 0, SHIPPING);
    }

    function test_RevertWhen_buyFakeListing() public {
        FakeListing fake = new FakeListing(seller, address(0));
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ListingNotGenuine.selector, address(fake)));
        vm.prank(buyer);
        escrow.buy{value: 1}(address(fake), 1, true, 1, SHIPPING);
    }

    function test_RevertWhen_buyCloneOfOtherFactory() public {
        // A complete second marketplace whose listings point at this escrow.
        ListingFactory otherFactory = new ListingFactory(owner);
        FixedPriceListing otherTemplate = new FixedPriceListing(address(otherFactory), address(escrow));
        vm.prank(owner);
        otherFactory.setTemplate(address(otherTemplate), true);
        vm.prank(seller);
        address listing = otherFactory.createListing(address(otherTemplate), 0, _params(address(0), PRICE, 1));
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ListingNotGenuine.selector, listing));
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyRogueCloneOfGenuineTemplate() public {
        address rogue = new RogueCloner().clone(address(template), seller, address(0), 0);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ListingNotGenuine.selector, rogue));
        vm.prank(buyer);
        escrow.buy{value: PRICE}(rogue, 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyEOA() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ListingNotGenuine.selector, stranger));
        vm.prank(buyer);
        escrow.buy{value: PRICE}(stranger, 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyTemplate() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ListingNotGenuine.selector, address(template)));
        vm.prank(buyer);
        escrow.buy{value: PRICE}(address(template), 1, true, PRICE, SHIPPING);
    }

    function test_RevertWhen_buyListingOfOtherEscrowFactory() public {
        // An escrow for another factory refuses this factory's listings.
        Escrow other = new Escrow(makeAddr("another factory"), owner, SHIP_WINDOW, DELIVERY_WINDOW, "");
        address listing = _list(address(0), PRICE, STOCK);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ListingNotGenuine.selector, listing));
        vm.prank(buyer);
        other.buy{value: PRICE}(listing, 1, true, PRICE, SHIPPING);
    }
}
