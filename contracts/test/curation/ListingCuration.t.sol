// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ListingCuration} from "../../src/curation/ListingCuration.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {IEvidence} from "../../src/interfaces/IEvidence.sol";
import {IListing, ListingStatus} from "../../src/interfaces/IListing.sol";
import {IListingCuration} from "../../src/interfaces/IListingCuration.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";

/// @notice Refuses the native coin, so payments to it are credited instead.
contract CoinRefuser {
    function report(ListingCuration curation, address listing) external payable returns (uint256) {
        return curation.reportListing{value: msg.value}(listing, "/ipfs/refuser");
    }

    function withdrawFrom(ListingCuration curation) external {
        curation.withdraw();
    }
}

contract ListingCurationTest is MarketFixture {
    uint96 internal constant BASE = 0.2 ether;
    uint32 internal constant WINDOW = 3 days;

    ListingCuration internal curation;
    address internal reporter = makeAddr("reporter");
    address internal listing;
    uint256 internal deposit;

    function setUp() public override {
        super.setUp();
        curation = new ListingCuration(factory, arbitrator, "", BASE, WINDOW, "/ipfs/curation-meta", owner);
        vm.prank(owner);
        factory.setCurator(address(curation));
        listing = _list(address(0), PRICE, STOCK);
        deposit = curation.requiredDeposit();
        assertEq(deposit, BASE + FEE);
        vm.deal(reporter, 100 ether);
        vm.deal(seller, 100 ether);
    }

    function _report() internal returns (uint256 id) {
        vm.prank(reporter);
        id = curation.reportListing{value: deposit}(listing, "/ipfs/report");
    }

    function _contest(uint256 id) internal returns (uint256 disputeId) {
        vm.prank(seller);
        disputeId = curation.contestReport{value: deposit}(id, "/ipfs/answer");
    }

    // ------------------------------------------------------------------ reporting

    function test_reportListing_holdsDepositAndOpensWindow() public {
        vm.expectEmit(address(curation));
        emit IListingCuration.ListingReported(
            1, listing, reporter, deposit, block.timestamp + WINDOW, "/ipfs/report"
        );
        uint256 id = _report();
        IListingCuration.Report memory r = curation.reportOf(id);
        assertEq(r.listing, listing);
        assertEq(r.reporter, reporter);
        assertEq(r.deposit, deposit);
        assertEq(uint8(r.state), uint8(IListingCuration.ReportState.Pending));
        assertEq(curation.openReportOf(listing), id);
        assertEq(address(curation).balance, deposit);
    }

    function test_RevertWhen_reportWrongDeposit() public {
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.WrongDeposit.selector, deposit, deposit - 1));
        curation.reportListing{value: deposit - 1}(listing, "/ipfs/report");
    }

    function test_RevertWhen_reportNotAListing() public {
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.NotAListing.selector, stranger));
        curation.reportListing{value: deposit}(stranger, "/ipfs/report");
    }

    function test_RevertWhen_reportClosedListing() public {
        vm.prank(seller);
        IListing(listing).close();
        vm.prank(reporter);
        vm.expectRevert(
            abi.encodeWithSelector(IListingCuration.ListingNotOpen.selector, listing, ListingStatus.Closed)
        );
        curation.reportListing{value: deposit}(listing, "/ipfs/report");
    }

    function test_RevertWhen_reportTwice() public {
        uint256 id = _report();
        vm.prank(stranger);
        vm.deal(stranger, deposit);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.ReportAlreadyOpen.selector, listing, id));
        curation.reportListing{value: deposit}(listing, "/ipfs/report");
    }

    function test_RevertWhen_reportWithoutArbitrator() public {
        vm.prank(owner);
        curation.setArbitrator(IArbitrator(address(0)), "");
        vm.expectRevert(IListingCuration.NoArbitrator.selector);
        curation.requiredDeposit();
        vm.prank(reporter);
        vm.expectRevert(IListingCuration.NoArbitrator.selector);
        curation.reportListing{value: deposit}(listing, "/ipfs/report");
    }

    // ------------------------------------------------------------------ default

    function test_executeDefault_removesListingAndReturnsDeposit() public {
        uint256 id = _report();
        vm.expectRevert(
            abi.encodeWithSelector(IListingCuration.ContestWindowOpen.selector, id, block.timestamp + WINDOW)
        );
        curation.executeDefault(id);
        vm.warp(block.timestamp + WINDOW);
        uint256 before = reporter.balance;
        vm.expectEmit(address(curation));
        emit IListingCuration.ReportResolved(id, listing, 1, true);
        curation.executeDefault(id);
        assertEq(reporter.balance, before + deposit);
        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Removed));
        assertEq(curation.openReportOf(listing), 0);
        // A removed listing can no longer be bought.
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IListing.ListingNotActive.selector, ListingStatus.Removed));
        escrow.buy{value: PRICE}(listing, 1, true, PRICE, SHIPPING);
        vm.expectRevert(
            abi.encodeWithSelector(
                IListingCuration.ReportNotPending.selector, id, IListingCuration.ReportState.Defaulted
            )
        );
        curation.executeDefault(id);
    }

    function test_executeDefault_openOrdersKeepWorking() public {
        uint256 orderId = _buyNative(listing, 1, true);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        uint256 id = _report();
        vm.warp(block.timestamp + WINDOW);
        curation.executeDefault(id);
        o = _ship(orderId, o);
        uint256 before = seller.balance;
        vm.prank(buyer);
        escrow.confirmReceipt(orderId, o);
        assertEq(seller.balance, before + PRICE);
    }

    function test_executeDefault_listingClosedMeanwhileDoesNotRevert() public {
        uint256 id = _report();
        vm.prank(seller);
        IListing(listing).close();
        vm.warp(block.timestamp + WINDOW);
        vm.expectEmit(address(curation));
        emit IListingCuration.ReportResolved(id, listing, 1, false);
        curation.executeDefault(id);
        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Closed));
    }

    // ------------------------------------------------------------------ contest and rulings

    function test_contestReport_createsDispute() public {
        uint256 id = _report();
        uint256 disputeId = _contest(id);
        IListingCuration.Report memory r = curation.reportOf(id);
        assertEq(uint8(r.state), uint8(IListingCuration.ReportState.Disputed));
        assertEq(r.disputeId, disputeId);
        assertEq(r.arbitrationFee, FEE);
        assertEq(address(curation).balance, 2 * deposit - FEE);
        assertEq(address(arbitrator).balance, FEE);
    }

    function test_RevertWhen_contestByStranger() public {
        uint256 id = _report();
        vm.deal(stranger, deposit);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.NotListingSeller.selector, id, stranger));
        curation.contestReport{value: deposit}(id, "");
    }

    function test_RevertWhen_contestLate() public {
        uint256 id = _report();
        uint256 deadline = block.timestamp + WINDOW;
        vm.warp(deadline);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.ContestWindowOver.selector, id, deadline));
        curation.contestReport{value: deposit}(id, "");
    }

    function test_RevertWhen_contestUnmatched() public {
        uint256 id = _report();
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.WrongDeposit.selector, deposit, BASE));
        curation.contestReport{value: BASE}(id, "");
    }

    function test_RevertWhen_contestTwiceOrUnknown() public {
        uint256 id = _report();
        _contest(id);
        vm.prank(seller);
        vm.expectRevert(
            abi.encodeWithSelector(
                IListingCuration.ReportNotPending.selector, id, IListingCuration.ReportState.Disputed
            )
        );
        curation.contestReport{value: deposit}(id, "");
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.ReportNotFound.selector, 9));
        curation.contestReport(9, "");
    }

    function test_RevertWhen_arbitrationCostAboveDeposits() public {
        uint256 id = _report();
        arbitrator.setFee(2 * deposit + 1);
        vm.prank(seller);
        vm.expectRevert(
            abi.encodeWithSelector(
                IListingCuration.ArbitrationCostAboveDeposits.selector, 2 * deposit + 1, 2 * deposit
            )
        );
        curation.contestReport{value: deposit}(id, "");
    }

    function test_rule_removePaysReporterAndClosesListing() public {
        uint256 id = _report();
        uint256 disputeId = _contest(id);
        uint256 before = reporter.balance;
        arbitrator.giveRuling(disputeId, 1);
        assertEq(reporter.balance, before + 2 * deposit - FEE);
        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Removed));
        assertEq(curation.reportOf(id).ruling, 1);
        assertEq(address(curation).balance, 0);
    }

    function test_rule_keepPaysSellerTheReportersDeposit() public {
        uint256 id = _report();
        uint256 disputeId = _contest(id);
        uint256 before = seller.balance;
        arbitrator.giveRuling(disputeId, 2);
        assertEq(seller.balance, before + 2 * deposit - FEE);
        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Active));
        assertEq(curation.openReportOf(listing), 0);
        // The listing can be reported again.
        _report();
    }

    function test_rule_refusalKeepsListingAndSharesDeposits() public {
        uint256 id = _report();
        uint256 disputeId = _contest(id);
        uint256 reporterBefore = reporter.balance;
        uint256 sellerBefore = seller.balance;
        arbitrator.giveRuling(disputeId, 0);
        uint256 pot = 2 * deposit - FEE;
        assertEq(reporter.balance, reporterBefore + pot / 2);
        assertEq(seller.balance, sellerBefore + pot - pot / 2);
        assertEq(uint8(IListing(listing).status()), uint8(ListingStatus.Active));
        assertEq(uint8(curation.reportOf(id).state), uint8(IListingCuration.ReportState.Resolved));
    }

    function test_rule_removeOnClosedListingDoesNotRevert() public {
        uint256 id = _report();
        uint256 disputeId = _contest(id);
        vm.prank(seller);
        IListing(listing).close();
        vm.expectEmit(address(curation));
        emit IListingCuration.ReportResolved(id, listing, 1, false);
        arbitrator.giveRuling(disputeId, 1);
    }

    function test_RevertWhen_ruleByStrangerOrTwiceOrOutOfRange() public {
        uint256 id = _report();
        uint256 disputeId = _contest(id);
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IListingCuration.UnknownReportDispute.selector, stranger, disputeId)
        );
        curation.rule(disputeId, 1);
        vm.prank(address(arbitrator));
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.InvalidCurationRuling.selector, 3));
        curation.rule(disputeId, 3);
        arbitrator.giveRuling(disputeId, 2);
        vm.prank(address(arbitrator));
        vm.expectRevert(
            abi.encodeWithSelector(
                IListingCuration.UnknownReportDispute.selector, address(arbitrator), disputeId
            )
        );
        curation.rule(disputeId, 1);
        assertEq(id, 1);
    }

    // ------------------------------------------------------------------ evidence, payments, owner

    function test_submitEvidence_onlyWhileOpen() public {
        uint256 id = _report();
        vm.expectEmit(address(curation));
        emit IEvidence.Evidence(arbitrator, id, stranger, "/ipfs/more");
        vm.prank(stranger);
        curation.submitEvidence(id, "/ipfs/more");
        vm.warp(block.timestamp + WINDOW);
        curation.executeDefault(id);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.ReportClosed.selector, id));
        curation.submitEvidence(id, "/ipfs/late");
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.ReportNotFound.selector, 5));
        curation.submitEvidence(5, "/ipfs/none");
    }

    function test_refusedPaymentIsCreditedAndWithdrawable() public {
        CoinRefuser refuser = new CoinRefuser();
        vm.deal(address(this), deposit);
        uint256 id = refuser.report{value: deposit}(curation, listing);
        vm.warp(block.timestamp + WINDOW);
        curation.executeDefault(id);
        assertEq(curation.owed(address(refuser)), deposit);
        vm.expectRevert(
            abi.encodeWithSelector(IListingCuration.NativeTransferFailed.selector, address(refuser), deposit)
        );
        refuser.withdrawFrom(curation);
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.NothingOwed.selector, reporter));
        curation.withdraw();
    }

    function test_setTerms_ownerOnlyAndChecked() public {
        vm.expectRevert();
        curation.setTerms(1, WINDOW);
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(IListingCuration.InvalidContestWindow.selector, 59 minutes));
        curation.setTerms(1, 59 minutes);
        curation.setTerms(1 ether, 1 days);
        vm.stopPrank();
        assertEq(curation.requiredDeposit(), 1 ether + FEE);
    }

    /// @dev Whatever the terms and ruling, the curation ends holding nothing but what it owes.
    function testFuzz_rule_paysOutEverything(uint96 base, uint96 fee, uint8 ruling) public {
        base = uint96(bound(base, 0, 10 ether));
        fee = uint96(bound(fee, 1, 10 ether));
        ruling = uint8(bound(ruling, 0, 2));
        arbitrator.setFee(fee);
        vm.prank(owner);
        curation.setTerms(base, WINDOW);
        deposit = curation.requiredDeposit();
        uint256 id = _report();
        uint256 disputeId = _contest(id);
        uint256 total = reporter.balance + seller.balance;
        arbitrator.giveRuling(disputeId, ruling);
        assertEq(reporter.balance + seller.balance, total + 2 * deposit - fee);
        assertEq(address(curation).balance, 0);
    }
}
