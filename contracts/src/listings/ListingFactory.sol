// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {IListing} from "../interfaces/IListing.sol";
import {IListingFactory} from "../interfaces/IListingFactory.sol";
import {ListingClone} from "../libraries/ListingClone.sol";

/// @title ListingFactory
/// @notice Deploys listings as clones of approved templates. The owner (the DAO's timelock once governance
/// is deployed) approves templates and payment tokens and names the curator that may remove listings.
contract ListingFactory is IListingFactory, Ownable2Step {
    uint256 private constant MAX_TITLE = 140;
    uint256 private constant MAX_CID = 100;
    uint256 private constant MAX_CATEGORY = 64;
    uint256 private constant MAX_LOCATION = 100;

    /// @inheritdoc IListingFactory
    mapping(address template => bool) public isTemplate;
    mapping(address currency => bool) private _currencies;
    /// @inheritdoc IListingFactory
    address public curator;

    constructor(address initialOwner) Ownable(initialOwner) {}

    /// @inheritdoc IListingFactory
    function createListing(address template, uint64 salt, ListingParams calldata params)
        external
        returns (address listing)
    {
        if (!isTemplate[template]) revert TemplateNotApproved(template);
        if (params.currency != address(0) && !_currencies[params.currency]) {
            revert CurrencyNotApproved(params.currency);
        }
        if (params.price == 0) revert ZeroPrice();
        if (params.stock == 0) revert ZeroStock();
        _checkField("metadataCid", bytes(params.metadataCid).length, 1, MAX_CID);
        _checkField("title", bytes(params.title).length, 1, MAX_TITLE);
        _checkField("category", bytes(params.category).length, 1, MAX_CATEGORY);
        _checkField("location", bytes(params.location).length, 0, MAX_LOCATION);

        bytes memory args = ListingClone.encodeArgs(msg.sender, params.currency, salt);
        listing = ListingClone.deploy(template, args, salt);
        if (listing == address(0)) {
            revert ListingExists(ListingClone.predict(template, args, salt, address(this)));
        }
        IListing(listing).initialize(params.price, params.stock);
        emit ListingCreated(listing, msg.sender, template, params);
    }

    /// @inheritdoc IListingFactory
    function setTemplate(address template, bool approved) external onlyOwner {
        if (template == address(0)) revert ZeroAddress();
        isTemplate[template] = approved;
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
    function removeListing(address listing) external {
        if (msg.sender != curator) revert NotCurator(msg.sender);
        if (!isListing(listing)) revert UnknownListing(listing);
        IListing(listing).remove();
        emit ListingRemoved(listing);
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

    function _checkField(string memory field, uint256 length, uint256 minLength, uint256 maxLength)
        private
        pure
    {
        if (length < minLength || length > maxLength) revert InvalidField(field, length, maxLength);
    }
}
