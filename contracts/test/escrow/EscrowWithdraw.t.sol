// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {Order} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {RejectingSeller} from "../utils/hostile/RejectingSeller.sol";
import {FalseReturningToken} from "../utils/tokens/FalseReturningToken.sol";

contract EscrowWithdrawTest is MarketFixture {
    RejectingSeller internal rejecting;
    FalseReturningToken internal falseToken;

    function setUp() public override {
        super.setUp();
        rejecting = new RejectingSeller();
        falseToken = new FalseReturningToken();
        vm.prank(owner);
        factory.setCurrency(address(falseToken), true);
    }

    /// @dev A listing whose seller is the contract that rejects the native coin.
    function _listByRejecting(address currency, uint96 price) internal returns (address listing) {
        bytes memory data =
            abi.encodeCall(factory.createListing, (address(template), 0, _params(currency, price, STOCK)));
        listing = abi.decode(rejecting.execute(address(factory), 0, data), (address));
    }

    function test_RevertWhen_withdrawNothing() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NothingToWithdraw.selector, buyer, address(0)));
        vm.prank(buyer);
        escrow.withdraw(address(0));
    }

    function test_RevertWhen_withdrawNothingInToken() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NothingToWithdraw.selector, seller, address(token)));
        vm.prank(seller);
        escrow.withdraw(address(token));
    }

    function test_withdraw_nativeCredit() public {
        address listing = _listByRejecting(address(0), PRICE);
        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(address(rejecting), address(0), PRICE);
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, false, PRICE, SHIPPING);
        assertEq(escrow.owed(address(rejecting), address(0)), PRICE);
        assertEq(address(escrow).balance, PRICE);

        rejecting.setAccepting(true);
        vm.expectEmit(address(escrow));
        emit IEscrow.Withdrawn(address(rejecting), address(0), PRICE);
        rejecting.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));
        assertEq(address(rejecting).balance, PRICE);
        assertEq(escrow.owed(address(rejecting), address(0)), 0);
        assertEq(address(escrow).balance, 0);
    }

    function test_RevertWhen_withdrawTwice() public {
        address listing = _listByRejecting(address(0), PRICE);
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, false, PRICE, SHIPPING);
        rejecting.setAccepting(true);
        rejecting.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.NothingToWithdraw.selector, address(rejecting), address(0))
        );
        rejecting.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));
    }

    function test_RevertWhen_withdrawStillRejecting() public {
        address listing = _listByRejecting(address(0), PRICE);
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, false, PRICE, SHIPPING);
        vm.expectRevert(RejectingSeller.Rejected.selector);
        rejecting.execute(address(escrow), 0, abi.encodeCall(escrow.withdraw, (address(0))));
        assertEq(escrow.owed(address(rejecting), address(0)), PRICE, "the credit is kept");
    }

    function test_withdraw_creditsAccumulate() public {
        address listing = _listByRejecting(address(0), PRICE);
        vm.startPrank(buyer);
        escrow.buy{value: PRICE}(listing, 1, false, PRICE, SHIPPING);
        escrow.buy{value: 2 * PRICE}(listing, 2, false, 2 * PRICE, SHIPPING);
        vm.stopPrank();
        assertEq(escrow.owed(address(rejecting), address(0)), 3 * PRICE);
    }

    function test_withdraw_tokenCredit() public {
        address listing = _list(address(falseToken), 100, STOCK);
        falseToken.mint(buyer, 100);
        vm.startPrank(buyer);
        falseToken.approve(address(escrow), 100);
        uint256 id = escrow.buy(listing, 1, true, 100, SHIPPING);
        vm.stopPrank();
        Order memory o = _paidOrder(listing, address(falseToken), 100, 1);

        falseToken.setFailing(true);
        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(seller, address(falseToken), 100);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(escrow.owed(seller, address(falseToken)), 100);

        falseToken.setFailing(false);
        vm.expectEmit(address(escrow));
        emit IEscrow.Withdrawn(seller, address(falseToken), 100);
        vm.prank(seller);
        escrow.withdraw(address(falseToken));
        assertEq(falseToken.balanceOf(seller), 100);
        assertEq(escrow.owed(seller, address(falseToken)), 0);
    }

    function test_withdraw_onlyTheCallersCredit() public {
        address listing = _listByRejecting(address(0), PRICE);
        vm.prank(buyer);
        escrow.buy{value: PRICE}(listing, 1, false, PRICE, SHIPPING);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NothingToWithdraw.selector, stranger, address(0)));
        vm.prank(stranger);
        escrow.withdraw(address(0));
    }
}
