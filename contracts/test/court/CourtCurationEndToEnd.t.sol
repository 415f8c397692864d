// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ListingCuration} from "../../src/curation/ListingCuration.sol";
import {IListing, ListingStatus} from "../../src/interfaces/IListing.sol";
import {CourtMarketFixture} from "./CourtMarketFixture.sol";

/// @notice A reported listing through the real court: the seller contests, the committee votes to remove, and
/// executing the ruling closes the listing for good.
contract CourtCurationEndToEndTest is CourtMarketFixture {
    ListingCuration internal curation;

    function setUp() public override {
        super.setUp();
        curation = new ListingCuration(factory, court, "", 0.1 ether, 3 days, "/ipfs/curation-meta", owner);
        vm.prank(owner);
        factory.setCurator(address(curation));
    }

    function test_report_contestedAndRemovedByTheCourt() public {
        address listing = _list(address(0), PRICE, STOCK);
        address reporter = makeAddr("reporter");
        uint256 deposit = curation.requiredDeposit();
        assertEq(deposit, 0.1 ether + 3 * FEE_PER_ARBITER);
        vm.deal(reporter, deposit);
        vm.prank(reporter);
        uint256 id = curation.reportListing{value: deposit}(listing, "/ipfs/counterfeit");
        vm.deal(seller, deposit);
        vm.prank(seller);
        uint256 disputeId = curation.contestReport{value: deposit}(id, "/ipfs/genuine");
        assertEq(views.disputeInfo(disputeId).arbitrable, address(curation));

        _drawAndVote(disputeId, 1, 1);
        vm.warp(views.roundInfo(disputeId, 0).appealEnd);
        court.executeRuling(disputeId);

        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Removed));
        assertEq(reporter.balance, 2 * deposit - 3 * FEE_PER_ARBITER);
        assertEq(address(curation).balance, 0);
    }
}
