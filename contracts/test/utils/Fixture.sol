// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Test} from "forge-std/Test.sol";

import {Escrow} from "../../src/escrow/Escrow.sol";
import {IEscrowViews} from "../../src/interfaces/IEscrowViews.sol";
import {IListingFactory} from "../../src/interfaces/IListingFactory.sol";
import {KeyRegistry} from "../../src/keys/KeyRegistry.sol";
import {FixedPriceListing} from "../../src/listings/FixedPriceListing.sol";
import {ListingFactory} from "../../src/listings/ListingFactory.sol";
import {Order, OrderState} from "../../src/types/Order.sol";

/// @notice A plain EIP-2612 token for tests.
contract TestToken is ERC20, ERC20Permit {
    constructor(string memory name) ERC20(name, name) ERC20Permit(name) {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @notice Deploys the marketplace the way `deploy()` in the SDK does, with funded actors.
abstract contract Fixture is Test {
    uint32 internal constant SHIP_WINDOW = 3 days;
    uint32 internal constant DELIVERY_WINDOW = 14 days;

    address internal owner = makeAddr("owner");
    address internal seller = makeAddr("seller");
    address internal buyer;
    uint256 internal buyerKey;

    ListingFactory internal factory;
    Escrow internal escrow;
    FixedPriceListing internal template;
    KeyRegistry internal keys;
    TestToken internal token;

    function setUp() public virtual {
        (buyer, buyerKey) = makeAddrAndKey("buyer");
        factory = new ListingFactory(owner);
        escrow = new Escrow(address(factory), owner, SHIP_WINDOW, DELIVERY_WINDOW, "/ipfs/meta-evidence");
        template = new FixedPriceListing(address(factory), address(escrow));
        keys = new KeyRegistry();
        token = new TestToken("USD Test");
        vm.startPrank(owner);
        factory.setTemplate(address(template), true);
        factory.setCurrency(address(token), true);
        vm.stopPrank();
        vm.deal(buyer, 1_000 ether);
        token.mint(buyer, 1_000_000 ether);
    }

    function _params(address currency, uint96 price, uint64 stock)
        internal
        pure
        returns (IListingFactory.ListingParams memory)
    {
        return IListingFactory.ListingParams({
            currency: currency,
            price: price,
            stock: stock,
            metadataCid: "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
            title: "Nikon D750 body, 24MP, low shutter count",
            category: "electronics/cameras",
            location: "Austin, TX"
        });
    }

    /// @dev The escrow's views of disputes, offers and mediators, answered at its address (`EscrowViews`).
    function _views() internal view returns (IEscrowViews) {
        return IEscrowViews(address(escrow));
    }

    /// @dev Salts only need to differ per seller, template and currency; a counter keeps tests readable.
    uint64 internal nextSalt;

    function _list(address currency, uint96 price, uint64 stock) internal returns (address listing) {
        vm.prank(seller);
        listing = factory.createListing(address(template), nextSalt++, _params(currency, price, stock));
    }

    /// @dev The order as the escrow stored it right after `buy`.
    function _paidOrder(address listing, address currency, uint96 amount, uint32 quantity)
        internal
        view
        returns (Order memory)
    {
        return Order({
            buyer: buyer,
            seller: seller,
            listing: listing,
            currency: currency,
            amount: amount,
            quantity: quantity,
            shipWindow: SHIP_WINDOW,
            deliveryWindow: DELIVERY_WINDOW,
            paidAt: uint40(block.timestamp),
            shippedAt: 0,
            state: OrderState.Paid
        });
    }
}
