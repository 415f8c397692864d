// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IListing, ListingStatus} from "../interfaces/IListing.sol";
import {IListingFactory} from "../interfaces/IListingFactory.sol";
import {IPolicy} from "../interfaces/IPolicy.sol";
import {IPolicyTarget} from "../interfaces/IPolicyTarget.sol";
import {PolicyRules} from "../libraries/PolicyRules.sol";

/// @title Policy
/// @notice Keeps the marketplace's rules (owned by the DAO's timelock) and the sellers' bonds. Every change
/// is written in compact form into the factory, which checks it from its own storage.
contract Policy is IPolicy, Ownable2Step {
    using SafeERC20 for IERC20;

    uint256 private constant MAX_CATEGORY = 64;
    uint256 private constant MIN_RELEASE_DELAY = 1 days;
    uint256 private constant MAX_RELEASE_DELAY = 365 days;

    IPolicyTarget private immutable FACTORY;
    IERC20 private immutable TOKEN;

    /// @inheritdoc IPolicy
    uint256 public bondReleaseDelay = 30 days;
    uint24 private _categoryCount;
    mapping(bytes32 categoryKey => uint24) private _indexOf;
    mapping(uint24 index => Rule) private _rules;
    mapping(uint24 index => mapping(address currency => uint256)) private _ceilings;
    mapping(uint24 index => uint256) private _ceilingCount;
    mapping(address listing => Bond) private _bonds;

    /// @param initialOwner Who sets the rules (the deployer, which hands them to the timelock).
    /// @param factory The listing factory, which checks listings and calls `takeBond`.
    /// @param token The DAO token bonds are posted in.
    constructor(address initialOwner, IPolicyTarget factory, IERC20 token) Ownable(initialOwner) {
        FACTORY = factory;
        TOKEN = token;
        // Categories without a rule of their own start allowed, without bond.
        _rules[0].allowed = true;
    }

    // ------------------------------------------------------------------ rules (owner)

    /// @inheritdoc IPolicy
    function setCategoryRule(string calldata category, Rule calldata rule) external onlyOwner {
        uint24 index = _index(category);
        _rules[index] = rule;
        emit CategoryRuleSet(category, index, rule);
        _publish(category, index);
    }

    /// @inheritdoc IPolicy
    function setPriceCeiling(string calldata category, address currency, uint256 ceiling) external onlyOwner {
        uint24 index = _index(category);
        uint256 previous = _ceilings[index][currency];
        _ceilings[index][currency] = ceiling;
        if (previous == 0 && ceiling != 0) ++_ceilingCount[index];
        else if (previous != 0 && ceiling == 0) --_ceilingCount[index];
        emit PriceCeilingSet(category, index, currency, ceiling);
        FACTORY.setPolicyRule(PolicyRules.ceilingKey(index, currency), ceiling);
        _publish(category, index);
    }

    /// @inheritdoc IPolicy
    function setBondReleaseDelay(uint256 delay) external onlyOwner {
        if (delay < MIN_RELEASE_DELAY || delay > MAX_RELEASE_DELAY) revert InvalidReleaseDelay(delay);
        bondReleaseDelay = delay;
        emit BondReleaseDelaySet(delay);
    }

    // ------------------------------------------------------------------ bonds

    /// @inheritdoc IPolicy
    function takeBond(address listing, address seller, uint256 amount) external {
        if (msg.sender != address(FACTORY)) revert NotFactory(msg.sender);
        // Overflow not possible: the amount comes from a rule's 96-bit bond.
        // forge-lint: disable-next-line(unsafe-typecast)
        _bonds[listing] = Bond({seller: seller, amount: uint96(amount), releasableAt: 0});
        emit BondPosted(listing, seller, amount);
        TOKEN.safeTransferFrom(seller, address(this), amount);
    }

    /// @inheritdoc IPolicy
    function slashBond(address listing, address to) external returns (uint256 amount) {
        if (msg.sender != IListingFactory(address(FACTORY)).curator()) revert NotCurator(msg.sender);
        amount = _bonds[listing].amount;
        if (amount == 0) return 0;
        delete _bonds[listing];
        emit BondSlashed(listing, to, amount);
        TOKEN.safeTransfer(to, amount);
    }

    /// @inheritdoc IPolicy
    function requestBondRelease(address listing) external {
        Bond storage bond = _ownBond(listing);
        if (IListing(listing).status() != ListingStatus.Closed) revert ListingNotClosed(listing);
        uint256 releasableAt = block.timestamp + bondReleaseDelay;
        // Overflow not possible: a timestamp plus at most a year fits 40 bits until year 36812.
        // forge-lint: disable-next-line(unsafe-typecast)
        bond.releasableAt = uint40(releasableAt);
        emit BondReleaseRequested(listing, releasableAt);
    }

    /// @inheritdoc IPolicy
    function releaseBond(address listing) external {
        Bond memory bond = _ownBond(listing);
        if (bond.releasableAt == 0 || block.timestamp < bond.releasableAt) {
            revert BondLocked(listing, bond.releasableAt);
        }
        delete _bonds[listing];
        emit BondReleased(listing, bond.seller, bond.amount);
        TOKEN.safeTransfer(bond.seller, bond.amount);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IPolicy
    function ruleOf(string calldata category) external view returns (Rule memory rule, uint24 index) {
        index = bytes(category).length == 0 ? 0 : _indexOf[keccak256(bytes(category))];
        rule = _rules[index];
    }

    /// @inheritdoc IPolicy
    function priceCeiling(string calldata category, address currency) external view returns (uint256) {
        uint24 index = bytes(category).length == 0 ? 0 : _indexOf[keccak256(bytes(category))];
        return _ceilings[index][currency];
    }

    /// @inheritdoc IPolicy
    function bondOf(address listing) external view returns (Bond memory) {
        return _bonds[listing];
    }

    /// @inheritdoc IPolicy
    function bondToken() external view returns (address) {
        return address(TOKEN);
    }

    // ------------------------------------------------------------------ internals

    /// @dev The category's index, giving it one (and a copy of the default rule) the first time.
    function _index(string calldata category) private returns (uint24 index) {
        if (bytes(category).length == 0) return 0;
        if (bytes(category).length > MAX_CATEGORY) revert InvalidCategory(bytes(category).length);
        bytes32 key = keccak256(bytes(category));
        index = _indexOf[key];
        if (index == 0) {
            if (_categoryCount == type(uint24).max) revert TooManyCategories();
            index = ++_categoryCount;
            _indexOf[key] = index;
            _rules[index] = _rules[0];
        }
    }

    /// @dev Writes the category's compact rule into the factory.
    function _publish(string calldata category, uint24 index) private {
        Rule memory rule = _rules[index];
        uint256 word = PolicyRules.pack(index, !rule.allowed, _ceilingCount[index] != 0, rule.bond);
        FACTORY.setPolicyRule(
            bytes(category).length == 0 ? PolicyRules.DEFAULT_KEY : keccak256(bytes(category)), word
        );
    }

    function _ownBond(address listing) private view returns (Bond storage bond) {
        bond = _bonds[listing];
        if (bond.amount == 0) revert NoBond(listing);
        if (msg.sender != bond.seller) revert NotBondSeller(listing, msg.sender);
    }
}
