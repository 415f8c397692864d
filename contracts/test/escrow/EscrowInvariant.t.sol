// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {Offer, Role} from "../../src/types/Negotiation.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {WithdrawableTestArbitrator} from "../utils/WithdrawableTestArbitrator.sol";
import {NoReturnToken} from "../utils/tokens/NoReturnToken.sol";
import {EscrowHandler} from "./handlers/EscrowHandler.sol";

/// forge-config: default.invariant.fail-on-revert = true
/// forge-config: ci.invariant.fail-on-revert = true
contract EscrowInvariantTest is MarketFixture {
    EscrowHandler internal handler;
    NoReturnToken internal tokenB;
    WithdrawableTestArbitrator internal withdrawable;

    function setUp() public override {
        super.setUp();
        tokenB = new NoReturnToken();
        withdrawable = new WithdrawableTestArbitrator(FEE);
        handler = new EscrowHandler(escrow, factory, template, arbitrator, withdrawable, token, tokenB, owner);
        arbitrator.setCourt(address(handler));
        withdrawable.setCourt(address(handler));
        vm.startPrank(owner);
        factory.setCurrency(address(tokenB), true);
        factory.setCurator(address(handler));
        factory.setPolicy(address(handler.policy()));
        vm.stopPrank();

        // Every run starts with a listing per seller and currency.
        for (uint256 i; i < 9; ++i) {
            handler.createListing(i % 3, i / 3, uint96(uint256(keccak256(abi.encode(i)))), 10);
        }

        // Purchases and order steps are weighted up so that runs reach deep order states.
        bytes4[] memory selectors = new bytes4[](48);
        selectors[0] = handler.createListing.selector;
        selectors[1] = handler.setStock.selector;
        selectors[2] = handler.setPrice.selector;
        selectors[3] = handler.setStatus.selector;
        selectors[4] = handler.buy.selector;
        selectors[5] = handler.buy.selector;
        selectors[6] = handler.buy.selector;
        selectors[7] = handler.buy.selector;
        selectors[8] = handler.buyWithPermit.selector;
        selectors[9] = handler.buyWithPermit.selector;
        selectors[10] = handler.ship.selector;
        selectors[11] = handler.ship.selector;
        selectors[12] = handler.confirm.selector;
        selectors[13] = handler.release.selector;
        selectors[14] = handler.refund.selector;
        selectors[15] = handler.cancel.selector;
        selectors[16] = handler.dispute.selector;
        selectors[17] = handler.dispute.selector;
        selectors[18] = handler.submitEvidence.selector;
        selectors[19] = handler.rule.selector;
        selectors[20] = handler.rule.selector;
        selectors[21] = handler.withdraw.selector;
        selectors[22] = handler.withdraw.selector;
        selectors[23] = handler.warp.selector;
        selectors[24] = handler.toggleAccepting.selector;
        selectors[25] = handler.toggleBlocked.selector;
        selectors[26] = handler.setWindows.selector;
        selectors[27] = handler.retryPayout.selector;
        selectors[28] = handler.retryPayout.selector;
        selectors[29] = handler.payFee.selector;
        selectors[30] = handler.payFee.selector;
        selectors[31] = handler.timeout.selector;
        selectors[32] = handler.ruleOnSettled.selector;
        selectors[33] = handler.propose.selector;
        selectors[34] = handler.propose.selector;
        selectors[35] = handler.propose.selector;
        selectors[36] = handler.accept.selector;
        selectors[37] = handler.accept.selector;
        selectors[38] = handler.reject.selector;
        selectors[39] = handler.withdrawOffer.selector;
        selectors[40] = handler.proposeMediator.selector;
        selectors[41] = handler.acceptMediator.selector;
        selectors[42] = handler.acceptMediator.selector;
        selectors[43] = handler.switchArbitrator.selector;
        selectors[44] = handler.setArbitrationFee.selector;
        selectors[45] = handler.accept.selector;
        selectors[46] = handler.setPurchaseRule.selector;
        selectors[47] = handler.setCeiling.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function _held(address currency) internal view returns (uint256) {
        return currency == address(0) ? address(escrow).balance : IERC20(currency).balanceOf(address(escrow));
    }

    /// @dev For the native coin and each token: the escrow holds exactly the open orders plus the credits,
    /// plus (native coin) the arbitration fees of open disputes.
    function invariant_escrowIsSolvent() public view {
        address[] memory currencies = handler.currencies();
        for (uint256 c; c < currencies.length; ++c) {
            address currency = currencies[c];
            assertEq(
                _held(currency),
                handler.ghostEscrowed(currency) + handler.ghostOwedTotal(currency)
                    + (currency == address(0) ? handler.ghostFeesHeld() : 0),
                "escrow balance != open orders + credits + fees"
            );
        }
    }

    /// @dev Each open order's dispute (stage, fees, deadline) is what the handler booked.
    function invariant_disputesMatch() public view {
        for (uint256 i; i < handler.orderCount(); ++i) {
            EscrowHandler.OrderInfo memory info = handler.orderAt(i);
            IEscrow.DisputeInfo memory d = _views().disputeInfo(info.id);
            assertEq(uint8(d.stage), info.stage, "dispute stage");
            if (info.stage == 0) continue;
            assertEq(d.opener, info.openedBySeller ? info.order.seller : info.order.buyer, "opener");
            assertEq(d.openerFee, info.openerFee, "opener fee");
            assertEq(d.responderFee, info.stage == 2 ? info.responderFee : 0, "responder fee");
            assertEq(d.feeDeadline, info.feeDeadline, "fee deadline");
            assertEq(d.arbitrator, address(info.arb), "arbitrator");
        }
    }

    /// @dev Each open order's offers, mediator and acceptances are what the handler booked.
    function invariant_negotiationsMatch() public view {
        for (uint256 i; i < handler.orderCount(); ++i) {
            EscrowHandler.OrderInfo memory info = handler.orderAt(i);
            if (!info.open) continue;
            EscrowHandler.NegotiationInfo memory n = handler.negotiationAt(i);
            for (uint256 r; r < 3; ++r) {
                Offer memory offer = _views().settlementOffer(info.id, Role(r));
                assertEq(offer.id, n.lanes[r].id, "offer id");
                assertEq(offer.buyerBps, n.lanes[r].bps, "offer split");
                assertEq(offer.expiry, n.lanes[r].expiry, "offer expiry");
                assertEq(uint8(offer.status), uint8(n.lanes[r].status), "offer status");
            }
            (bool byBuyer, bool bySeller) = _views().mediatorOfferAcceptance(info.id);
            assertEq(byBuyer, n.accepted[0], "accepted by buyer");
            assertEq(bySeller, n.accepted[1], "accepted by seller");
            (address mediator, bool agreed,) = _views().mediatorOf(info.id);
            assertEq(mediator, n.mediator, "mediator");
            assertEq(agreed, n.agreed, "mediator agreed");
        }
    }

    /// @dev Every account's credit is what the handler expected, and the credits add up.
    function invariant_owedMatchesGhost() public view {
        address[] memory actors = handler.actors();
        address[] memory currencies = handler.currencies();
        for (uint256 c; c < currencies.length; ++c) {
            uint256 sum;
            for (uint256 a; a < actors.length; ++a) {
                uint256 owed = escrow.owed(actors[a], currencies[c]);
                assertEq(owed, handler.ghostOwed(actors[a], currencies[c]), "credit != ghost");
                sum += owed;
            }
            assertEq(sum, handler.ghostOwedTotal(currencies[c]), "sum of credits != ghost total");
        }
    }

    /// @dev A settled order pays out once: replays never succeed and each order settled at most once.
    function invariant_noOrderPaidOutTwice() public view {
        assertEq(handler.ghostDoublePayouts(), 0, "a settled order paid out again");
        for (uint256 i; i < handler.orderCount(); ++i) {
            EscrowHandler.OrderInfo memory info = handler.orderAt(i);
            assertEq(info.payouts, info.open ? 0 : 1, "payouts per order");
        }
    }

    /// @dev Every order's stored hash is the hash of the order as the handler tracked it.
    function invariant_storedOrdersMatch() public view {
        for (uint256 i; i < handler.orderCount(); ++i) {
            EscrowHandler.OrderInfo memory info = handler.orderAt(i);
            assertEq(escrow.orderHash(info.id), keccak256(abi.encode(info.order)), "stored order != tracked");
        }
    }

    /// @dev Stock never drops below zero or rises above what the handler set; sold items are accounted for.
    function invariant_stockWithinSupply() public view {
        for (uint256 i; i < handler.listingCount(); ++i) {
            EscrowHandler.ListingInfo memory info = handler.listingAt(i);
            uint256 stock = IListing(info.listing).stock();
            uint256 sold = IListing(info.listing).sold();
            assertEq(stock, info.stock, "stock != ghost");
            assertEq(sold, info.sold, "sold != ghost");
            assertEq(stock + sold, info.supply, "stock + sold != supply");
            assertLe(stock, info.supply, "stock above supply");
        }
    }

    /// @dev One fixed walk through every handler action, so a change that turns an action into a no-op is seen.
    function test_handler_reachesEveryAction() public {
        handler.createListing(0, 0, 5 ether, 3);
        handler.buy(0, 0, 2, true); // order 0: native, seller0
        handler.buy(2, 1, 1, true); // order 1: native, the rejecting seller
        handler.buy(2, 2, 1, false); // direct sale to the rejecting seller: credited
        handler.buyWithPermit(3, 0, 1, true, false); // order 2: tokenA
        handler.buyWithPermit(4, 1, 1, false, true); // direct, with a front-run permit
        handler.buy(6, 2, 3, true); // order 3: tokenB, seller0
        handler.buy(8, 0, 1, true); // order 4: tokenB, the rejecting seller
        handler.ship(0);
        handler.release(0);
        handler.confirm(1);
        handler.ship(2);
        handler.refund(2);
        handler.cancel(3);
        handler.toggleBlocked(2);
        handler.dispute(4, false);
        handler.submitEvidence(4, true);
        handler.payFee(4); // the rejecting seller pays the second fee
        handler.rule(4, uint256(2_500) << 8 | 3);
        handler.toggleAccepting();
        handler.withdraw(5, 0);
        handler.toggleBlocked(2);
        handler.withdraw(5, 2);
        handler.retryPayout(0);
        handler.retryPayout(4);
        handler.warp(1 days);
        handler.setWindows(2 days, 5 days);
        handler.setStock(1, 7);
        handler.setPrice(1, 3 ether);
        handler.setStatus(1, 5);
        handler.setStatus(1, 5);
        handler.setStatus(7, 1);
        handler.setStatus(6, 0);

        handler.buy(1, 0, 1, true); // order 5: native, seller1
        handler.buy(0, 1, 1, true); // order 6
        handler.buy(0, 2, 1, true); // order 7
        handler.buy(0, 0, 1, true); // order 8
        // Order 5: offers, a counter, a rejection, a withdrawal, then a mediator's full refund both accept.
        handler.propose(5, 0, uint256(3_000) << 8 | 5, 1 days);
        handler.propose(5, 1, 2, 1 days);
        handler.reject(5, 1, false);
        handler.withdrawOffer(5, 0);
        handler.proposeMediator(5, false, 1);
        handler.acceptMediator(5);
        handler.propose(5, 2, 4, 1 days);
        handler.accept(5, 2, false);
        handler.accept(5, 2, false);
        // Order 7: a dispute at a withdrawable arbitrator that refunds 60 %, settled at 99.99 % to the buyer.
        handler.switchArbitrator(1 | uint256(6_000) << 8);
        handler.setArbitrationFee(2);
        handler.dispute(6, true); // order 6: the seller opens; nobody answers
        handler.dispute(7, false);
        handler.payFee(7);
        handler.propose(7, 1, 3, 1 days);
        handler.accept(7, 1, false);
        handler.timeout(6);
        // Order 8: a dispute at the plain arbitrator, settled; its later ruling is ignored.
        handler.switchArbitrator(0);
        handler.dispute(8, false);
        handler.payFee(8);
        handler.propose(8, 0, 2, 1 days);
        handler.accept(8, 0, false);
        handler.ruleOnSettled(0, 7);
        handler.retryPayout(8);
        // Rules changed after the listings were created: a ban, escrow only, a ceiling below a price.
        handler.setPurchaseRule(1);
        handler.buy(0, 0, 1, true);
        handler.setPurchaseRule(2);
        handler.buy(0, 0, 1, false);
        handler.setPurchaseRule(0);
        handler.setCeiling(0, 1);
        handler.buy(0, 0, 1, true);
        handler.setCeiling(0, 0);

        string[38] memory actions = [
            "createListing",
            "setStock",
            "setPrice",
            "setStatus",
            "buyEscrowed",
            "buyDirect",
            "buyWithPermit",
            "ship",
            "confirm",
            "release",
            "refund",
            "cancel",
            "dispute",
            "submitEvidence",
            "rule",
            "withdraw",
            "warp",
            "toggleAccepting",
            "toggleBlocked",
            "setWindows",
            "retryPayout",
            "payFee",
            "timeout",
            "ruleOnSettled",
            "propose",
            "counter",
            "mediatorPropose",
            "accept",
            "acceptMediatorOffer",
            "reject",
            "withdrawOffer",
            "proposeMediator",
            "acceptMediator",
            "switchArbitrator",
            "setArbitrationFee",
            "setPurchaseRule",
            "setCeiling",
            "buyRefusedByPolicy"
        ];
        for (uint256 i; i < actions.length; ++i) {
            assertGt(handler.calls(bytes32(bytes(actions[i]))), 0, actions[i]);
        }
        assertEq(handler.calls("withdraw"), 2);
        assertEq(handler.calls("setStatus"), 4);
        assertEq(handler.orderCount(), 9);

        invariant_escrowIsSolvent();
        invariant_owedMatchesGhost();
        invariant_noOrderPaidOutTwice();
        invariant_storedOrdersMatch();
        invariant_stockWithinSupply();
        invariant_disputesMatch();
        invariant_negotiationsMatch();
        afterInvariant();
    }

    /// @dev After any run, settling every order and withdrawing every credit empties the escrow.
    function afterInvariant() public {
        handler.settleEverything();
        address[] memory currencies = handler.currencies();
        address[] memory actors = handler.actors();
        for (uint256 c; c < currencies.length; ++c) {
            assertEq(_held(currencies[c]), 0, "escrow not empty after settling everything");
            for (uint256 a; a < actors.length; ++a) {
                assertEq(escrow.owed(actors[a], currencies[c]), 0);
            }
        }
    }
}
