// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Lifecycle of a listing. `None` is an uninitialised clone.
enum ListingStatus {
    None,
    Active,
    Paused,
    Closed,
    Removed
}

/// @title IListing
/// @notice A listing is one EIP-1167 clone of a DAO-approved template. Terms that never change (seller,
/// currency, salt) are immutable clone args; price, stock and status share one storage slot.
/// @dev Every template's clone args start with `seller (20) | currency (20) | salt (8)`, so the escrow can
/// verify any template's clone without knowing the template.
interface IListing {
    /// @notice The caller is not this listing's seller.
    error NotSeller(address caller);
    /// @notice Only the marketplace escrow may take or return stock.
    error NotEscrow(address caller);
    /// @notice Only the listing factory may initialise or remove a listing.
    error NotFactory(address caller);
    /// @notice The listing was already initialised.
    error AlreadyInitialized();
    /// @notice The listing cannot be bought or changed in its current status.
    error ListingNotActive(ListingStatus status);
    /// @notice The listing is closed or removed for good.
    error ListingFinal(ListingStatus status);
    /// @notice Fewer items are in stock than were asked for.
    error InsufficientStock(uint256 requested, uint256 available);
    /// @notice A quantity of zero was asked for.
    error ZeroQuantity();
    /// @notice A price must be above zero.
    error ZeroPrice();

    /// @notice The seller set a new unit price.
    event PriceChanged(uint256 price);
    /// @notice The seller set the number of items in stock.
    event StockChanged(uint256 stock);
    /// @notice The listing was paused, resumed, closed or removed.
    event StatusChanged(ListingStatus status);

    /// @notice Sets the opening price and stock; called once by the factory in the creation transaction.
    /// @param categoryTag The 24-bit tag of the listing's category (`PolicyRules.tag`), by which the escrow
    /// finds the category's purchase rules.
    function initialize(uint96 price, uint64 stock, uint24 categoryTag) external;

    /// @notice Takes `quantity` items from stock for a purchase. Only the escrow may call it; the escrow
    /// verifies the clone from its code before calling.
    /// @return unitPrice The current unit price.
    /// @return categoryTag The tag of the listing's category, for the escrow's policy check.
    function purchase(uint32 quantity) external returns (uint256 unitPrice, uint256 categoryTag);

    /// @notice Returns `quantity` items to stock after a refund or a cancelled order. Never reverts for the
    /// escrow, whatever the listing's status, so a refund can never be blocked.
    function restock(uint32 quantity) external;

    /// @notice Sets a new unit price (seller only; not once closed or removed).
    function setPrice(uint96 price) external;
    /// @notice Sets the number of items in stock (seller only; not once closed or removed).
    function setStock(uint64 stock) external;
    /// @notice Stops sales until `resume` (seller only).
    function pause() external;
    /// @notice Reopens a paused listing (seller only).
    function resume() external;
    /// @notice Ends the listing for good (seller only). Open orders keep working.
    function close() external;
    /// @notice Ends the listing for good after a court ruling (factory only). Open orders keep working.
    function remove() external;

    /// @notice The seller's address.
    function seller() external view returns (address);
    /// @notice The payment currency; address(0) is the native coin.
    function currency() external view returns (address);
    /// @notice The unit price buyers pay now.
    function price() external view returns (uint256);
    /// @notice Items left in stock.
    function stock() external view returns (uint256);
    /// @notice Items sold and not refunded.
    function sold() external view returns (uint256);
    /// @notice The listing's status.
    function status() external view returns (ListingStatus);
    /// @notice The 24-bit tag of the listing's category, fixed at creation (`PolicyRules.tag`).
    function categoryTag() external view returns (uint256);
    /// @notice The CREATE2 salt the seller chose, which makes the listing's address unique.
    function salt() external view returns (uint256);
    /// @notice The template this listing is a clone of.
    function template() external view returns (address);
    /// @notice The factory that created it.
    function factory() external view returns (address);
    /// @notice The escrow that sells it.
    function escrow() external view returns (address);
}
