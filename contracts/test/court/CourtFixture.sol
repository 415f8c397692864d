// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {Court} from "../../src/court/Court.sol";
import {CourtViews} from "../../src/court/CourtViews.sol";
import {PrevrandaoRandomness} from "../../src/court/PrevrandaoRandomness.sol";
import {LanternToken} from "../../src/dao/LanternToken.sol";
import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {ICourt} from "../../src/interfaces/ICourt.sol";
import {ICourtViews} from "../../src/interfaces/ICourtViews.sol";
import {IWithdrawableArbitrator} from "../../src/interfaces/IWithdrawableArbitrator.sol";
import {CourtParameters} from "../../src/types/CourtTypes.sol";
import {deployLanternToken} from "./LanternTokens.sol";

/// @notice An arbitrable that records every ruling it receives, and can withdraw its disputes.
contract RecordingArbitrable is IArbitrable {
    IWithdrawableArbitrator public immutable court;
    mapping(uint256 disputeID => uint256) public rulings;
    mapping(uint256 disputeID => uint256) public ruled;
    uint256 public refunds;

    constructor(IWithdrawableArbitrator court_) {
        court = court_;
    }

    function create(uint256 choices, bytes calldata extraData) external payable returns (uint256) {
        return court.createDispute{value: msg.value}(choices, extraData);
    }

    function withdraw(uint256 disputeID) external returns (uint256) {
        return court.withdrawDispute(disputeID);
    }

    function rule(uint256 disputeID, uint256 ruling) external virtual {
        require(msg.sender == address(court), "not the court");
        rulings[disputeID] = ruling;
        ++ruled[disputeID];
        emit Ruling(IArbitrator(msg.sender), disputeID, ruling);
    }

    receive() external payable virtual {
        refunds += msg.value;
    }
}

/// @notice A court with a placeholder staking token, prevrandao randomness one block ahead, funded arbiters
/// and helpers that walk a dispute through its phases.
abstract contract CourtFixture is Test {
    uint96 internal constant FEE_PER_ARBITER = 0.01 ether;
    uint96 internal constant MIN_STAKE = 100 ether;
    uint16 internal constant PENALTY_BPS = 2_000;
    uint256 internal constant LOCK = uint256(MIN_STAKE) * PENALTY_BPS / 10_000;
    uint32 internal constant PERIOD = 1 days;
    uint256 internal constant START = 1_750_000_000;

    address internal owner = makeAddr("owner");
    LanternToken internal token;
    PrevrandaoRandomness internal randomness;
    Court internal court;
    ICourtViews internal views;
    RecordingArbitrable internal arbitrable;
    address[] internal arbiters;

    function setUp() public virtual {
        vm.warp(START);
        vm.roll(100);
        token = deployLanternToken(address(this), 1e12 ether);
        randomness = new PrevrandaoRandomness(1);
        court = new Court(token, randomness, _defaultParams(), owner, address(new CourtViews()));
        views = ICourtViews(address(court));
        arbitrable = new RecordingArbitrable(court);
        vm.label(address(court), "court");
        vm.label(address(token), "token");
    }

    function _defaultParams() internal pure returns (CourtParameters memory) {
        return CourtParameters({
            feePerArbiter: FEE_PER_ARBITER,
            minStake: MIN_STAKE,
            penaltyBps: PENALTY_BPS,
            committeeSize: 3,
            commitPeriod: PERIOD,
            revealPeriod: PERIOD,
            appealPeriod: PERIOD
        });
    }

    /// @dev `count` fresh arbiters, each staking `stake`.
    function _stakeArbiters(uint256 count, uint256 stake) internal {
        for (uint256 i; i < count; ++i) {
            address a = makeAddr(string.concat("arbiter", vm.toString(arbiters.length)));
            arbiters.push(a);
            _stake(a, stake);
        }
    }

    function _stake(address a, uint256 stake) internal {
        (uint256 current,) = views.stakeOf(a);
        if (stake > current) token.transfer(a, stake - current);
        vm.startPrank(a);
        token.approve(address(court), stake);
        court.setStake(stake);
        vm.stopPrank();
    }

    function _createDispute() internal returns (uint256 id) {
        uint256 cost = court.arbitrationCost("");
        vm.deal(address(this), address(this).balance + cost);
        id = arbitrable.create{value: cost}(2, "");
    }

    /// @dev Moves to the round's ticket block and draws the whole committee.
    function _draw(uint256 id) internal {
        uint256 round = views.disputeInfo(id).rounds - 1;
        ICourtViews.RoundInfo memory info = views.roundInfo(id, round);
        if (block.number < info.ticket) vm.roll(info.ticket);
        vm.prevrandao(keccak256(abi.encode(id, round, block.number)));
        court.drawCommittee(id, type(uint32).max);
    }

    function _salt(uint256 id, uint256 round, uint256 seat) internal pure returns (bytes32) {
        return keccak256(abi.encode("salt", id, round, seat));
    }

    function _commit(uint256 id, uint256 round, uint256 seat, uint256 ruling) internal {
        address a = views.seatInfo(id, round, seat).arbiter;
        bytes32 c = views.hashVote(id, round, seat, a, ruling, _salt(id, round, seat));
        vm.prank(a);
        court.commitVote(id, round, seat, c);
    }

    function _reveal(uint256 id, uint256 round, uint256 seat, uint256 ruling) internal {
        address a = views.seatInfo(id, round, seat).arbiter;
        vm.prank(a);
        court.revealVote(id, round, seat, ruling, _salt(id, round, seat));
    }

    /// @dev Commits and reveals `votes[i]` for seat i of the last round; a vote above 1,000 stays silent.
    function _vote(uint256 id, uint256[] memory votes) internal {
        uint256 round = views.disputeInfo(id).rounds - 1;
        for (uint256 i; i < votes.length; ++i) {
            if (votes[i] <= 1000) _commit(id, round, i, votes[i]);
        }
        vm.warp(views.roundInfo(id, round).commitEnd);
        for (uint256 i; i < votes.length; ++i) {
            if (votes[i] <= 1000) _reveal(id, round, i, votes[i]);
        }
        vm.warp(views.roundInfo(id, round).revealEnd);
    }

    function _votes3(uint256 a, uint256 b, uint256 c) internal pure returns (uint256[] memory v) {
        v = new uint256[](3);
        (v[0], v[1], v[2]) = (a, b, c);
    }

    function _toFinal(uint256 id) internal {
        uint256 round = views.disputeInfo(id).rounds - 1;
        vm.warp(views.roundInfo(id, round).appealEnd);
    }

    function _settleAll(uint256 id) internal {
        uint256 rounds = views.disputeInfo(id).rounds;
        for (uint256 r; r < rounds; ++r) {
            ICourtViews.RoundInfo memory info = views.roundInfo(id, r);
            if (info.drawn != 0) court.settle(id, r, type(uint32).max);
        }
    }

    receive() external payable {}
}
