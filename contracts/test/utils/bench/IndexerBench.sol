// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../../src/interfaces/IEscrow.sol";
import {IListing} from "../../../src/interfaces/IListing.sol";
import {IListingFactory} from "../../../src/interfaces/IListingFactory.sol";
import {Order, OrderState} from "../../../src/types/Order.sol";

/// @notice The buying side of `IndexerBench`: a separate contract because the escrow refuses a seller
/// buying their own listing.
contract BenchBuyer {
    IEscrow private immutable ESCROW;

    constructor(IEscrow escrow) {
        ESCROW = escrow;
    }

    receive() external payable {}

    function buy(address listing, uint256 amount) external returns (uint256) {
        return ESCROW.buy{value: amount}(listing, 1, true, amount, bytes32(uint256(1)));
    }

    function confirm(uint256 orderId, Order calldata order) external {
        ESCROW.confirmReceipt(orderId, order);
    }
}

/// @notice Generates the indexer benchmark's events in bulk, many per transaction, with the real contracts:
/// it sells (creates listings, changes a price, ships) and drives a `BenchBuyer` (buys escrowed, confirms).
/// Per listing: ListingCreated, PriceChanged, then per order OrderPaid, OrderShipped, OrderCompleted.
/// Test-only; never part of a deployment.
contract IndexerBench {
    IListingFactory private immutable FACTORY;
    IEscrow private immutable ESCROW;
    address private immutable TEMPLATE;
    BenchBuyer public immutable buyer;
    uint256 public listingsCreated;

    constructor(IListingFactory factory, IEscrow escrow, address template) {
        FACTORY = factory;
        ESCROW = escrow;
        TEMPLATE = template;
        buyer = new BenchBuyer(escrow);
    }

    /// @dev Sale proceeds arrive here.
    receive() external payable {}

    /// @notice Creates `listings` listings with `ordersPerListing` complete escrowed orders each. Send
    /// `listings * ordersPerListing * 2` wei for the purchases (unit price 2 wei after the price change).
    function run(uint256 listings, uint256 ordersPerListing) external payable {
        (bool ok,) = address(buyer).call{value: msg.value}("");
        require(ok);
        uint32 shipWindow = ESCROW.shipWindow();
        uint32 deliveryWindow = ESCROW.deliveryWindow();
        for (uint256 i; i < listings; ++i) {
            address listing = FACTORY.createListing(
                TEMPLATE,
                uint64(listingsCreated + i),
                IListingFactory.ListingParams({
                    currency: address(0),
                    price: 1,
                    stock: uint64(ordersPerListing),
                    metadataCid: "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
                    title: "Nikon D750 body, 24MP, low shutter count",
                    category: "electronics/cameras",
                    location: "Austin, TX"
                })
            );
            IListing(listing).setPrice(2);
            for (uint256 j; j < ordersPerListing; ++j) {
                uint256 orderId = buyer.buy(listing, 2);
                Order memory order = Order({
                    buyer: address(buyer),
                    seller: address(this),
                    listing: listing,
                    currency: address(0),
                    amount: 2,
                    quantity: 1,
                    shipWindow: shipWindow,
                    deliveryWindow: deliveryWindow,
                    paidAt: uint40(block.timestamp),
                    shippedAt: 0,
                    state: OrderState.Paid
                });
                ESCROW.markShipped(orderId, order, bytes32(orderId));
                order.shippedAt = uint40(block.timestamp);
                order.state = OrderState.Shipped;
                buyer.confirm(orderId, order);
            }
        }
        listingsCreated += listings;
    }
}
