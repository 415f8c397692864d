// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Court} from "../../src/court/Court.sol";
import {CourtViews} from "../../src/court/CourtViews.sol";
import {PrevrandaoRandomness} from "../../src/court/PrevrandaoRandomness.sol";
import {LanternToken} from "../../src/dao/LanternToken.sol";
import {ICourtViews} from "../../src/interfaces/ICourtViews.sol";
import {CourtParameters} from "../../src/types/CourtTypes.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {deployLanternToken} from "./LanternTokens.sol";

/// @notice The marketplace of `MarketFixture` with the real court as the escrow's arbitrator, twelve staked
/// arbiters, and a helper that draws a round and votes in it.
abstract contract CourtMarketFixture is MarketFixture {
    uint96 internal constant FEE_PER_ARBITER = 0.01 ether;
    uint32 internal constant PERIOD = 1 days;

    Court internal court;
    ICourtViews internal views;
    LanternToken internal lantern;
    address[] internal arbiters;

    function setUp() public virtual override {
        super.setUp();
        vm.roll(1_000);
        lantern = deployLanternToken(address(this), 1e9 ether);
        CourtParameters memory p = CourtParameters({
            feePerArbiter: FEE_PER_ARBITER,
            minStake: 100 ether,
            penaltyBps: 1_000,
            committeeSize: 3,
            commitPeriod: PERIOD,
            revealPeriod: PERIOD,
            appealPeriod: PERIOD
        });
        court = new Court(lantern, new PrevrandaoRandomness(2), p, owner, address(new CourtViews()));
        views = ICourtViews(address(court));
        vm.prank(owner);
        escrow.setArbitrator(court, "");
        for (uint256 i; i < 12; ++i) {
            address a = makeAddr(string.concat("arbiter", vm.toString(i)));
            arbiters.push(a);
            lantern.transfer(a, 1_000 ether);
            vm.startPrank(a);
            lantern.approve(address(court), 1_000 ether);
            court.setStake(1_000 ether);
            vm.stopPrank();
        }
    }

    /// @dev Draws the last round, then its first `dissent` seats vote against `ruling` and the others for it.
    function _drawAndVote(uint256 disputeId, uint256 ruling, uint256 dissent) internal {
        uint256 round = views.disputeInfo(disputeId).rounds - 1;
        ICourtViews.RoundInfo memory info = views.roundInfo(disputeId, round);
        vm.roll(info.ticket);
        vm.prevrandao(keccak256(abi.encode("e2e", disputeId, round)));
        court.drawCommittee(disputeId, 100);
        info = views.roundInfo(disputeId, round);
        for (uint256 s; s < info.committee; ++s) {
            address a = views.seatInfo(disputeId, round, s).arbiter;
            uint256 vote = s < dissent ? (ruling == 1 ? 2 : 1) : ruling;
            bytes32 c = views.hashVote(disputeId, round, s, a, vote, bytes32(s + 1));
            vm.prank(a);
            court.commitVote(disputeId, round, s, c);
        }
        vm.warp(info.commitEnd);
        for (uint256 s; s < info.committee; ++s) {
            uint256 vote = s < dissent ? (ruling == 1 ? 2 : 1) : ruling;
            vm.prank(views.seatInfo(disputeId, round, s).arbiter);
            court.revealVote(disputeId, round, s, vote, bytes32(s + 1));
        }
        vm.warp(info.revealEnd);
    }
}
