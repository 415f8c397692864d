// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Rulings} from "../../src/libraries/Rulings.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {GasGuzzler} from "../utils/hostile/GasGuzzler.sol";
import {HostileAccount} from "../utils/hostile/HostileAccount.sol";
import {Reentrant, ReentrantBuyer, ReentrantSeller} from "../utils/hostile/Reentrant.sol";
import {RejectingSeller} from "../utils/hostile/RejectingSeller.sol";

contract EscrowHostileTest is MarketFixture {
    bytes internal constant REENTRANCY =
        abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);

    // ------------------------------------------------------------------ helpers

    function _listBy(HostileAccount account, address currency, uint96 price) internal returns (address) {
        bytes memory data =
            abi.encodeCall(factory.createListing, (address(template), 0, _params(currency, price, STOCK)));
        return abi.decode(account.execute(address(factory), 0, data), (address));
    }

    /// @dev `account` buys `quantity` of a native listing, escrowed, and gets back the stored order.
    function _buyAs(HostileAccount account, address listing, uint32 quantity)
        internal
        returns (uint256 id, Order memory o)
    {
        uint256 amount = PRICE * quantity;
        bytes memory data = abi.encodeCall(escrow.buy, (listing, quantity, true, amount, SHIPPING));
        id = abi.decode(account.execute{value: amount}(address(escrow), amount, data), (uint256));
        o = _paidOrder(listing, address(0), uint96(amount), quantity);
        o.buyer = address(account);
        o.seller = IListing(listing).seller();
    }

    function _expectReentryFailed(Reentrant account) internal {
        vm.expectEmit(address(account));
        emit Reentrant.ReentryAttempted(false, REENTRANCY);
    }

    // ------------------------------------------------------------------ re-entrant buyer

    /// @dev On the refund the buyer tries to cancel the same order again for a second refund.
    function test_reentrantBuyer_refundReentryFails() public {
        ReentrantBuyer evil = new ReentrantBuyer();
        address listing = _list(address(0), PRICE, STOCK);
        (uint256 id, Order memory o) = _buyAs(evil, listing, 2);
        evil.arm(address(escrow), abi.encodeCall(escrow.cancel, (id, o)), false);

        _expectReentryFailed(evil);
        vm.prank(seller);
        escrow.refund(id, o);

        assertEq(address(evil).balance, 2 * PRICE, "refunded once");
        assertEq(address(escrow).balance, 0);
        assertEq(escrow.owed(address(evil), address(0)), 0);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Refunded)));
        assertEq(IListing(listing).stock(), STOCK);
    }

    /// @dev When the re-entry's failure makes the buyer reject the refund, the refund is credited instead.
    function test_reentrantBuyer_rejectedRefundIsCredited() public {
        ReentrantBuyer evil = new ReentrantBuyer();
        address listing = _list(address(0), PRICE, STOCK);
        (uint256 id, Order memory o) = _buyAs(evil, listing, 1);
        evil.arm(address(escrow), abi.encodeCall(escrow.withdraw, (address(0))), true);

        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(address(evil), address(0), PRICE);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(escrow.owed(address(evil), address(0)), PRICE);
        assertEq(address(escrow).balance, PRICE);

        // Withdrawing re-enters too; the guard's error comes back out of `withdraw`.
        vm.expectRevert(REENTRANCY);
        evil.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));

        evil.disarm();
        evil.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));
        assertEq(address(evil).balance, PRICE);
        assertEq(address(escrow).balance, 0);
    }

    function test_reentrantBuyer_cancelReentryIntoBuyFails() public {
        ReentrantBuyer evil = new ReentrantBuyer();
        address listing = _list(address(0), PRICE, STOCK);
        (uint256 id, Order memory o) = _buyAs(evil, listing, 1);
        evil.arm(address(escrow), abi.encodeCall(escrow.buy, (listing, 1, true, PRICE, SHIPPING)), false);
        vm.warp(block.timestamp + SHIP_WINDOW);

        _expectReentryFailed(evil);
        evil.execute(address(escrow), 0, abi.encodeCall(escrow.cancel, (id, o)));
        assertEq(escrow.orderCount(), 1);
        assertEq(address(evil).balance, PRICE);
    }

    function test_reentrantBuyer_rulingReentryFails() public {
        ReentrantBuyer evil = new ReentrantBuyer();
        address listing = _list(address(0), PRICE, STOCK);
        (uint256 id, Order memory o) = _buyAs(evil, listing, 1);
        vm.deal(address(evil), FEE);
        evil.execute(address(escrow), FEE, abi.encodeCall(escrow.openDispute, (id, o, "/ipfs/e")));
        uint256 disputeId = _payFee(id, seller);
        evil.arm(address(escrow), abi.encodeCall(escrow.withdraw, (address(0))), false);

        // The order's share and the fee's share reach the buyer in two payments; each re-entry fails.
        _expectReentryFailed(evil);
        arbitrator.giveRuling(disputeId, Rulings.SPLIT_BASE + 6_000);
        assertEq(address(evil).balance, (PRICE + FEE) * 6_000 / 10_000);
        assertEq(seller.balance, PRICE + FEE - (PRICE + FEE) * 6_000 / 10_000);
        assertEq(address(escrow).balance, 0);
    }

    /// @dev Paid its share of a settlement, the buyer tries to accept the same offer again.
    function test_reentrantBuyer_settlementReentryFails() public {
        ReentrantBuyer evil = new ReentrantBuyer();
        address listing = _list(address(0), PRICE, STOCK);
        (uint256 id, Order memory o) = _buyAs(evil, listing, 1);
        vm.prank(seller);
        uint256 offerId = escrow.proposeSettlement(id, o, 4_000, block.timestamp + 1 days, bytes32(0));
        evil.arm(address(escrow), abi.encodeCall(escrow.acceptSettlement, (id, o, offerId)), false);

        _expectReentryFailed(evil);
        evil.execute(address(escrow), 0, abi.encodeCall(escrow.acceptSettlement, (id, o, offerId)));
        assertEq(address(evil).balance, PRICE * 4 / 10, "paid once");
        assertEq(seller.balance, PRICE * 6 / 10);
        assertEq(address(escrow).balance, 0);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Settled)));
    }

    // ------------------------------------------------------------------ re-entrant seller

    /// @dev Paid on confirmation, the seller tries to `release` the same order for a second payment.
    function test_reentrantSeller_paymentReentryFails() public {
        ReentrantSeller evil = new ReentrantSeller();
        address listing = _listBy(evil, address(0), PRICE);
        uint256 id = _buyNative(listing, 1, true);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        o.seller = address(evil);
        o = _ship(id, o);
        evil.arm(address(escrow), abi.encodeCall(escrow.release, (id, o)), false);

        _expectReentryFailed(evil);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);

        assertEq(address(evil).balance, PRICE, "paid once");
        assertEq(address(escrow).balance, 0);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Completed)));
    }

    function test_reentrantSeller_rejectedPaymentIsCredited() public {
        ReentrantSeller evil = new ReentrantSeller();
        address listing = _listBy(evil, address(0), PRICE);
        uint256 id = _buyNative(listing, 1, true);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        o.seller = address(evil);
        o = _ship(id, o);
        vm.warp(block.timestamp + DELIVERY_WINDOW);
        evil.arm(address(escrow), abi.encodeCall(escrow.release, (id, o)), true);

        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(address(evil), address(0), PRICE);
        escrow.release(id, o);
        assertEq(escrow.owed(address(evil), address(0)), PRICE);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Completed)));

        evil.disarm();
        evil.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));
        assertEq(address(evil).balance, PRICE);
        assertEq(address(escrow).balance, 0);
    }

    /// @dev A direct purchase pays the seller inside `buy`; its re-entry into `buy` fails.
    function test_reentrantSeller_directPaymentReentryFails() public {
        ReentrantSeller evil = new ReentrantSeller();
        address listing = _listBy(evil, address(0), PRICE);
        evil.arm(address(escrow), abi.encodeCall(escrow.buy, (listing, 1, false, PRICE, SHIPPING)), false);

        _expectReentryFailed(evil);
        _buyNative(listing, 1, false);
        assertEq(address(evil).balance, PRICE);
        assertEq(escrow.orderCount(), 1);
        assertEq(IListing(listing).stock(), STOCK - 1);
    }

    // ------------------------------------------------------------------ seller that rejects the native coin

    function test_rejectingSeller_directPaymentIsCredited() public {
        RejectingSeller rs = new RejectingSeller();
        address listing = _listBy(rs, address(0), PRICE);
        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(address(rs), address(0), PRICE);
        uint256 id = _buyNative(listing, 1, false);
        assertEq(id, 1);
        assertEq(escrow.owed(address(rs), address(0)), PRICE);
    }

    function test_rejectingSeller_confirmIsCreditedAndWithdrawable() public {
        RejectingSeller rs = new RejectingSeller();
        address listing = _listBy(rs, address(0), PRICE);
        uint256 id = _buyNative(listing, 2, true);
        Order memory o = _paidOrder(listing, address(0), uint96(2 * PRICE), 2);
        o.seller = address(rs);

        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Completed)));
        assertEq(escrow.owed(address(rs), address(0)), 2 * PRICE);

        rs.setAccepting(true);
        rs.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));
        assertEq(address(rs).balance, 2 * PRICE);
        assertEq(address(escrow).balance, 0);
    }

    function test_rejectingSeller_doesNotBlockRefund() public {
        RejectingSeller rs = new RejectingSeller();
        address listing = _listBy(rs, address(0), PRICE);
        uint256 id = _buyNative(listing, 1, true);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        o.seller = address(rs);
        uint256 before = buyer.balance;
        rs.execute(address(escrow), 0, abi.encodeCall(escrow.refund, (id, o)));
        assertEq(buyer.balance - before, PRICE);
    }

    function test_rejectingSeller_doesNotBlockCancel() public {
        RejectingSeller rs = new RejectingSeller();
        address listing = _listBy(rs, address(0), PRICE);
        uint256 id = _buyNative(listing, 1, true);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        o.seller = address(rs);
        vm.warp(block.timestamp + SHIP_WINDOW);
        uint256 before = buyer.balance;
        vm.prank(buyer);
        escrow.cancel(id, o);
        assertEq(buyer.balance - before, PRICE);
    }

    function test_rejectingSeller_doesNotBlockOtherOrders() public {
        RejectingSeller rs = new RejectingSeller();
        address rejectingListing = _listBy(rs, address(0), PRICE);
        address normalListing = _list(address(0), PRICE, STOCK);
        _buyNative(rejectingListing, 1, false);
        uint256 id = _buyNative(normalListing, 1, true);
        vm.prank(buyer);
        escrow.confirmReceipt(id, _paidOrder(normalListing, address(0), PRICE, 1));
        assertEq(seller.balance, PRICE);
        assertEq(address(escrow).balance, PRICE, "only the credit stays");
        assertEq(escrow.owed(address(rs), address(0)), PRICE);
    }

    function test_rejectingSeller_splitRulingCreditsSellerPaysBuyer() public {
        RejectingSeller rs = new RejectingSeller();
        address listing = _listBy(rs, address(0), PRICE);
        uint256 id = _buyNative(listing, 1, true);
        Order memory o = _paidOrder(listing, address(0), PRICE, 1);
        o.seller = address(rs);
        (uint256 disputeId,) = _dispute(id, o);
        uint256 before = buyer.balance;
        arbitrator.giveRuling(disputeId, Rulings.SPLIT_BASE + 3_000);
        // The order and the fee the escrow held are both native here, and split alike.
        assertEq(buyer.balance - before, (PRICE + FEE) * 3_000 / 10_000);
        assertEq(escrow.owed(address(rs), address(0)), PRICE + FEE - (PRICE + FEE) * 3_000 / 10_000);
    }

    function test_rejectingBuyer_refundIsCredited() public {
        RejectingSeller rb = new RejectingSeller();
        address listing = _list(address(0), PRICE, STOCK);
        (uint256 id, Order memory o) = _buyAs(rb, listing, 1);
        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(address(rb), address(0), PRICE);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Refunded)));
        assertEq(escrow.owed(address(rb), address(0)), PRICE);
        assertEq(IListing(listing).stock(), STOCK);
    }

    // ------------------------------------------------------------------ gas griefing

    function test_gasGuzzlingSeller_isCreditedWithBoundedGas() public {
        GasGuzzler gg = new GasGuzzler();
        address listing = _listBy(gg, address(0), PRICE);
        uint256 gasBefore = gasleft();
        _buyNative(listing, 1, false);
        assertLt(gasBefore - gasleft(), 300_000, "the push gets a bounded stipend");
        assertEq(escrow.owed(address(gg), address(0)), PRICE);
    }
}
