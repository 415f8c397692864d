// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {Rulings} from "../../src/libraries/Rulings.sol";

contract RulingsTest is Test {
    function test_constants() public pure {
        assertEq(Rulings.BPS, 10_000);
        assertEq(Rulings.CHOICES, 10_003);
    }

    function test_buyerShare_refusedSplitsEvenly() public pure {
        assertEq(Rulings.buyerShare(0), 5_000);
    }

    function test_buyerShare_refundGivesBuyerAll() public pure {
        assertEq(Rulings.buyerShare(1), 10_000);
    }

    function test_buyerShare_releaseGivesBuyerNothing() public pure {
        assertEq(Rulings.buyerShare(2), 0);
    }

    function test_buyerShare_splitBounds() public pure {
        assertEq(Rulings.buyerShare(3), 0);
        assertEq(Rulings.buyerShare(3 + 2_500), 2_500);
        assertEq(Rulings.buyerShare(Rulings.CHOICES), 10_000);
    }

    /// @dev Every valid ruling, exhaustively: the share is within 0..BPS and matches the documented table.
    function test_buyerShare_everyRuling() public pure {
        for (uint256 ruling; ruling <= Rulings.CHOICES; ++ruling) {
            uint256 expected = ruling == 0 ? 5_000 : ruling == 1 ? 10_000 : ruling == 2 ? 0 : ruling - 3;
            assertEq(Rulings.buyerShare(ruling), expected);
        }
    }

    function testFuzz_buyerShare_splitIsBps(uint256 bps) public pure {
        bps = bound(bps, 0, Rulings.BPS);
        assertEq(Rulings.buyerShare(Rulings.SPLIT_BASE + bps), bps);
    }
}
