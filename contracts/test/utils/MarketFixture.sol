// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {Fixture} from "./Fixture.sol";
import {TestArbitrator} from "./TestArbitrator.sol";

/// @notice `Fixture` plus an arbitrator and helpers that walk an order through its states, returning the
/// `Order` struct as the escrow stored it after each step.
abstract contract MarketFixture is Fixture {
    uint256 internal constant FEE = 0.05 ether;
    uint96 internal constant PRICE = 1 ether;
    uint96 internal constant TOKEN_PRICE = 250e18;
    uint64 internal constant STOCK = 10;
    bytes32 internal constant SHIPPING = keccak256("encrypted shipping details");
    bytes32 internal constant TRACKING = keccak256("tracking number");
    bytes internal constant EXTRA_DATA = hex"0003";
    uint256 internal constant START = 1_750_000_000;

    TestArbitrator internal arbitrator;
    address internal stranger = makeAddr("stranger");

    function setUp() public virtual override {
        super.setUp();
        vm.warp(START);
        arbitrator = new TestArbitrator(FEE);
        vm.prank(owner);
        escrow.setArbitrator(arbitrator, EXTRA_DATA);
        vm.label(address(escrow), "escrow");
        vm.label(address(factory), "factory");
        vm.label(address(arbitrator), "arbitrator");
        vm.label(address(token), "token");
    }

    // ------------------------------------------------------------------ purchases

    function _buyNative(address listing, uint32 quantity, bool escrowed) internal returns (uint256 id) {
        uint256 amount = _priceOf(listing) * quantity;
        vm.prank(buyer);
        id = escrow.buy{value: amount}(listing, quantity, escrowed, amount, SHIPPING);
    }

    function _buyToken(address listing, uint32 quantity, bool escrowed) internal returns (uint256 id) {
        uint256 amount = _priceOf(listing) * quantity;
        vm.startPrank(buyer);
        token.approve(address(escrow), amount);
        id = escrow.buy(listing, quantity, escrowed, amount, SHIPPING);
        vm.stopPrank();
    }

    /// @dev A fresh native listing (PRICE, STOCK) and an escrowed order of `quantity` on it.
    function _escrowedNative(uint32 quantity) internal returns (address listing, uint256 id, Order memory o) {
        listing = _list(address(0), PRICE, STOCK);
        id = _buyNative(listing, quantity, true);
        o = _paidOrder(listing, address(0), uint96(PRICE * quantity), quantity);
    }

    /// @dev A fresh token listing (TOKEN_PRICE, STOCK) and an escrowed order of `quantity` on it.
    function _escrowedToken(uint32 quantity) internal returns (address listing, uint256 id, Order memory o) {
        listing = _list(address(token), TOKEN_PRICE, STOCK);
        id = _buyToken(listing, quantity, true);
        o = _paidOrder(listing, address(token), uint96(TOKEN_PRICE * quantity), quantity);
    }

    // ------------------------------------------------------------------ order steps

    function _ship(uint256 id, Order memory o) internal returns (Order memory) {
        vm.prank(o.seller);
        escrow.markShipped(id, o, TRACKING);
        o.state = OrderState.Shipped;
        o.shippedAt = uint40(block.timestamp);
        return o;
    }

    /// @dev The buyer opens a dispute and the seller pays the second fee, so the dispute is at the arbitrator.
    /// Each is funded with the fee first, so balances before and after compare as if fees were free.
    function _dispute(uint256 id, Order memory o) internal returns (uint256 disputeId, Order memory) {
        o = _openDispute(id, o, o.buyer);
        disputeId = _payFee(id, o.seller);
        return (disputeId, o);
    }

    /// @dev `by` opens a dispute on the order, paying (and first funded with) the arbitrator's fee.
    function _openDispute(uint256 id, Order memory o, address by) internal returns (Order memory) {
        uint256 fee = arbitrator.fee();
        vm.deal(by, by.balance + fee);
        vm.prank(by);
        escrow.openDispute{value: fee}(id, o, "/ipfs/evidence-opener");
        o.state = OrderState.Disputed;
        return o;
    }

    /// @dev `by` pays the second arbitration fee (funded first); the escrow creates the dispute.
    function _payFee(uint256 id, address by) internal returns (uint256 disputeId) {
        uint256 fee = arbitrator.fee();
        vm.deal(by, by.balance + fee);
        vm.prank(by);
        disputeId = escrow.payArbitrationFee{value: fee}(id, "");
    }

    function _withState(Order memory o, OrderState state) internal pure returns (Order memory) {
        o.state = state;
        return o;
    }

    function _hash(Order memory o) internal pure returns (bytes32) {
        return keccak256(abi.encode(o));
    }

    function _priceOf(address listing) internal view returns (uint256) {
        return IListing(listing).price();
    }

    function _expectOrderPaid(
        uint256 id,
        address listing,
        address buyer_,
        address seller_,
        address currency,
        uint256 amount,
        uint256 quantity,
        bool escrowed
    ) internal {
        vm.expectEmit(address(escrow));
        emit IEscrow.OrderPaid(
            id,
            listing,
            buyer_,
            seller_,
            currency,
            amount,
            quantity,
            escrowed,
            escrow.shipWindow(),
            escrow.deliveryWindow(),
            block.timestamp,
            SHIPPING
        );
    }
}
