// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {IListing} from "../../src/interfaces/IListing.sol";
import {IListingFactory} from "../../src/interfaces/IListingFactory.sol";
import {IPolicy} from "../../src/interfaces/IPolicy.sol";
import {IPolicyTarget} from "../../src/interfaces/IPolicyTarget.sol";
import {FixedPriceListing} from "../../src/listings/FixedPriceListing.sol";
import {Policy} from "../../src/policy/Policy.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";

contract PolicyTest is MarketFixture {
    string internal constant CAMERAS = "electronics/cameras";
    uint96 internal constant BOND = 100 ether;

    Policy internal policy;
    address internal curator = makeAddr("curator");

    function setUp() public override {
        super.setUp();
        // The bond token is the DAO token in production; any ERC-20 behaves the same here.
        policy = new Policy(owner, IPolicyTarget(address(factory)), IPolicyTarget(address(escrow)), token);
        vm.startPrank(owner);
        factory.setPolicy(address(policy));
        factory.setCurator(curator);
        vm.stopPrank();
        token.mint(seller, 1_000 ether);
        vm.prank(seller);
        token.approve(address(policy), type(uint256).max);
    }

    function _rule(bool allowed, uint96 bond) internal pure returns (IPolicy.Rule memory) {
        return IPolicy.Rule({allowed: allowed, escrowRequired: false, bond: bond});
    }

    function _setRule(string memory category, bool allowed, uint96 bond) internal {
        vm.prank(owner);
        policy.setCategoryRule(category, _rule(allowed, bond));
    }

    // ------------------------------------------------------------------ creation checks

    function test_noRules_allowEverything() public {
        address listing = _list(address(0), PRICE, STOCK);
        _buyNative(listing, 1, false);
        assertEq(factory.policy(), address(policy));
    }

    function test_RevertWhen_categoryBannedAtCreation() public {
        _setRule(CAMERAS, false, 0);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.CategoryNotAllowed.selector, CAMERAS));
        factory.createListing(address(template), nextSalt++, _params(address(0), PRICE, STOCK));
    }

    /// @notice "Allowed categories": governance bans every category without a rule, then allows one.
    function test_onlyAllowedCategories_whenTheDefaultIsBanned() public {
        _setRule("", false, 0);
        _setRule("home", true, 0);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.CategoryNotAllowed.selector, CAMERAS));
        factory.createListing(address(template), nextSalt++, _params(address(0), PRICE, STOCK));

        IListingFactory.ListingParams memory params = _params(address(0), PRICE, STOCK);
        params.category = "home";
        vm.prank(seller);
        address listing = factory.createListing(address(template), nextSalt++, params);
        (, uint24 index) = policy.ruleOf("home");
        assertEq(index, 1);
        _buyNative(listing, 1, false);
    }

    function test_RevertWhen_priceAboveCeilingAtCreation() public {
        vm.prank(owner);
        policy.setPriceCeiling(CAMERAS, address(0), PRICE - 1);
        vm.prank(seller);
        vm.expectRevert(
            abi.encodeWithSelector(
                IListingFactory.PriceAboveCeiling.selector, CAMERAS, address(0), PRICE, PRICE - 1
            )
        );
        factory.createListing(address(template), nextSalt++, _params(address(0), PRICE, STOCK));
        // Another currency has no ceiling.
        _list(address(token), TOKEN_PRICE, STOCK);
    }

    // ------------------------------------------------------------------ purchase checks

    function test_removingACeiling_letsPurchasesThrough() public {
        address listing = _list(address(0), PRICE, STOCK);
        vm.startPrank(owner);
        policy.setPriceCeiling(CAMERAS, address(0), PRICE - 1);
        policy.setPriceCeiling(CAMERAS, address(0), 0);
        vm.stopPrank();
        _buyNative(listing, 1, false);
        assertEq(policy.priceCeiling(CAMERAS, address(0)), 0);
    }

    // ------------------------------------------------------------------ bonds

    function test_bond_postedAtCreation_slashedByTheCurator() public {
        _setRule(CAMERAS, true, BOND);
        uint256 before = token.balanceOf(seller);
        vm.expectEmit(address(policy));
        emit IPolicy.BondPosted(
            factory.predictListing(address(template), seller, address(0), nextSalt), seller, BOND
        );
        address listing = _list(address(0), PRICE, STOCK);
        assertEq(token.balanceOf(seller), before - BOND);
        assertEq(policy.bondOf(listing).amount, BOND);

        address reporter = makeAddr("reporter");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.NotCurator.selector, stranger));
        policy.slashBond(listing, stranger);

        vm.startPrank(curator);
        factory.removeListing(listing);
        assertEq(policy.slashBond(listing, reporter), BOND);
        assertEq(policy.slashBond(listing, reporter), 0);
        vm.stopPrank();
        assertEq(token.balanceOf(reporter), BOND);
        assertEq(token.balanceOf(address(policy)), 0);
    }

    function test_RevertWhen_sellerCannotPayTheBond() public {
        _setRule(CAMERAS, true, BOND);
        vm.prank(seller);
        token.approve(address(policy), 0);
        vm.prank(seller);
        vm.expectRevert();
        factory.createListing(address(template), nextSalt++, _params(address(0), PRICE, STOCK));
    }

    function test_bond_releasedAfterCloseAndDelay() public {
        _setRule(CAMERAS, true, BOND);
        address listing = _list(address(0), PRICE, STOCK);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.ListingNotClosed.selector, listing));
        policy.requestBondRelease(listing);

        vm.startPrank(seller);
        IListing(listing).close();
        policy.requestBondRelease(listing);
        uint256 releasableAt = block.timestamp + policy.bondReleaseDelay();
        vm.expectRevert(abi.encodeWithSelector(IPolicy.BondLocked.selector, listing, releasableAt));
        policy.releaseBond(listing);
        vm.warp(releasableAt);
        uint256 before = token.balanceOf(seller);
        policy.releaseBond(listing);
        vm.stopPrank();
        assertEq(token.balanceOf(seller), before + BOND);

        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.NoBond.selector, listing));
        policy.releaseBond(listing);
    }

    /// @notice During the release delay the court can still remove the listing and slash the bond.
    function test_bond_slashableDuringTheReleaseDelay() public {
        _setRule(CAMERAS, true, BOND);
        address listing = _list(address(0), PRICE, STOCK);
        vm.startPrank(seller);
        IListing(listing).close();
        policy.requestBondRelease(listing);
        vm.stopPrank();
        vm.prank(curator);
        assertEq(policy.slashBond(listing, curator), BOND);
        vm.warp(block.timestamp + 31 days);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.NoBond.selector, listing));
        policy.releaseBond(listing);
    }

    function test_RevertWhen_strangerReleasesTheBond() public {
        _setRule(CAMERAS, true, BOND);
        address listing = _list(address(0), PRICE, STOCK);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.NotBondSeller.selector, listing, stranger));
        policy.requestBondRelease(listing);
    }

    // ------------------------------------------------------------------ who may write rules

    function testFuzz_RevertWhen_anyoneElseSetsRules(address caller) public {
        vm.assume(caller != owner);
        vm.startPrank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        policy.setCategoryRule(CAMERAS, _rule(false, 0));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        policy.setPriceCeiling(CAMERAS, address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        policy.setBondReleaseDelay(2 days);
        if (caller != address(policy)) {
            vm.expectRevert(abi.encodeWithSelector(IPolicyTarget.NotPolicy.selector, caller));
            factory.setPolicyRule(bytes32(0), 2);
        }
        if (caller != address(factory)) {
            vm.expectRevert(abi.encodeWithSelector(IPolicy.NotFactory.selector, caller));
            policy.takeBond(caller, caller, 1);
        }
        vm.stopPrank();
    }

    function test_RevertWhen_releaseDelayOutOfRange() public {
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.InvalidReleaseDelay.selector, 1 hours));
        policy.setBondReleaseDelay(1 hours);
        policy.setBondReleaseDelay(7 days);
        vm.stopPrank();
        assertEq(policy.bondReleaseDelay(), 7 days);
    }

    function test_ruleOf_unknownCategoryReadsTheDefault() public {
        _setRule("", false, 5 ether);
        (IPolicy.Rule memory rule, uint24 index) = policy.ruleOf("anything");
        assertEq(index, 0);
        assertFalse(rule.allowed);
        assertEq(rule.bond, 5 ether);
        assertEq(policy.bondToken(), address(token));
    }

    /// @notice A category that gets its first rule starts from a copy of the default one.
    function test_newCategory_startsFromTheDefault() public {
        _setRule("", true, 7 ether);
        vm.prank(owner);
        policy.setPriceCeiling(CAMERAS, address(0), 10 ether);
        (IPolicy.Rule memory rule, uint24 index) = policy.ruleOf(CAMERAS);
        assertEq(index, 1);
        assertTrue(rule.allowed);
        assertEq(rule.bond, 7 ether);
    }

    /// @notice The default rule reaches every template, approved before or after it was set.
    function test_defaultRule_appliesThroughEveryTemplate() public {
        _setRule("", false, 0);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.CategoryNotAllowed.selector, CAMERAS));
        factory.createListing(address(template), nextSalt++, _params(address(0), PRICE, STOCK));

        FixedPriceListing second = new FixedPriceListing(address(factory), address(escrow));
        vm.prank(owner);
        factory.setTemplate(address(second), true);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IListingFactory.CategoryNotAllowed.selector, CAMERAS));
        factory.createListing(address(second), nextSalt++, _params(address(0), PRICE, STOCK));

        _setRule("", true, 0);
        vm.prank(seller);
        factory.createListing(address(second), nextSalt++, _params(address(0), PRICE, STOCK));
        // Withdrawing and re-approving a template keeps it listed once and keeps its default rule current.
        vm.startPrank(owner);
        factory.setTemplate(address(second), false);
        factory.setTemplate(address(second), true);
        vm.stopPrank();
        assertTrue(factory.isTemplate(address(second)));
        _list(address(0), PRICE, STOCK);
    }
}
