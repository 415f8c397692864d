// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {IListingFactory} from "../../src/interfaces/IListingFactory.sol";
import {IPolicy} from "../../src/interfaces/IPolicy.sol";
import {IPolicyTarget} from "../../src/interfaces/IPolicyTarget.sol";
import {PolicyRules} from "../../src/libraries/PolicyRules.sol";
import {Policy} from "../../src/policy/Policy.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";

/// @notice The policy at purchase: the escrow obeys the rules as they are when the item is bought, whatever
/// they were when the listing was created, and a refused purchase moves nothing.
contract PolicyPurchaseTest is MarketFixture {
    string internal constant CAMERAS = "electronics/cameras";

    Policy internal policy;

    function setUp() public override {
        super.setUp();
        policy = new Policy(owner, IPolicyTarget(address(factory)), IPolicyTarget(address(escrow)), token);
        vm.prank(owner);
        factory.setPolicy(address(policy));
    }

    function _setRule(string memory category, bool allowed, bool escrowRequired) internal {
        vm.prank(owner);
        policy.setCategoryRule(
            category, IPolicy.Rule({allowed: allowed, escrowRequired: escrowRequired, bond: 0})
        );
    }

    function _setCeiling(string memory category, address currency, uint256 ceiling) internal {
        vm.prank(owner);
        policy.setPriceCeiling(category, currency, ceiling);
    }

    function _listIn(string memory category, address currency, uint96 price) internal returns (address) {
        IListingFactory.ListingParams memory params = _params(currency, price, STOCK);
        params.category = category;
        vm.prank(seller);
        return factory.createListing(address(template), nextSalt++, params);
    }

    /// @dev Buys and expects `reason`; then checks that nothing moved: no order, stock and balances as before.
    function _expectRefused(address listing, bool escrowed, bytes memory reason) internal {
        address currency = IListing(listing).currency();
        uint256 amount = IListing(listing).price();
        uint256 stockBefore = IListing(listing).stock();
        uint256 ordersBefore = escrow.orderCount();
        uint256 buyerBefore = currency == address(0) ? buyer.balance : token.balanceOf(buyer);
        uint256 sellerBefore = currency == address(0) ? seller.balance : token.balanceOf(seller);
        vm.startPrank(buyer);
        if (currency != address(0)) token.approve(address(escrow), amount);
        vm.expectRevert(reason);
        escrow.buy{value: currency == address(0) ? amount : 0}(listing, 1, escrowed, amount, SHIPPING);
        vm.stopPrank();
        assertEq(IListing(listing).stock(), stockBefore, "stock untouched");
        assertEq(escrow.orderCount(), ordersBefore, "no order");
        assertEq(
            currency == address(0) ? buyer.balance : token.balanceOf(buyer), buyerBefore, "buyer paid nothing"
        );
        assertEq(
            currency == address(0) ? seller.balance : token.balanceOf(seller),
            sellerBefore,
            "seller got nothing"
        );
    }

    function _buy(address listing, bool escrowed) internal returns (uint256) {
        return IListing(listing).currency() == address(0)
            ? _buyNative(listing, 1, escrowed)
            : _buyToken(listing, 1, escrowed);
    }

    // ------------------------------------------------------------------ ceilings

    function test_RevertWhen_ceilingLoweredAfterCreation_native() public {
        address listing = _list(address(0), PRICE, STOCK);
        _setCeiling(CAMERAS, address(0), PRICE - 1);
        bytes memory reason =
            abi.encodeWithSelector(IEscrow.UnitPriceAboveCeiling.selector, listing, PRICE, PRICE - 1);
        _expectRefused(listing, false, reason);
        _expectRefused(listing, true, reason);
        (,, uint256 ceiling) = policy.purchaseRule(IListing(listing).categoryTag(), address(0));
        assertEq(ceiling, PRICE - 1);
    }

    function test_RevertWhen_ceilingLoweredAfterCreation_token() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        _setCeiling(CAMERAS, address(token), TOKEN_PRICE - 1);
        bytes memory reason = abi.encodeWithSelector(
            IEscrow.UnitPriceAboveCeiling.selector, listing, TOKEN_PRICE, TOKEN_PRICE - 1
        );
        _expectRefused(listing, false, reason);
        _expectRefused(listing, true, reason);
        // The ceiling is per currency: a native listing of the same category is not concerned.
        _buyNative(_list(address(0), PRICE, STOCK), 1, false);
    }

    function test_RevertWhen_sellerRaisesThePriceAboveTheCeiling() public {
        _setCeiling(CAMERAS, address(0), PRICE);
        address listing = _list(address(0), PRICE, STOCK);
        _buyNative(listing, 1, false);
        vm.prank(seller);
        IListing(listing).setPrice(PRICE + 1);
        _expectRefused(
            listing,
            false,
            abi.encodeWithSelector(IEscrow.UnitPriceAboveCeiling.selector, listing, PRICE + 1, PRICE)
        );
    }

    function test_ceilingRemoved_letsPurchasesThrough() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        _setCeiling(CAMERAS, address(token), 1);
        _setCeiling(CAMERAS, address(token), 0);
        _buyToken(listing, 1, false);
        assertEq(IListing(listing).sold(), 1);
    }

    /// @notice Prices around the ceiling: at or below it the purchase goes through and pays exactly; above,
    /// it is refused and moves nothing.
    function testFuzz_purchaseAroundTheCeiling(uint96 ceiling, uint96 price, bool escrowed) public {
        ceiling = uint96(bound(ceiling, 1, 100 ether));
        price = uint96(bound(price, ceiling > 1 ether ? ceiling - 1 ether : 1, uint256(ceiling) + 1 ether));
        address listing = _list(address(0), 1, STOCK);
        vm.prank(seller);
        IListing(listing).setPrice(price);
        _setCeiling(CAMERAS, address(0), ceiling);

        if (price > ceiling) {
            _expectRefused(
                listing,
                escrowed,
                abi.encodeWithSelector(IEscrow.UnitPriceAboveCeiling.selector, listing, price, ceiling)
            );
            return;
        }
        uint256 escrowBefore = address(escrow).balance;
        uint256 sellerBefore = seller.balance;
        _buyNative(listing, 1, escrowed);
        assertEq(address(escrow).balance - escrowBefore, escrowed ? price : 0);
        assertEq(seller.balance - sellerBefore, escrowed ? 0 : price);
    }

    // ------------------------------------------------------------------ escrow-only categories

    function test_RevertWhen_directPurchaseOfAnEscrowOnlyCategory() public {
        address native = _list(address(0), PRICE, STOCK);
        address tokenListing = _list(address(token), TOKEN_PRICE, STOCK);
        _setRule(CAMERAS, true, true);
        _expectRefused(native, false, abi.encodeWithSelector(IEscrow.EscrowRequired.selector, native));
        _expectRefused(
            tokenListing, false, abi.encodeWithSelector(IEscrow.EscrowRequired.selector, tokenListing)
        );
        // With escrow both go through.
        _buyNative(native, 1, true);
        _buyToken(tokenListing, 1, true);
        (bool banned, bool escrowRequired,) = policy.purchaseRule(IListing(native).categoryTag(), address(0));
        assertFalse(banned);
        assertTrue(escrowRequired);
    }

    function test_escrowOnlyRuleRemoved_letsDirectPurchasesThrough() public {
        address listing = _list(address(0), PRICE, STOCK);
        _setRule(CAMERAS, true, true);
        _setRule(CAMERAS, true, false);
        _buyNative(listing, 1, false);
    }

    // ------------------------------------------------------------------ bans

    function test_RevertWhen_categoryBannedAfterCreation() public {
        address native = _list(address(0), PRICE, STOCK);
        address tokenListing = _list(address(token), TOKEN_PRICE, STOCK);
        _setRule(CAMERAS, false, false);
        for (uint256 i; i < 2; ++i) {
            bool escrowed = i == 1;
            _expectRefused(native, escrowed, abi.encodeWithSelector(IEscrow.CategoryBanned.selector, native));
            _expectRefused(
                tokenListing, escrowed, abi.encodeWithSelector(IEscrow.CategoryBanned.selector, tokenListing)
            );
        }
    }

    function test_banLifted_letsPurchasesThrough() public {
        address listing = _list(address(token), TOKEN_PRICE, STOCK);
        _setRule(CAMERAS, false, false);
        _setRule(CAMERAS, true, false);
        _buyToken(listing, 1, false);
    }

    /// @notice "Allowed categories only": a banned default rule stops purchases in every category without a
    /// rule of its own, even listings created before, while an allowed category keeps selling.
    function test_bannedDefault_stopsUnruledCategories_notAllowedOnes() public {
        address cameras = _list(address(0), PRICE, STOCK);
        address home = _listIn("home", address(0), PRICE);
        _setRule("", false, false);
        _setRule("home", true, false);
        _expectRefused(cameras, false, abi.encodeWithSelector(IEscrow.CategoryBanned.selector, cameras));
        _buyNative(home, 1, false);
        (bool banned,,) = policy.purchaseRule(IListing(cameras).categoryTag(), address(0));
        assertTrue(banned);
    }

    function test_defaultCeiling_appliesToUnruledCategories() public {
        address listing = _list(address(0), PRICE, STOCK);
        _setCeiling("", address(0), PRICE / 2);
        _expectRefused(
            listing,
            true,
            abi.encodeWithSelector(IEscrow.UnitPriceAboveCeiling.selector, listing, PRICE, PRICE / 2)
        );
        _setCeiling("", address(0), 0);
        _buyNative(listing, 1, true);
    }

    /// @notice A listing created while its category had no rule of its own is ruled at purchase by the rule
    /// the category gets later: listings keep their category's tag, not a rule index.
    function test_ruleGivenAfterCreation_appliesToOlderListings() public {
        address listing = _listIn("tickets", address(0), PRICE);
        _setRule("tickets", true, true);
        _expectRefused(listing, false, abi.encodeWithSelector(IEscrow.EscrowRequired.selector, listing));
    }

    // ------------------------------------------------------------------ the filter

    /// @notice A purchase in a category without a purchase rule reads no rule from storage, even when other
    /// categories have rules; a purchase in a ruled category reads its rule.
    function test_filter_unruledPurchaseReadsNoRule() public {
        address listing = _list(address(0), PRICE, STOCK);
        uint256 plain = _storageReadsOfPurchase(listing);
        string memory other = _categoryOnAnotherFilterBit(CAMERAS);
        _setRule(other, false, false);
        assertEq(_storageReadsOfPurchase(listing), plain, "another category's rule costs nothing here");
        _setCeiling(CAMERAS, address(0), PRICE * 2);
        assertEq(_storageReadsOfPurchase(listing), plain + 2, "own ceiling: the rule and the ceiling");
        _setCeiling(CAMERAS, address(0), 0);
        assertEq(_storageReadsOfPurchase(listing), plain, "no purchase rule left: filter cleared");
    }

    /// @notice A category that shares a filter bit with a ruled one reads the rule slot, finds no rule of its
    /// own and follows the (empty) default: it is not refused.
    function test_filter_sharedBit_unruledCategoryStillBuys() public {
        string memory neighbour = _categoryOnTheSameFilterBit(CAMERAS);
        address listing = _listIn(neighbour, address(0), PRICE);
        _setRule(CAMERAS, false, false);
        _buyNative(listing, 1, false);
        assertEq(IListing(listing).sold(), 1);
    }

    function test_RevertWhen_twoRuledCategoriesShareATag() public {
        // Found offline: the low 24 bits of both names' keccak256 are 0xf3eb3e.
        _setRule("category-1174", false, false);
        uint24 tag = PolicyRules.tag(keccak256("category-3065"));
        assertEq(tag, PolicyRules.tag(keccak256("category-1174")));
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.CategoryTagTaken.selector, "category-3065", tag));
        policy.setCategoryRule(
            "category-3065", IPolicy.Rule({allowed: false, escrowRequired: false, bond: 0})
        );
    }

    function test_RevertWhen_anyoneButTheFactoryWritesTheEscrowsRules() public {
        vm.expectRevert(abi.encodeWithSelector(IPolicyTarget.NotPolicy.selector, stranger));
        vm.prank(stranger);
        escrow.setPolicyRule(PolicyRules.FILTER_KEY, PolicyRules.FILTER_ALL);
        vm.expectRevert(abi.encodeWithSelector(IPolicyTarget.NotPolicy.selector, stranger));
        vm.prank(stranger);
        factory.forwardPolicyRule(address(escrow), PolicyRules.FILTER_KEY, PolicyRules.FILTER_ALL);
    }

    function test_filterWrite_keepsTheOrderCount() public {
        _buyNative(_list(address(0), PRICE, STOCK), 1, false);
        _setRule(CAMERAS, true, true);
        assertEq(escrow.orderCount(), 1);
        uint256 id = _buyNative(_list(address(0), PRICE, STOCK), 1, true);
        assertEq(id, 2);
    }

    // ------------------------------------------------------------------ helpers

    /// @dev Storage reads of the escrow in a direct purchase of one item.
    function _storageReadsOfPurchase(address listing) internal returns (uint256 reads) {
        uint256 amount = IListing(listing).price();
        vm.prank(buyer);
        vm.record();
        escrow.buy{value: amount}(listing, 1, false, amount, SHIPPING);
        (bytes32[] memory readSlots,) = vm.accesses(address(escrow));
        vm.stopRecord();
        return readSlots.length;
    }

    function _filterBit(string memory category) internal pure returns (uint256) {
        return PolicyRules.filterBit(PolicyRules.tag(keccak256(bytes(category))));
    }

    function _categoryOnAnotherFilterBit(string memory category) internal pure returns (string memory name) {
        for (uint256 i;; ++i) {
            name = string.concat("other-", vm.toString(i));
            if (_filterBit(name) != _filterBit(category)) return name;
        }
    }

    function _categoryOnTheSameFilterBit(string memory category) internal pure returns (string memory name) {
        for (uint256 i;; ++i) {
            name = string.concat("neighbour-", vm.toString(i));
            if (_filterBit(name) == _filterBit(category)) return name;
        }
    }
}
