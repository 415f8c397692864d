// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IArbitrable} from "../interfaces/IArbitrable.sol";
import {IArbitrator} from "../interfaces/IArbitrator.sol";
import {IListing, ListingStatus} from "../interfaces/IListing.sol";
import {IListingCuration} from "../interfaces/IListingCuration.sol";
import {IListingFactory} from "../interfaces/IListingFactory.sol";

/// @title ListingCuration
/// @notice Reports of listings, settled by the court: uncontested reports remove the listing by default,
/// contested ones become ERC-792 disputes whose ruling is carried out here. It is the factory's curator, the
/// only address that may remove a listing. See `IListingCuration` and docs/court.md.
contract ListingCuration is IListingCuration, Ownable2Step, ReentrancyGuardTransient {
    uint256 private constant RULING_REMOVE = 1;
    uint256 private constant RULING_KEEP = 2;
    uint256 private constant CHOICES = 2;
    uint256 private constant MIN_WINDOW = 1 hours;
    uint256 private constant MAX_WINDOW = 365 days;
    /// @dev Enough for a smart-contract wallet to take a payment, too little to grief with.
    uint256 private constant PUSH_GAS = 35_000;
    /// @dev The one meta-evidence document: what a report is and what each ruling means.
    uint256 private constant META_EVIDENCE_ID = 0;

    IListingFactory public immutable FACTORY;

    IArbitrator private _arbitrator;
    uint96 private _baseDeposit;
    uint32 private _contestWindow;
    bytes private _extraData;
    uint256 private _reportCount;

    mapping(uint256 reportId => Report) private _reports;
    mapping(address listing => uint256 reportId) private _openReport;
    mapping(IArbitrator arbitrator => mapping(uint256 disputeId => uint256 reportId)) private
        _reportOfDispute;
    mapping(address account => uint256) private _owed;

    constructor(
        IListingFactory factory_,
        IArbitrator arbitrator_,
        bytes memory extraData,
        uint96 baseDeposit,
        uint32 contestWindow,
        string memory metaEvidence,
        address initialOwner
    ) Ownable(initialOwner) {
        if (address(factory_) == address(0)) revert ZeroAddress();
        FACTORY = factory_;
        _setArbitrator(arbitrator_, extraData);
        _setTerms(baseDeposit, contestWindow);
        emit MetaEvidence(META_EVIDENCE_ID, metaEvidence);
    }

    /// @inheritdoc IListingCuration
    function reportListing(address listing, string calldata evidence)
        external
        payable
        nonReentrant
        returns (uint256 reportId)
    {
        if (!FACTORY.isListing(listing)) revert NotAListing(listing);
        ListingStatus status = IListing(listing).status();
        if (status != ListingStatus.Active && status != ListingStatus.Paused) {
            revert ListingNotOpen(listing, status);
        }
        uint256 open = _openReport[listing];
        if (open != 0) revert ReportAlreadyOpen(listing, open);
        IArbitrator arb = _arbitrator;
        if (address(arb) == address(0)) revert NoArbitrator();
        uint256 required = _baseDeposit + arb.arbitrationCost(_extraData);
        if (msg.value != required) revert WrongDeposit(required, msg.value);

        reportId = ++_reportCount;
        uint256 deadline = block.timestamp + _contestWindow;
        _reports[reportId] = Report({
            listing: listing,
            deposit: uint96(required),
            reporter: msg.sender,
            deadline: uint40(deadline),
            state: ReportState.Pending,
            ruling: 0,
            arbitrator: arb,
            arbitrationFee: 0,
            disputeId: 0
        });
        _openReport[listing] = reportId;
        emit ListingReported(reportId, listing, msg.sender, required, deadline, evidence);
        emit Evidence(arb, reportId, msg.sender, evidence);
    }

    /// @inheritdoc IListingCuration
    function contestReport(uint256 reportId, string calldata evidence)
        external
        payable
        nonReentrant
        returns (uint256 disputeId)
    {
        Report storage report = _pending(reportId);
        if (msg.sender != IListing(report.listing).seller()) revert NotListingSeller(reportId, msg.sender);
        if (block.timestamp >= report.deadline) revert ContestWindowOver(reportId, report.deadline);
        uint256 deposit = report.deposit;
        if (msg.value != deposit) revert WrongDeposit(deposit, msg.value);
        IArbitrator arb = report.arbitrator;
        uint256 cost = arb.arbitrationCost(_extraData);
        if (cost > 2 * deposit) revert ArbitrationCostAboveDeposits(cost, 2 * deposit);

        report.state = ReportState.Disputed;
        // Fits: cost <= 2 * deposit, and a deposit is a msg.value, far below 2^95 on any real chain.
        report.arbitrationFee = uint96(cost);
        // The arbitrator was chosen by governance; its id is needed to route the ruling back.
        disputeId = arb.createDispute{value: cost}(CHOICES, _extraData);
        report.disputeId = disputeId;
        _reportOfDispute[arb][disputeId] = reportId;
        emit ReportContested(reportId, address(arb), disputeId);
        emit Dispute(arb, disputeId, META_EVIDENCE_ID, reportId);
        if (bytes(evidence).length != 0) emit Evidence(arb, reportId, msg.sender, evidence);
    }

    /// @inheritdoc IListingCuration
    function executeDefault(uint256 reportId) external nonReentrant {
        Report storage report = _pending(reportId);
        if (block.timestamp < report.deadline) revert ContestWindowOpen(reportId, report.deadline);
        report.state = ReportState.Defaulted;
        report.ruling = uint8(RULING_REMOVE);
        address listing = report.listing;
        delete _openReport[listing];
        bool removed = _remove(listing);
        emit ReportResolved(reportId, listing, RULING_REMOVE, removed);
        emit DepositsPaid(reportId, report.deposit, 0);
        _pay(report.reporter, report.deposit);
    }

    /// @inheritdoc IArbitrable
    function rule(uint256 disputeId, uint256 ruling) external nonReentrant {
        IArbitrator arb = IArbitrator(msg.sender);
        uint256 reportId = _reportOfDispute[arb][disputeId];
        if (reportId == 0) revert UnknownReportDispute(msg.sender, disputeId);
        Report storage report = _reports[reportId];
        if (report.arbitrator != arb) revert NotArbitrator(msg.sender);
        if (report.state != ReportState.Disputed) revert UnknownReportDispute(msg.sender, disputeId);
        if (ruling > CHOICES) revert InvalidCurationRuling(ruling);

        report.state = ReportState.Resolved;
        report.ruling = uint8(ruling);
        address listing = report.listing;
        delete _openReport[listing];
        delete _reportOfDispute[arb][disputeId];
        emit Ruling(arb, disputeId, ruling);
        bool removed = ruling == RULING_REMOVE && _remove(listing);
        emit ReportResolved(reportId, listing, ruling, removed);

        // Both deposits less the fee the arbitrator took: to the winner, or half each on a refusal.
        uint256 pot = 2 * uint256(report.deposit) - report.arbitrationFee;
        uint256 toReporter;
        if (ruling == RULING_REMOVE) toReporter = pot;
        else if (ruling == 0) toReporter = pot / 2;
        uint256 toSeller = pot - toReporter;
        emit DepositsPaid(reportId, toReporter, toSeller);
        if (toReporter != 0) _pay(report.reporter, toReporter);
        if (toSeller != 0) _pay(IListing(listing).seller(), toSeller);
    }

    /// @inheritdoc IListingCuration
    function submitEvidence(uint256 reportId, string calldata evidence) external {
        Report storage report = _reports[reportId];
        if (report.state == ReportState.None) revert ReportNotFound(reportId);
        if (report.state != ReportState.Pending && report.state != ReportState.Disputed) {
            revert ReportClosed(reportId);
        }
        emit Evidence(report.arbitrator, reportId, msg.sender, evidence);
    }

    /// @inheritdoc IListingCuration
    function withdraw() external nonReentrant {
        uint256 amount = _owed[msg.sender];
        if (amount == 0) revert NothingOwed(msg.sender);
        delete _owed[msg.sender];
        emit Withdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert NativeTransferFailed(msg.sender, amount);
    }

    /// @inheritdoc IListingCuration
    function setArbitrator(IArbitrator arbitrator_, bytes calldata extraData) external onlyOwner {
        _setArbitrator(arbitrator_, extraData);
    }

    /// @inheritdoc IListingCuration
    function setTerms(uint96 baseDeposit, uint32 contestWindow) external onlyOwner {
        _setTerms(baseDeposit, contestWindow);
    }

    /// @inheritdoc IListingCuration
    function requiredDeposit() external view returns (uint256) {
        if (address(_arbitrator) == address(0)) revert NoArbitrator();
        return _baseDeposit + _arbitrator.arbitrationCost(_extraData);
    }

    /// @inheritdoc IListingCuration
    function reportOf(uint256 reportId) external view returns (Report memory) {
        return _reports[reportId];
    }

    /// @inheritdoc IListingCuration
    function openReportOf(address listing) external view returns (uint256) {
        return _openReport[listing];
    }

    /// @inheritdoc IListingCuration
    function owed(address account) external view returns (uint256) {
        return _owed[account];
    }

    /// @inheritdoc IListingCuration
    function reportCount() external view returns (uint256) {
        return _reportCount;
    }

    /// @notice The arbitrator for new reports and its extra data.
    function arbitrator() external view returns (IArbitrator, bytes memory) {
        return (_arbitrator, _extraData);
    }

    /// @notice The base deposit and contest window for new reports.
    function terms() external view returns (uint256 baseDeposit, uint256 contestWindow) {
        return (_baseDeposit, _contestWindow);
    }

    function _pending(uint256 reportId) private view returns (Report storage report) {
        report = _reports[reportId];
        if (report.state == ReportState.None) revert ReportNotFound(reportId);
        if (report.state != ReportState.Pending) revert ReportNotPending(reportId, report.state);
    }

    /// @dev Removes the listing through the factory; false (and no revert) if the listing is no longer open,
    /// for example because its seller closed it meanwhile, so a ruling always completes.
    function _remove(address listing) private returns (bool) {
        ListingStatus status = IListing(listing).status();
        if (status != ListingStatus.Active && status != ListingStatus.Paused) return false;
        try FACTORY.removeListing(listing) {
            return true;
        } catch {
            return false;
        }
    }

    /// @dev Pushes native coin with a small gas stipend; credits it to `owed` if the push fails, so one
    /// refusing receiver cannot block a ruling.
    function _pay(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount, gas: PUSH_GAS}("");
        if (!ok) {
            _owed[to] += amount;
            emit PaymentCredited(to, amount);
        }
    }

    function _setArbitrator(IArbitrator arbitrator_, bytes memory extraData) private {
        _arbitrator = arbitrator_;
        _extraData = extraData;
        emit ArbitratorChanged(address(arbitrator_), extraData);
    }

    function _setTerms(uint96 baseDeposit, uint32 contestWindow) private {
        if (contestWindow < MIN_WINDOW || contestWindow > MAX_WINDOW) {
            revert InvalidContestWindow(contestWindow);
        }
        _baseDeposit = baseDeposit;
        _contestWindow = contestWindow;
        emit TermsChanged(baseDeposit, contestWindow);
    }
}
