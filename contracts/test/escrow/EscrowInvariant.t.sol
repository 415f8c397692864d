// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IListing} from "../../src/interfaces/IListing.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {NoReturnToken} from "../utils/tokens/NoReturnToken.sol";
import {EscrowHandler} from "./handlers/EscrowHandler.sol";

/// forge-config: default.invariant.fail-on-revert = true
/// forge-config: ci.invariant.fail-on-revert = true
contract EscrowInvariantTest is MarketFixture {
    EscrowHandler internal handler;
    NoReturnToken internal tokenB;

    function setUp() public override {
        super.setUp();
        tokenB = new NoReturnToken();
        handler = new EscrowHandler(escrow, factory, template, arbitrator, token, tokenB, owner);
        arbitrator.setCourt(address(handler));
        vm.startPrank(owner);
        factory.setCurrency(address(tokenB), true);
        factory.setCurator(address(handler));
        vm.stopPrank();

        // Every run starts with a listing per seller and currency.
        for (uint256 i; i < 9; ++i) {
            handler.createListing(i % 3, i / 3, uint96(uint256(keccak256(abi.encode(i)))), 10);
        }

        // Purchases and order steps are weighted up so that runs reach deep order states.
        bytes4[] memory selectors = new bytes4[](29);
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
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function _held(address currency) internal view returns (uint256) {
        return currency == address(0) ? address(escrow).balance : IERC20(currency).balanceOf(address(escrow));
    }

    /// @dev For the native coin and each token: the escrow holds exactly the open orders plus the credits.
    function invariant_escrowIsSolvent() public view {
        address[] memory currencies = handler.currencies();
        for (uint256 c; c < currencies.length; ++c) {
            address currency = currencies[c];
            assertEq(
                _held(currency),
                handler.ghostEscrowed(currency) + handler.ghostOwedTotal(currency),
                "escrow balance != open orders + credits"
            );
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
        handler.dispute(4);
        handler.submitEvidence(4, true);
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

        string[21] memory actions = [
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
            "retryPayout"
        ];
        for (uint256 i; i < actions.length; ++i) {
            assertGt(handler.calls(bytes32(bytes(actions[i]))), 0, actions[i]);
        }
        assertEq(handler.calls("withdraw"), 2);
        assertEq(handler.calls("setStatus"), 4);
        assertEq(handler.orderCount(), 5);

        invariant_escrowIsSolvent();
        invariant_owedMatchesGhost();
        invariant_noOrderPaidOutTwice();
        invariant_storedOrdersMatch();
        invariant_stockWithinSupply();
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
