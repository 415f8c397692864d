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
/// is written in compact form into the factory and the escrow, which check it from their own storage at
/// creation and at purchase (see `PolicyRules`).
contract Policy is IPolicy, Ownable2Step {
    using SafeERC20 for IERC20;

    uint256 private constant MAX_CATEGORY = 64;
    uint256 private constant MIN_RELEASE_DELAY = 1 days;
    uint256 private constant MAX_RELEASE_DELAY = 365 days;

    IPolicyTarget private immutable FACTORY;
    IPolicyTarget private immutable ESCROW;
    IERC20 private immutable TOKEN;

    /// @inheritdoc IPolicy
    uint256 public bondReleaseDelay = 30 days;
    uint24 private _categoryCount;
    mapping(bytes32 categoryKey => uint24) private _indexOf;
    mapping(uint24 index => Rule) private _rules;
    mapping(uint24 index => mapping(address currency => uint256)) private _ceilings;
    mapping(uint24 index => uint256) private _ceilingCount;
    mapping(address listing => Bond) private _bonds;
    /// @dev The category index that owns each tag; two categories with rules never share a tag.
    mapping(uint24 tag => uint24 index) private _indexOfTag;
    /// @dev Whether the category's rule has a purchase-time part (ban, escrow only or a ceiling), as last
    /// published, and how many such categories fall on each bit of the escrow's filter.
    mapping(uint24 index => bool) private _ruledAtPurchase;
    mapping(uint256 filterBit => uint256) private _ruledOnBit;
    /// @dev The filter bits of categories ruled at purchase (without the default rule's all-ones).
    uint256 private _filterBits;

    /// @param initialOwner Who sets the rules (the deployer, which hands them to the timelock).
    /// @param factory The listing factory, which checks listings and calls `takeBond`.
    /// @param escrow The escrow, which checks purchases (written through the factory).
    /// @param token The DAO token bonds are posted in.
    constructor(address initialOwner, IPolicyTarget factory, IPolicyTarget escrow, IERC20 token)
        Ownable(initialOwner)
    {
        FACTORY = factory;
        ESCROW = escrow;
        TOKEN = token;
        // Categories without a rule of their own start allowed, without escrow or bond.
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
        _forward(PolicyRules.ceilingKey(_escrowIndex(category), currency), ceiling);
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
    function purchaseRule(uint256 categoryTag, address currency)
        external
        view
        returns (bool banned, bool escrowRequired, uint256 ceiling)
    {
        // The escrow's lookup: the tag's own rule when a category with a rule owns it, else the default.
        // Forge-lint: the tag is a listing's 24-bit tag.
        // forge-lint: disable-next-line(unsafe-typecast)
        uint24 index = _indexOfTag[uint24(categoryTag)];
        Rule memory rule = _rules[index];
        return (!rule.allowed, rule.escrowRequired, _ceilings[index][currency]);
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
            uint24 tag = PolicyRules.tag(key);
            if (_indexOfTag[tag] != 0) revert CategoryTagTaken(category, tag);
            index = ++_categoryCount;
            _indexOf[key] = index;
            _indexOfTag[tag] = index;
            _rules[index] = _rules[0];
        }
    }

    /// @dev Writes the category's compact rule into the factory (by name) and the escrow (by tag), and
    /// updates the escrow's filter when the category starts or stops having a purchase rule.
    function _publish(string calldata category, uint24 index) private {
        Rule memory rule = _rules[index];
        uint256 word =
            PolicyRules.pack(index, !rule.allowed, _ceilingCount[index] != 0, rule.escrowRequired, rule.bond);
        bool isDefault = bytes(category).length == 0;
        FACTORY.setPolicyRule(isDefault ? PolicyRules.DEFAULT_KEY : keccak256(bytes(category)), word);
        _forward(PolicyRules.purchaseKey(_escrowIndex(category)), word);

        bool ruled = word & PolicyRules.PURCHASE_RULES != 0;
        if (ruled == _ruledAtPurchase[index]) return;
        _ruledAtPurchase[index] = ruled;
        if (!isDefault) {
            uint256 bit = PolicyRules.filterBit(PolicyRules.tag(keccak256(bytes(category))));
            uint256 onBit = ruled ? ++_ruledOnBit[bit] : --_ruledOnBit[bit];
            if (ruled && onBit == 1) _filterBits |= 1 << bit;
            else if (!ruled && onBit == 0) _filterBits &= ~(1 << bit);
        }
        // A default rule with a purchase part concerns every category: every purchase must look.
        uint256 filter = _ruledAtPurchase[0] ? PolicyRules.FILTER_ALL : _filterBits;
        emit PurchaseFilterSet(filter);
        _forward(PolicyRules.FILTER_KEY, filter);
    }

    /// @dev The index under which the escrow keeps a category's rule: its tag, or `DEFAULT_INDEX`.
    function _escrowIndex(string calldata category) private pure returns (uint256) {
        if (bytes(category).length == 0) return PolicyRules.DEFAULT_INDEX;
        return PolicyRules.tag(keccak256(bytes(category)));
    }

    function _forward(bytes32 key, uint256 value) private {
        IListingFactory(address(FACTORY)).forwardPolicyRule(address(ESCROW), key, value);
    }

    function _ownBond(address listing) private view returns (Bond storage bond) {
        bond = _bonds[listing];
        if (bond.amount == 0) revert NoBond(listing);
        if (msg.sender != bond.seller) revert NotBondSeller(listing, msg.sender);
    }
}
