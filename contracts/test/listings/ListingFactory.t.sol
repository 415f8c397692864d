// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {IListing, ListingStatus} from "../../src/interfaces/IListing.sol";
import {IListingFactory} from "../../src/interfaces/IListingFactory.sol";
import {FixedPriceListing} from "../../src/listings/FixedPriceListing.sol";
import {ListingFactory} from "../../src/listings/ListingFactory.sol";
import {Fixture} from "../utils/Fixture.sol";
import {FakeListing} from "../utils/hostile/FakeListing.sol";
import {RogueCloner} from "../utils/hostile/RogueCloner.sol";

contract ListingFactoryTest is Fixture {
    address internal curator = makeAddr("curator");
    address internal stranger = makeAddr("stranger");

    function setUp() public override {
        super.setUp();
        vm.prank(owner);
        factory.setCurator(curator);
    }

    // ------------------------------------------------------------------ createListing

    function test_createListing_deploysAtPredictedAddress() public {
        address predicted = factory.predictListing(address(template), seller, address(0), 77);
        vm.prank(seller);
        address listing = factory.createListing(address(template), 77, _params(address(0), 1 ether, 3));
        assertEq(listing, predicted);
        assertTrue(factory.isListing(listing));
    }

    function test_createListing_emitsListingCreated() public {
        IListingFactory.ListingParams memory params = _params(address(token), 5e18, 4);
        address predicted = factory.predictListing(address(template), seller, address(token), 1);
        vm.expectEmit(address(factory));
        emit IListingFactory.ListingCreated(predicted, seller, address(template), params);
        vm.prank(seller);
        factory.createListing(address(template), 1, params);
    }

    function test_createListing_initializesListing() public {
        vm.expectEmit(true, true, true, true);
        emit IListingFactory.ListingCreated(
            factory.predictListing(address(template), seller, address(token), 0),
            seller,
            address(template),
            _params(address(token), 5e18, 4)
        );
        IListing listing = IListing(_list(address(token), 5e18, 4));
        assertEq(listing.seller(), seller);
        assertEq(listing.currency(), address(token));
        assertEq(listing.price(), 5e18);
        assertEq(listing.stock(), 4);
        assertEq(uint8(listing.status()), uint8(ListingStatus.Active));
    }

    function test_createListing_sameSaltOtherSellerOrCurrency() public {
        vm.prank(seller);
        address a = factory.createListing(address(template), 5, _params(address(0), 1, 1));
        vm.prank(seller);
        address b = factory.createListing(address(template), 5, _params(address(token), 1, 1));
        vm.prank(buyer);
        address c = factory.createListing(address(template), 5, _params(address(0), 1, 1));
        assertTrue(a != b && b != c && a != c);
        assertEq(IListing(c).seller(), buyer);
    }

    function test_createListing_fieldsAtMaximumLength() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.metadataCid = string(new bytes(100));
        p.title = string(new bytes(140));
        p.category = string(new bytes(64));
        p.location = string(new bytes(100));
        vm.prank(seller);
        factory.createListing(address(template), 0, p);
    }

    function test_createListing_emptyLocation() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.location = "";
        vm.prank(seller);
        address listing = factory.createListing(address(template), 0, p);
        assertTrue(factory.isListing(listing));
    }

    function test_RevertWhen_createListingSameSaltTwice() public {
        address first = _list(address(0), 1 ether, 1);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.ListingExists.selector, first));
        vm.prank(seller);
        factory.createListing(address(template), 0, _params(address(0), 2 ether, 2));
    }

    function test_RevertWhen_createListingUnapprovedTemplate() public {
        FixedPriceListing other = new FixedPriceListing(address(factory), address(escrow));
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.TemplateNotApproved.selector, address(other)));
        vm.prank(seller);
        factory.createListing(address(other), 0, _params(address(0), 1, 1));
    }

    function test_RevertWhen_createListingWithdrawnTemplate() public {
        vm.prank(owner);
        factory.setTemplate(address(template), false);
        vm.expectRevert(
            abi.encodeWithSelector(IListingFactory.TemplateNotApproved.selector, address(template))
        );
        _list(address(0), 1, 1);
    }

    function test_RevertWhen_createListingUnapprovedCurrency() public {
        address other = makeAddr("other token");
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.CurrencyNotApproved.selector, other));
        _list(other, 1, 1);
    }

    function test_RevertWhen_createListingZeroPrice() public {
        vm.expectRevert(IListingFactory.ZeroPrice.selector);
        _list(address(0), 0, 1);
    }

    function test_RevertWhen_createListingZeroStock() public {
        vm.expectRevert(IListingFactory.ZeroStock.selector);
        _list(address(0), 1, 0);
    }

    function test_RevertWhen_createListingEmptyMetadataCid() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.metadataCid = "";
        _expectInvalidField(p, "metadataCid", 0, 100);
    }

    function test_RevertWhen_createListingLongMetadataCid() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.metadataCid = string(new bytes(101));
        _expectInvalidField(p, "metadataCid", 101, 100);
    }

    function test_RevertWhen_createListingEmptyTitle() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.title = "";
        _expectInvalidField(p, "title", 0, 140);
    }

    function test_RevertWhen_createListingLongTitle() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.title = string(new bytes(141));
        _expectInvalidField(p, "title", 141, 140);
    }

    function test_RevertWhen_createListingEmptyCategory() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.category = "";
        _expectInvalidField(p, "category", 0, 64);
    }

    function test_RevertWhen_createListingLongCategory() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.category = string(new bytes(65));
        _expectInvalidField(p, "category", 65, 64);
    }

    function test_RevertWhen_createListingLongLocation() public {
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.location = string(new bytes(101));
        _expectInvalidField(p, "location", 101, 100);
    }

    function _expectInvalidField(
        IListingFactory.ListingParams memory p,
        string memory field,
        uint256 length,
        uint256 maxLength
    ) private {
        vm.expectRevert(
            abi.encodeWithSelector(IListingFactory.InvalidField.selector, field, length, maxLength)
        );
        vm.prank(seller);
        factory.createListing(address(template), 0, p);
    }

    // ------------------------------------------------------------------ owner settings

    function test_setTemplate_approvesAndWithdraws() public {
        address t = address(new FixedPriceListing(address(factory), address(escrow)));
        vm.expectEmit(address(factory));
        emit IListingFactory.TemplateApproved(t, true);
        vm.prank(owner);
        factory.setTemplate(t, true);
        assertTrue(factory.isTemplate(t));

        vm.expectEmit(address(factory));
        emit IListingFactory.TemplateApproved(t, false);
        vm.prank(owner);
        factory.setTemplate(t, false);
        assertFalse(factory.isTemplate(t));
    }

    function test_setTemplate_withdrawKeepsExistingListings() public {
        address listing = _list(address(0), 1, 1);
        vm.prank(owner);
        factory.setTemplate(address(template), false);
        assertTrue(factory.isListing(listing));
    }

    function test_RevertWhen_setTemplateByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        factory.setTemplate(address(template), false);
    }

    function test_RevertWhen_setTemplateZero() public {
        vm.expectRevert(IListingFactory.ZeroAddress.selector);
        vm.prank(owner);
        factory.setTemplate(address(0), true);
    }

    function test_setCurrency_approvesAndWithdraws() public {
        address c = makeAddr("new token");
        assertFalse(factory.isCurrency(c));
        vm.expectEmit(address(factory));
        emit IListingFactory.CurrencyApproved(c, true);
        vm.prank(owner);
        factory.setCurrency(c, true);
        assertTrue(factory.isCurrency(c));

        vm.expectEmit(address(factory));
        emit IListingFactory.CurrencyApproved(c, false);
        vm.prank(owner);
        factory.setCurrency(c, false);
        assertFalse(factory.isCurrency(c));
    }

    function test_isCurrency_nativeAlwaysAllowed() public view {
        assertTrue(factory.isCurrency(address(0)));
    }

    function test_RevertWhen_setCurrencyByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        factory.setCurrency(address(token), false);
    }

    function test_RevertWhen_setCurrencyZero() public {
        vm.expectRevert(IListingFactory.ZeroAddress.selector);
        vm.prank(owner);
        factory.setCurrency(address(0), true);
    }

    function test_setCurator_changesCurator() public {
        address next = makeAddr("next curator");
        vm.expectEmit(address(factory));
        emit IListingFactory.CuratorChanged(next);
        vm.prank(owner);
        factory.setCurator(next);
        assertEq(factory.curator(), next);
    }

    function test_RevertWhen_setCuratorByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        factory.setCurator(stranger);
    }

    function test_transferOwnership_twoSteps() public {
        address next = makeAddr("timelock");
        vm.expectEmit(address(factory));
        emit Ownable2Step.OwnershipTransferStarted(owner, next);
        vm.prank(owner);
        factory.transferOwnership(next);
        assertEq(factory.owner(), owner);
        assertEq(factory.pendingOwner(), next);

        vm.expectEmit(address(factory));
        emit Ownable.OwnershipTransferred(owner, next);
        vm.prank(next);
        factory.acceptOwnership();
        assertEq(factory.owner(), next);

        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, owner));
        vm.prank(owner);
        factory.setCurator(owner);
    }

    function test_RevertWhen_acceptOwnershipByNonPending() public {
        vm.prank(owner);
        factory.transferOwnership(makeAddr("timelock"));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        factory.acceptOwnership();
    }

    // ------------------------------------------------------------------ removeListing

    function test_removeListing_byCurator() public {
        address listing = _list(address(0), 1, 1);
        vm.expectEmit(listing);
        emit IListing.StatusChanged(ListingStatus.Removed);
        vm.expectEmit(address(factory));
        emit IListingFactory.ListingRemoved(listing);
        vm.prank(curator);
        factory.removeListing(listing);
        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Removed));
    }

    function test_RevertWhen_removeListingByNonCurator() public {
        address listing = _list(address(0), 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.NotCurator.selector, owner));
        vm.prank(owner);
        factory.removeListing(listing);
    }

    function test_RevertWhen_removeListingBySeller() public {
        address listing = _list(address(0), 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.NotCurator.selector, seller));
        vm.prank(seller);
        factory.removeListing(listing);
    }

    function test_RevertWhen_removeListingWithoutCurator() public {
        address listing = _list(address(0), 1, 1);
        vm.prank(owner);
        factory.setCurator(address(0));
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.NotCurator.selector, curator));
        vm.prank(curator);
        factory.removeListing(listing);
    }

    function test_RevertWhen_removeListingUnknownEOA() public {
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.UnknownListing.selector, stranger));
        vm.prank(curator);
        factory.removeListing(stranger);
    }

    function test_RevertWhen_removeListingFake() public {
        FakeListing fake = new FakeListing(seller, address(0));
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.UnknownListing.selector, address(fake)));
        vm.prank(curator);
        factory.removeListing(address(fake));
    }

    function test_RevertWhen_removeListingOfOtherFactory() public {
        address rogue = new RogueCloner().clone(address(template), seller, address(0), 0);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.UnknownListing.selector, rogue));
        vm.prank(curator);
        factory.removeListing(rogue);
    }

    function test_RevertWhen_removeListingTwice() public {
        address listing = _list(address(0), 1, 1);
        vm.startPrank(curator);
        factory.removeListing(listing);
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingFinal.selector, ListingStatus.Removed));
        factory.removeListing(listing);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ views

    function test_isListing() public {
        address listing = _list(address(0), 1, 1);
        assertTrue(factory.isListing(listing));
        assertFalse(factory.isListing(address(template)));
        assertFalse(factory.isListing(stranger));
        assertFalse(factory.isListing(address(new FakeListing(seller, address(0)))));
    }

    function test_constructor_setsOwner() public {
        ListingFactory f = new ListingFactory(stranger);
        assertEq(f.owner(), stranger);
        assertEq(f.curator(), address(0));
    }

    function test_RevertWhen_constructorZeroOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new ListingFactory(address(0));
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_createListing_anyTerms(
        address who,
        uint64 salt,
        uint96 price,
        uint64 stock,
        bool inToken
    ) public {
        vm.assume(who != address(0));
        price = uint96(bound(price, 1, type(uint96).max));
        stock = uint64(bound(stock, 1, type(uint64).max));
        address currency = inToken ? address(token) : address(0);
        address predicted = factory.predictListing(address(template), who, currency, salt);
        vm.prank(who);
        address listing = factory.createListing(address(template), salt, _params(currency, price, stock));
        assertEq(listing, predicted);
        assertTrue(factory.isListing(listing));
        assertEq(IListing(listing).seller(), who);
        assertEq(IListing(listing).currency(), currency);
        assertEq(IListing(listing).salt(), salt);
        assertEq(IListing(listing).price(), price);
        assertEq(IListing(listing).stock(), stock);
    }

    function testFuzz_createListing_titleLength(uint256 length) public {
        length = bound(length, 0, 300);
        IListingFactory.ListingParams memory p = _params(address(0), 1, 1);
        p.title = string(new bytes(length));
        if (length == 0 || length > 140) {
            vm.expectRevert(
                abi.encodeWithSelector(IListingFactory.InvalidField.selector, "title", length, 140)
            );
        }
        vm.prank(seller);
        factory.createListing(address(template), 0, p);
    }
}
