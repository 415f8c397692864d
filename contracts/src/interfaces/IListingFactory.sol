// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IListingFactory
/// @notice Deploys every listing as a clone of an approved template, in one transaction from the seller.
interface IListingFactory {
    /// @notice What a seller fills in to list an item.
    struct ListingParams {
        address currency;
        uint96 price;
        uint64 stock;
        /// @dev CID of the listing's metadata document (title, description, images, ...).
        string metadataCid;
        string title;
        string category;
        string location;
    }

    /// @notice The template is not approved for new listings.
    error TemplateNotApproved(address template);
    /// @notice The payment token is not approved.
    error CurrencyNotApproved(address currency);
    /// @notice A listing must have a price above zero.
    error ZeroPrice();
    /// @notice A listing must start with at least one item in stock.
    error ZeroStock();
    /// @notice A text field is empty or longer than its limit.
    error InvalidField(string field, uint256 length, uint256 maxLength);
    /// @notice Only the curator (the court's listing curation) may remove listings.
    error NotCurator(address caller);
    /// @notice The address is not a listing of this factory.
    error UnknownListing(address listing);
    /// @notice The zero address is not a template.
    error ZeroAddress();
    /// @notice A listing already exists at this template, seller, currency and salt.
    error ListingExists(address listing);
    /// @notice Policy rule: the DAO does not allow new listings in this category.
    error CategoryNotAllowed(string category);
    /// @notice Policy rule: the unit price is above the DAO's ceiling for this category and currency.
    error PriceAboveCeiling(string category, address currency, uint256 price, uint256 ceiling);

    /// @notice A listing was created. Carries everything search needs, so the index rebuilds from events alone.
    event ListingCreated(
        address indexed listing, address indexed seller, address indexed template, ListingParams params
    );
    /// @notice A template was approved or withdrawn for new listings.
    event TemplateApproved(address indexed template, bool approved);
    /// @notice A payment token was approved or withdrawn for new listings.
    event CurrencyApproved(address indexed currency, bool approved);
    /// @notice The address allowed to remove listings changed.
    event CuratorChanged(address indexed curator);
    /// @notice A listing was removed by the curator.
    event ListingRemoved(address indexed listing);
    /// @notice The contract that keeps the marketplace's rules and bonds changed.
    event PolicyChanged(address indexed policy);

    /// @notice Lists an item: deploys a clone of `template` with the caller as seller.
    /// @param salt Any number the seller has not used with this template and currency (the SDK picks a
    /// random one); it makes the address unique without a counter in storage.
    /// @return listing The new listing's address, its on-chain id.
    function createListing(address template, uint64 salt, ListingParams calldata params)
        external
        returns (address listing);

    /// @notice Approves or withdraws a template for new listings (owner only).
    function setTemplate(address template, bool approved) external;
    /// @notice Approves or withdraws an ERC-20 as a payment currency for new listings (owner only).
    function setCurrency(address currency, bool approved) external;
    /// @notice Sets who may remove listings (owner only): the court's listing curation.
    function setCurator(address curator) external;
    /// @notice Removes a listing for good (curator only). Open orders keep working.
    function removeListing(address listing) external;
    /// @notice Sets the contract that keeps the rules and bonds (owner only); zero checks no rules.
    function setPolicy(address policy) external;
    /// @notice Writes a compact rule into `target` (the escrow) for the policy (policy only).
    function forwardPolicyRule(address target, bytes32 key, uint256 value) external;
    /// @notice The compact rule or ceiling stored here under `key` (see `PolicyRules`).
    function policyRule(bytes32 key) external view returns (uint256);

    /// @notice Whether `template` may be used for new listings.
    function isTemplate(address template) external view returns (bool);
    /// @notice Whether `currency` may be used for new listings (the native coin always may).
    function isCurrency(address currency) external view returns (bool);
    /// @notice Whether `listing` is a clone this factory deployed.
    function isListing(address listing) external view returns (bool);
    /// @notice The address `createListing` deploys to for these inputs.
    function predictListing(address template, address seller, address currency, uint64 salt)
        external
        view
        returns (address);
    /// @notice Who may remove listings.
    function curator() external view returns (address);
    /// @notice The contract that keeps the marketplace's rules and bonds, and may write them here.
    function policy() external view returns (address);
}
