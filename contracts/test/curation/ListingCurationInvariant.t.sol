// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

import {ListingCuration} from "../../src/curation/ListingCuration.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {IListingCuration} from "../../src/interfaces/IListingCuration.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {TestArbitrator} from "../utils/TestArbitrator.sol";

/// @notice Reports, contests, defaults, rulings, closures and withdrawals in any order, by reporters one of
/// which refuses the native coin (so payments to it are credited).
contract CurationHandler is CommonBase, StdCheats, StdUtils {
    ListingCuration internal immutable curation;
    TestArbitrator internal immutable arbitrator;
    address[] internal listings;
    address[] internal reporters;
    address internal immutable seller;

    uint256[] public reportIds;
    mapping(uint256 reportId => uint256) public ruledTimes;

    constructor(
        ListingCuration curation_,
        TestArbitrator arbitrator_,
        address[] memory listings_,
        address[] memory reporters_,
        address seller_
    ) {
        curation = curation_;
        arbitrator = arbitrator_;
        listings = listings_;
        reporters = reporters_;
        seller = seller_;
    }

    function reportCount() external view returns (uint256) {
        return reportIds.length;
    }

    function report(uint256 who, uint256 which) external {
        address listing = listings[which % listings.length];
        if (curation.openReportOf(listing) != 0) return;
        uint8 status = uint8(IListing(listing).status());
        if (status != 1 && status != 2) return;
        uint256 deposit = curation.requiredDeposit();
        address reporter = reporters[who % reporters.length];
        vm.deal(reporter, deposit);
        vm.prank(reporter);
        reportIds.push(curation.reportListing{value: deposit}(listing, "/ipfs/report"));
    }

    function contest(uint256 pick) external {
        if (reportIds.length == 0) return;
        uint256 id = reportIds[pick % reportIds.length];
        IListingCuration.Report memory r = curation.reportOf(id);
        if (r.state != IListingCuration.ReportState.Pending || block.timestamp >= r.deadline) return;
        // A fee above both deposits is refused (ArbitrationCostAboveDeposits, tested on its own).
        if (arbitrator.fee() > 2 * uint256(r.deposit)) return;
        vm.deal(seller, r.deposit);
        vm.prank(seller);
        curation.contestReport{value: r.deposit}(id, "");
    }

    function expire(uint256 pick) external {
        if (reportIds.length == 0) return;
        uint256 id = reportIds[pick % reportIds.length];
        IListingCuration.Report memory r = curation.reportOf(id);
        if (r.state != IListingCuration.ReportState.Pending) return;
        if (block.timestamp < r.deadline) vm.warp(r.deadline);
        curation.executeDefault(id);
        ++ruledTimes[id];
    }

    function rule(uint256 pick, uint256 ruling) external {
        if (reportIds.length == 0) return;
        uint256 id = reportIds[pick % reportIds.length];
        IListingCuration.Report memory r = curation.reportOf(id);
        if (r.state != IListingCuration.ReportState.Disputed) return;
        arbitrator.giveRuling(r.disputeId, bound(ruling, 0, 2));
        ++ruledTimes[id];
    }

    function closeListing(uint256 which) external {
        address listing = listings[which % listings.length];
        uint8 status = uint8(IListing(listing).status());
        if (status != 1 && status != 2) return;
        vm.prank(seller);
        IListing(listing).close();
    }

    function setFee(uint256 fee) external {
        arbitrator.setFee(bound(fee, 0.001 ether, 1 ether));
    }
}

contract ListingCurationInvariantTest is MarketFixture {
    ListingCuration internal curation;
    CurationHandler internal handler;
    address internal refuser;
    address internal reporter = makeAddr("reporter");

    function setUp() public override {
        super.setUp();
        curation = new ListingCuration(factory, arbitrator, "", 0.1 ether, 3 days, "/ipfs/meta", owner);
        vm.prank(owner);
        factory.setCurator(address(curation));
        address[] memory listings = new address[](4);
        for (uint256 i; i < 4; ++i) {
            listings[i] = _list(address(0), PRICE, STOCK);
        }
        address[] memory reporters = new address[](2);
        reporters[0] = reporter;
        // A contract without a receive function: every payment to it is credited.
        refuser = address(new NoReceive());
        reporters[1] = refuser;
        handler = new CurationHandler(curation, arbitrator, listings, reporters, seller);
        arbitrator.setCourt(address(handler));
        targetContract(address(handler));
    }

    /// @dev The curation holds exactly the deposits of open reports (less fees paid) and what it owes.
    function invariant_balanceEqualsOpenDepositsPlusOwed() public view {
        uint256 held = curation.owed(refuser) + curation.owed(reporter) + curation.owed(seller);
        for (uint256 i; i < handler.reportCount(); ++i) {
            IListingCuration.Report memory r = curation.reportOf(handler.reportIds(i));
            if (r.state == IListingCuration.ReportState.Pending) held += r.deposit;
            if (r.state == IListingCuration.ReportState.Disputed) {
                held += 2 * uint256(r.deposit) - r.arbitrationFee;
            }
        }
        assertEq(address(curation).balance, held);
    }

    /// @dev Every report ends once: by default or by one ruling.
    function invariant_reportEndsOnce() public view {
        for (uint256 i; i < handler.reportCount(); ++i) {
            assertLe(handler.ruledTimes(handler.reportIds(i)), 1);
        }
    }
}

contract NoReceive {}
