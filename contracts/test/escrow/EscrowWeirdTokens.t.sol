// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {Rulings} from "../../src/libraries/Rulings.sol";
import {Order, OrderState} from "../../src/types/Order.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {FalseReturningToken} from "../utils/tokens/FalseReturningToken.sol";
import {FeeOnTransferToken} from "../utils/tokens/FeeOnTransferToken.sol";
import {NoReturnToken} from "../utils/tokens/NoReturnToken.sol";

contract EscrowWeirdTokensTest is MarketFixture {
    uint96 internal constant UNIT = 1_000e6;

    FeeOnTransferToken internal feeToken;
    FalseReturningToken internal falseToken;
    NoReturnToken internal usdt;

    function setUp() public override {
        super.setUp();
        feeToken = new FeeOnTransferToken();
        falseToken = new FalseReturningToken();
        usdt = new NoReturnToken();
        vm.startPrank(owner);
        factory.setCurrency(address(feeToken), true);
        factory.setCurrency(address(falseToken), true);
        factory.setCurrency(address(usdt), true);
        vm.stopPrank();
        feeToken.mint(buyer, 100 * uint256(UNIT));
        falseToken.mint(buyer, 100 * uint256(UNIT));
        usdt.mint(buyer, 100 * uint256(UNIT));
        vm.startPrank(buyer);
        feeToken.approve(address(escrow), type(uint256).max);
        falseToken.approve(address(escrow), type(uint256).max);
        usdt.approve(address(escrow), type(uint256).max);
        vm.stopPrank();
    }

    function _buy(address currency, uint32 quantity, bool escrowed)
        internal
        returns (uint256 id, Order memory o)
    {
        address listing = _list(currency, UNIT, STOCK);
        vm.prank(buyer);
        id = escrow.buy(listing, quantity, escrowed, uint256(UNIT) * quantity, SHIPPING);
        o = _paidOrder(listing, currency, UNIT * quantity, quantity);
    }

    // ------------------------------------------------------------------ fee on transfer: refused

    function test_RevertWhen_feeOnTransferEscrowed() public {
        address listing = _list(address(feeToken), UNIT, STOCK);
        uint256 fee = uint256(UNIT) * feeToken.FEE_BPS() / 10_000;
        vm.expectRevert(
            abi.encodeWithSelector(
                IEscrow.TokenTransferMismatch.selector, address(feeToken), UNIT, UNIT - fee
            )
        );
        vm.prank(buyer);
        escrow.buy(listing, 1, true, UNIT, SHIPPING);
    }

    function test_RevertWhen_feeOnTransferDirect() public {
        address listing = _list(address(feeToken), UNIT, STOCK);
        uint256 fee = uint256(UNIT) * feeToken.FEE_BPS() / 10_000;
        vm.expectRevert(
            abi.encodeWithSelector(
                IEscrow.TokenTransferMismatch.selector, address(feeToken), UNIT, UNIT - fee
            )
        );
        vm.prank(buyer);
        escrow.buy(listing, 1, false, UNIT, SHIPPING);
    }

    // ------------------------------------------------------------------ false-returning: refused in, credited out

    function test_RevertWhen_falseReturningOnPurchase() public {
        falseToken.setFailing(true);
        address listing = _list(address(falseToken), UNIT, STOCK);
        vm.expectRevert(
            abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(falseToken))
        );
        vm.prank(buyer);
        escrow.buy(listing, 1, true, UNIT, SHIPPING);
    }

    function test_RevertWhen_falseReturningOnDirectPurchase() public {
        falseToken.setFailing(true);
        address listing = _list(address(falseToken), UNIT, STOCK);
        vm.expectRevert(
            abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(falseToken))
        );
        vm.prank(buyer);
        escrow.buy(listing, 1, false, UNIT, SHIPPING);
    }

    function test_falseReturning_workingTokenRoundTrip() public {
        (uint256 id, Order memory o) = _buy(address(falseToken), 2, true);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(falseToken.balanceOf(seller), 2 * uint256(UNIT));
    }

    function test_falseReturning_refundIsCredited() public {
        (uint256 id, Order memory o) = _buy(address(falseToken), 1, true);
        falseToken.setFailing(true);
        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(buyer, address(falseToken), UNIT);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(escrow.orderHash(id), _hash(_withState(o, OrderState.Refunded)));
        assertEq(escrow.owed(buyer, address(falseToken)), UNIT);
        assertEq(falseToken.balanceOf(address(escrow)), UNIT);
    }

    function test_falseReturning_splitCreditsBothSides() public {
        (uint256 id, Order memory o) = _buy(address(falseToken), 1, true);
        (uint256 disputeId,) = _dispute(id, o);
        falseToken.setFailing(true);
        arbitrator.giveRuling(disputeId, Rulings.REFUSED);
        assertEq(escrow.owed(buyer, address(falseToken)), UNIT / 2);
        assertEq(escrow.owed(seller, address(falseToken)), UNIT - UNIT / 2);
    }

    function test_RevertWhen_withdrawFalseReturning() public {
        (uint256 id, Order memory o) = _buy(address(falseToken), 1, true);
        falseToken.setFailing(true);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        vm.expectRevert(
            abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(falseToken))
        );
        vm.prank(seller);
        escrow.withdraw(address(falseToken));
        assertEq(escrow.owed(seller, address(falseToken)), UNIT, "the credit is kept");

        falseToken.setFailing(false);
        vm.prank(seller);
        escrow.withdraw(address(falseToken));
        assertEq(falseToken.balanceOf(seller), UNIT);
        assertEq(falseToken.balanceOf(address(escrow)), 0);
    }

    // ------------------------------------------------------------------ no return value (USDT-style): works

    function test_noReturn_escrowedConfirm() public {
        (uint256 id, Order memory o) = _buy(address(usdt), 3, true);
        assertEq(usdt.balanceOf(address(escrow)), 3 * uint256(UNIT));
        o = _ship(id, o);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(usdt.balanceOf(seller), 3 * uint256(UNIT));
        assertEq(usdt.balanceOf(address(escrow)), 0);
    }

    function test_noReturn_direct() public {
        _buy(address(usdt), 1, false);
        assertEq(usdt.balanceOf(seller), UNIT);
    }

    function test_noReturn_refund() public {
        (uint256 id, Order memory o) = _buy(address(usdt), 1, true);
        uint256 before = usdt.balanceOf(buyer);
        vm.prank(seller);
        escrow.refund(id, o);
        assertEq(usdt.balanceOf(buyer) - before, UNIT);
    }

    function test_noReturn_cancel() public {
        (uint256 id, Order memory o) = _buy(address(usdt), 1, true);
        vm.warp(block.timestamp + SHIP_WINDOW);
        uint256 before = usdt.balanceOf(buyer);
        vm.prank(buyer);
        escrow.cancel(id, o);
        assertEq(usdt.balanceOf(buyer) - before, UNIT);
    }

    function test_noReturn_ruling() public {
        (uint256 id, Order memory o) = _buy(address(usdt), 1, true);
        (uint256 disputeId,) = _dispute(id, o);
        uint256 before = usdt.balanceOf(buyer);
        arbitrator.giveRuling(disputeId, Rulings.SPLIT_BASE + 1);
        assertEq(usdt.balanceOf(buyer) - before, uint256(UNIT) / 10_000);
        assertEq(usdt.balanceOf(seller), UNIT - uint256(UNIT) / 10_000);
    }

    function test_noReturn_blockedSellerIsCredited() public {
        (uint256 id, Order memory o) = _buy(address(usdt), 1, true);
        usdt.setBlocked(seller, true);
        vm.expectEmit(address(escrow));
        emit IEscrow.PaymentDeferred(seller, address(usdt), UNIT);
        vm.prank(buyer);
        escrow.confirmReceipt(id, o);
        assertEq(escrow.owed(seller, address(usdt)), UNIT);

        usdt.setBlocked(seller, false);
        vm.prank(seller);
        escrow.withdraw(address(usdt));
        assertEq(usdt.balanceOf(seller), UNIT);
    }

    function test_RevertWhen_noReturnBlockedBuyer() public {
        address listing = _list(address(usdt), UNIT, STOCK);
        usdt.setBlocked(buyer, true);
        vm.expectRevert(abi.encodeWithSelector(NoReturnToken.Blocked.selector, buyer));
        vm.prank(buyer);
        escrow.buy(listing, 1, true, UNIT, SHIPPING);
    }

    function test_RevertWhen_noReturnInsufficientBalance() public {
        address listing = _list(address(usdt), UNIT, STOCK);
        uint256 balance = usdt.balanceOf(buyer);
        vm.prank(buyer);
        usdt.transfer(stranger, balance);
        vm.expectRevert(abi.encodeWithSelector(NoReturnToken.InsufficientBalance.selector, buyer, 0, UNIT));
        vm.prank(buyer);
        escrow.buy(listing, 1, true, UNIT, SHIPPING);
    }
}
