// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {IListing} from "../interfaces/IListing.sol";
import {IListingFactory} from "../interfaces/IListingFactory.sol";
import {IPolicy} from "../interfaces/IPolicy.sol";
import {IPolicyTarget} from "../interfaces/IPolicyTarget.sol";
import {ListingClone} from "../libraries/ListingClone.sol";
import {PolicyRules} from "../libraries/PolicyRules.sol";

/// @title ListingFactory
/// @notice Deploys listings as clones of approved templates. The owner (the DAO's timelock once governance
/// is deployed) approves templates and payment tokens, names the curator that may remove listings and the
/// policy whose rules every new listing must follow (see `Policy`).
contract ListingFactory is IListingFactory, IPolicyTarget, Ownable2Step {
    uint256 private constant MAX_TITLE = 140;
    uint256 private constant MAX_CID = 100;
    uint256 private constant MAX_CATEGORY = 64;
    uint256 private constant MAX_LOCATION = 100;

    /// @dev Bit 0: approved; bit 1: in `_templateList`; bits 8 and up: the policy's rule for categories
    /// without one of their own. Creation reads this word anyway, so that rule costs no storage read.
    uint256 private constant APPROVED = 1;
    uint256 private constant LISTED = 2;
    uint256 private constant DEFAULT_RULE_SHIFT = 8;

    mapping(address template => uint256) private _templates;
    /// @dev Every template ever approved, to stamp a new default rule into each (a handful, set by vote).
    address[] private _templateList;
    mapping(address currency => bool) private _currencies;
    /// @inheritdoc IListingFactory
    address public curator;
    /// @inheritdoc IListingFactory
    address public policy;
    /// @inheritdoc IListingFactory
    mapping(bytes32 key => uint256) public policyRule;

    constructor(address initialOwner) Ownable(initialOwner) {}

    /// @inheritdoc IListingFactory
    function createListing(address template, uint64 salt, ListingParams calldata params)
        external
        returns (address listing)
    {
        uint256 templateWord = _templates[template];
        if (templateWord & APPROVED == 0) revert TemplateNotApproved(template);
        if (params.currency != address(0) && !_currencies[params.currency]) {
            revert CurrencyNotApproved(params.currency);
        }
        if (params.price == 0) revert ZeroPrice();
        if (params.stock == 0) revert ZeroStock();
        _checkField("metadataCid", bytes(params.metadataCid).length, 1, MAX_CID);
        _checkField("title", bytes(params.title).length, 1, MAX_TITLE);
        _checkField("category", bytes(params.category).length, 1, MAX_CATEGORY);
        _checkField("location", bytes(params.location).length, 0, MAX_LOCATION);
        bytes32 categoryKey = PolicyRules.categoryKey(params.category);
        uint256 rule = _checkPolicy(params, categoryKey, templateWord >> DEFAULT_RULE_SHIFT);

        bytes memory args = ListingClone.encodeArgs(msg.sender, params.currency, salt);
        listing = ListingClone.deploy(template, args, salt);
        if (listing == address(0)) {
            revert ListingExists(ListingClone.predict(template, args, salt, address(this)));
        }
        IListing(listing).initialize(params.price, params.stock, PolicyRules.tag(categoryKey));
        emit ListingCreated(listing, msg.sender, template, params);
        uint256 bond = PolicyRules.bond(rule);
        if (bond != 0) IPolicy(policy).takeBond(listing, msg.sender, bond);
    }

    /// @inheritdoc IListingFactory
    function setTemplate(address template, bool approved) external onlyOwner {
        if (template == address(0)) revert ZeroAddress();
        uint256 word = _templates[template];
        if (word & LISTED == 0) _templateList.push(template);
        word = approved ? word | APPROVED | LISTED : (word & ~APPROVED) | LISTED;
        _templates[template] = _withDefaultRule(word);
        emit TemplateApproved(template, approved);
    }

    /// @inheritdoc IListingFactory
    function setCurrency(address currency, bool approved) external onlyOwner {
        if (currency == address(0)) revert ZeroAddress();
        _currencies[currency] = approved;
        emit CurrencyApproved(currency, approved);
    }

    /// @inheritdoc IListingFactory
    function setCurator(address newCurator) external onlyOwner {
        curator = newCurator;
        emit CuratorChanged(newCurator);
    }

    /// @inheritdoc IListingFactory
    function setPolicy(address newPolicy) external onlyOwner {
        policy = newPolicy;
        emit PolicyChanged(newPolicy);
    }

    /// @inheritdoc IPolicyTarget
    function setPolicyRule(bytes32 key, uint256 value) external {
        if (msg.sender != policy) revert NotPolicy(msg.sender);
        policyRule[key] = value;
        if (key == PolicyRules.DEFAULT_KEY) {
            uint256 n = _templateList.length;
            for (uint256 i; i < n; ++i) {
                address template = _templateList[i];
                _templates[template] = _withDefaultRule(_templates[template]);
            }
        }
    }

    /// @inheritdoc IListingFactory
    /// @dev Through the factory because the escrow already knows it: checking it costs the escrow less code
    /// than asking the factory who its policy is.
    function forwardPolicyRule(address target, bytes32 key, uint256 value) external {
        if (msg.sender != policy) revert NotPolicy(msg.sender);
        IPolicyTarget(target).setPolicyRule(key, value);
    }

    /// @inheritdoc IListingFactory
    function removeListing(address listing) external {
        if (msg.sender != curator) revert NotCurator(msg.sender);
        if (!isListing(listing)) revert UnknownListing(listing);
        IListing(listing).remove();
        emit ListingRemoved(listing);
    }

    /// @inheritdoc IListingFactory
    function isTemplate(address template) external view returns (bool) {
        return _templates[template] & APPROVED != 0;
    }

    /// @inheritdoc IListingFactory
    function isCurrency(address currency) external view returns (bool) {
        return currency == address(0) || _currencies[currency];
    }

    /// @inheritdoc IListingFactory
    function isListing(address listing) public view returns (bool) {
        (address seller,) = ListingClone.verify(listing, address(this));
        return seller != address(0);
    }

    /// @inheritdoc IListingFactory
    function predictListing(address template, address seller, address currency, uint64 salt)
        external
        view
        returns (address)
    {
        return ListingClone.predict(
            template, ListingClone.encodeArgs(seller, currency, salt), salt, address(this)
        );
    }

    /// @dev The category's compact rule (its own, else `defaultRule`, the one for categories without one),
    /// after checking it allows this listing. A rule's word is never zero, so zero means no rule at all.
    function _checkPolicy(ListingParams calldata params, bytes32 categoryKey, uint256 defaultRule)
        private
        view
        returns (uint256 rule)
    {
        rule = policyRule[categoryKey];
        if (rule == 0) rule = defaultRule;
        if (rule == 0) return 0;
        if (rule & PolicyRules.BANNED != 0) revert CategoryNotAllowed(params.category);
        if (rule & PolicyRules.HAS_CEILING != 0) {
            uint256 ceiling = policyRule[PolicyRules.ceilingKey(PolicyRules.index(rule), params.currency)];
            if (ceiling != 0 && params.price > ceiling) {
                revert PriceAboveCeiling(params.category, params.currency, params.price, ceiling);
            }
        }
    }

    function _withDefaultRule(uint256 templateWord) private view returns (uint256) {
        return (templateWord & ((1 << DEFAULT_RULE_SHIFT) - 1)) | policyRule[PolicyRules.DEFAULT_KEY]
            << DEFAULT_RULE_SHIFT;
    }

    function _checkField(string memory field, uint256 length, uint256 minLength, uint256 maxLength)
        private
        pure
    {
        if (length < minLength || length > maxLength) revert InvalidField(field, length, maxLength);
    }
}
