// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IPolicy
/// @notice The marketplace's rules as data, changed by governance: which categories are allowed, price
/// ceilings per category and currency, categories that require escrow, and a seller bond per category in the
/// DAO token, slashed when the court removes the listing. The factory checks them when a listing is created
/// and the escrow when it is bought (the rules as they are at that moment); this contract keeps the rules,
/// writes their compact form into both, and holds the bonds.
interface IPolicy {
    /// @notice One category's rule.
    struct Rule {
        /// @dev False bans the category: no new listings and no purchases of existing ones.
        bool allowed;
        /// @dev Purchases must go through escrow (no direct payment to the seller).
        bool escrowRequired;
        /// @dev Tokens a seller deposits per listing; zero for none.
        uint96 bond;
    }

    /// @notice A bond held for a listing.
    struct Bond {
        address seller;
        uint96 amount;
        /// @dev When the seller may take it back; zero until the seller asked.
        uint40 releasableAt;
    }

    /// @notice Only the listing factory may take bonds.
    error NotFactory(address caller);
    /// @notice Only the factory's curator (the court's listing curation) may slash bonds.
    error NotCurator(address caller);
    /// @notice Only the listing's seller may get its bond back.
    error NotBondSeller(address listing, address caller);
    /// @notice The listing has no bond.
    error NoBond(address listing);
    /// @notice A bond is returned only for a closed listing.
    error ListingNotClosed(address listing);
    /// @notice The bond's release delay has not passed (or the release was not requested).
    error BondLocked(address listing, uint256 releasableAt);
    /// @notice A category name is longer than the factory allows.
    error InvalidCategory(uint256 length);
    /// @notice Too many categories have a rule.
    error TooManyCategories();
    /// @notice Another category with a rule has the same 24-bit tag (`PolicyRules.tag`), by which the escrow
    /// finds purchase rules; the two could not be told apart at purchase.
    error CategoryTagTaken(string category, uint24 tag);
    /// @notice The bond's release delay is outside one day to one year.
    error InvalidReleaseDelay(uint256 delay);

    /// @notice Governance set the rule of `category` ("" for every category without a rule of its own).
    event CategoryRuleSet(string category, uint24 indexed index, Rule rule);
    /// @notice Governance set the price ceiling of `category` in `currency` (zero for none).
    event PriceCeilingSet(string category, uint24 indexed index, address indexed currency, uint256 ceiling);
    /// @notice The escrow's filter of category tags with a purchase rule changed (all ones: every purchase is
    /// checked, because the default rule has a purchase part).
    event PurchaseFilterSet(uint256 filter);
    /// @notice Governance set how long a seller waits for a bond after asking for it.
    event BondReleaseDelaySet(uint256 delay);
    /// @notice A seller deposited a bond for a new listing.
    event BondPosted(address indexed listing, address indexed seller, uint256 amount);
    /// @notice The seller of a closed listing asked for its bond; it is released at `releasableAt`.
    event BondReleaseRequested(address indexed listing, uint256 releasableAt);
    /// @notice The bond went back to the seller.
    event BondReleased(address indexed listing, address indexed seller, uint256 amount);
    /// @notice The curator slashed the bond of a removed listing and sent it to `to`.
    event BondSlashed(address indexed listing, address indexed to, uint256 amount);

    /// @notice Sets the rule of a category (owner only); "" is the rule of every category without one.
    /// @param category The category exactly as listings name it.
    /// @param rule Whether it is allowed, whether it requires escrow, and its seller bond.
    function setCategoryRule(string calldata category, Rule calldata rule) external;

    /// @notice Sets the most a listing of `category` may cost per unit in `currency` (owner only; zero: none).
    function setPriceCeiling(string calldata category, address currency, uint256 ceiling) external;

    /// @notice Sets how long a seller waits for a bond after asking (owner only).
    function setBondReleaseDelay(uint256 delay) external;

    /// @notice Takes the bond of a new listing from its seller (factory only; the seller approved this contract).
    function takeBond(address listing, address seller, uint256 amount) external;

    /// @notice Sends a removed listing's bond to `to` (the factory's curator only).
    /// @return amount What was slashed (zero if the listing had no bond).
    function slashBond(address listing, address to) external returns (uint256 amount);

    /// @notice The seller of a closed listing asks for its bond; it can be taken after the release delay,
    /// during which the court can still remove the listing and slash the bond.
    function requestBondRelease(address listing) external;

    /// @notice The seller takes back the bond once its release delay has passed.
    function releaseBond(address listing) external;

    /// @notice The rule of `category` (the rule for categories without one when it has none).
    function ruleOf(string calldata category) external view returns (Rule memory rule, uint24 index);

    /// @notice The purchase-time rule the escrow applies to a listing with `categoryTag` in `currency`: what
    /// `Escrow.buy` checks, so that a DApp can explain a refusal before sending.
    function purchaseRule(uint256 categoryTag, address currency)
        external
        view
        returns (bool banned, bool escrowRequired, uint256 ceiling);

    /// @notice The price ceiling of `category` in `currency`; zero for none.
    function priceCeiling(string calldata category, address currency) external view returns (uint256);

    /// @notice The bond held for `listing`.
    function bondOf(address listing) external view returns (Bond memory);

    /// @notice The token bonds are posted in.
    function bondToken() external view returns (address);

    /// @notice Seconds between a seller's request and the bond's release.
    function bondReleaseDelay() external view returns (uint256);
}
