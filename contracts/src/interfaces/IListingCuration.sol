// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArbitrable} from "./IArbitrable.sol";
import {IArbitrator} from "./IArbitrator.sol";
import {IEvidence} from "./IEvidence.sol";
import {ListingStatus} from "./IListing.sol";

/// @title IListingCuration
/// @notice Reported listings go to the court. Anyone reports a listing with a deposit (a base deposit plus
/// the arbitration cost) and an evidence CID; the seller contests by matching it within the contest window,
/// or anyone removes the listing by default once the window ends. A contested report becomes an ERC-792
/// dispute: ruling 1 removes the listing, 2 keeps it, 0 (the court refused or tied) keeps it and shares the
/// deposits. The winner takes both deposits less the arbitration fee. See docs/court.md.
interface IListingCuration is IArbitrable, IEvidence {
    /// @notice Where a report stands.
    enum ReportState {
        None,
        /// @dev Waiting for the seller to contest until `deadline`.
        Pending,
        /// @dev Contested: at the arbitrator.
        Disputed,
        /// @dev Ended without a contest: the listing was removed by default.
        Defaulted,
        /// @dev Ended by the arbitrator's ruling.
        Resolved
    }

    /// @notice A report, as `reportOf` returns it.
    struct Report {
        address listing;
        /// @dev What each side pays: the base deposit plus the arbitration cost at the time of the report.
        uint96 deposit;
        address reporter;
        /// @dev End of the contest window.
        uint40 deadline;
        ReportState state;
        /// @dev The final ruling: 1 remove (also by default), 2 keep, 0 refused; 0 while open.
        uint8 ruling;
        IArbitrator arbitrator;
        /// @dev What the arbitrator charged when the report was contested.
        uint96 arbitrationFee;
        /// @dev The arbitrator's dispute id, once contested.
        uint256 disputeId;
    }

    /// @notice The address is not a listing of the marketplace's factory.
    error NotAListing(address listing);
    /// @notice Only an active or paused listing can be reported.
    error ListingNotOpen(address listing, ListingStatus status);
    /// @notice The listing already has an open report.
    error ReportAlreadyOpen(address listing, uint256 reportId);
    /// @notice The deposit must be exactly `required`.
    error WrongDeposit(uint256 required, uint256 paid);
    /// @notice No report has this id.
    error ReportNotFound(uint256 reportId);
    /// @notice The report is not waiting for a contest (it is `state`).
    error ReportNotPending(uint256 reportId, ReportState state);
    /// @notice Only the listing's seller may contest.
    error NotListingSeller(uint256 reportId, address caller);
    /// @notice The contest window ended at `deadline`.
    error ContestWindowOver(uint256 reportId, uint256 deadline);
    /// @notice The contest window runs until `deadline`: the report cannot default before.
    error ContestWindowOpen(uint256 reportId, uint256 deadline);
    /// @notice The arbitrator now charges `cost`, more than both deposits together (`deposits`).
    error ArbitrationCostAboveDeposits(uint256 cost, uint256 deposits);
    /// @notice Only the report's arbitrator may rule.
    error NotArbitrator(address caller);
    /// @notice The arbitrator has no open report under this dispute id.
    error UnknownReportDispute(address arbitrator, uint256 disputeId);
    /// @notice Rulings are 0 (refused), 1 (remove) or 2 (keep).
    error InvalidCurationRuling(uint256 ruling);
    /// @notice Evidence is accepted only while a report is open.
    error ReportClosed(uint256 reportId);
    /// @notice No arbitrator is set, so nothing can be reported.
    error NoArbitrator();
    /// @notice The contest window lasts from one hour to one year.
    error InvalidContestWindow(uint256 window);
    /// @notice Nothing is owed to the account.
    error NothingOwed(address account);
    /// @notice Sending native coin to `to` failed.
    error NativeTransferFailed(address to, uint256 amount);
    /// @notice The zero address is not allowed here.
    error ZeroAddress();

    /// @notice `reporter` reported `listing`, depositing `deposit`; the seller may contest until `deadline`.
    event ListingReported(
        uint256 indexed reportId,
        address indexed listing,
        address indexed reporter,
        uint256 deposit,
        uint256 deadline,
        string evidence
    );
    /// @notice The seller contested the report; the dispute is at `arbitrator` as `disputeId`.
    event ReportContested(uint256 indexed reportId, address indexed arbitrator, uint256 disputeId);
    /// @notice The report ended: `removed` tells whether the listing was removed now (false when the ruling
    /// keeps it, or the seller had already closed it), `ruling` is 1 for a default.
    event ReportResolved(uint256 indexed reportId, address indexed listing, uint256 ruling, bool removed);
    /// @notice Deposits paid out (pushed, or credited when the push failed).
    event DepositsPaid(uint256 indexed reportId, uint256 toReporter, uint256 toSeller);
    /// @notice A payment could not be pushed and waits in `owed`.
    event PaymentCredited(address indexed account, uint256 amount);
    /// @notice `account` withdrew what it was owed.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice The owner changed the arbitrator for new reports.
    event ArbitratorChanged(address indexed arbitrator, bytes extraData);
    /// @notice The owner changed the base deposit or the contest window for new reports.
    event TermsChanged(uint256 baseDeposit, uint256 contestWindow);

    /// @notice Reports `listing`, paying exactly `requiredDeposit()` in the native coin.
    function reportListing(address listing, string calldata evidence)
        external
        payable
        returns (uint256 reportId);
    /// @notice The listing's seller contests the report within the window, paying the report's deposit; the
    /// dispute is created at the report's arbitrator.
    function contestReport(uint256 reportId, string calldata evidence)
        external
        payable
        returns (uint256 disputeId);
    /// @notice After an uncontested window, removes the listing (if still open) and returns the reporter's
    /// deposit. Anyone may call it.
    function executeDefault(uint256 reportId) external;
    /// @notice Adds evidence (a CID) to an open report; anyone may.
    function submitEvidence(uint256 reportId, string calldata evidence) external;
    /// @notice Withdraws payments that could not be pushed.
    function withdraw() external;

    /// @notice Sets the arbitrator and its extra data for new reports (owner only).
    function setArbitrator(IArbitrator arbitrator, bytes calldata extraData) external;
    /// @notice Sets the base deposit and the contest window for new reports (owner only).
    function setTerms(uint96 baseDeposit, uint32 contestWindow) external;

    /// @notice What a report costs now: the base deposit plus the arbitrator's arbitration cost.
    function requiredDeposit() external view returns (uint256);
    /// @notice One report.
    function reportOf(uint256 reportId) external view returns (Report memory);
    /// @notice The open report of a listing, or zero (report ids start at 1).
    function openReportOf(address listing) external view returns (uint256);
    /// @notice What the contract owes `account`.
    function owed(address account) external view returns (uint256);
    /// @notice How many reports were made.
    function reportCount() external view returns (uint256);
}
