// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

import {Court} from "../../src/court/Court.sol";
import {LanternToken} from "../../src/dao/LanternToken.sol";
import {ICourtViews} from "../../src/interfaces/ICourtViews.sol";
import {CourtPhase} from "../../src/types/CourtTypes.sol";
import {CourtFixture, RecordingArbitrable} from "./CourtFixture.sol";

/// @notice Random actions on the court by five arbiters, an arbitrable and an appellant, with the native coin
/// paid in and out tracked as ghosts.
contract CourtHandler is CommonBase, StdCheats, StdUtils {
    Court internal immutable court;
    ICourtViews internal immutable views;
    LanternToken internal immutable token;
    RecordingArbitrable internal immutable arbitrable;
    address[] internal actors;
    address internal immutable owner;

    uint256 public ghostNativeIn;
    uint256 public ghostNativeOut;
    uint256 public ghostRewardsCredited;
    uint256[] public disputes;

    constructor(
        Court court_,
        LanternToken token_,
        RecordingArbitrable arbitrable_,
        address[] memory actors_,
        address owner_
    ) {
        court = court_;
        views = ICourtViews(address(court_));
        token = token_;
        arbitrable = arbitrable_;
        actors = actors_;
        owner = owner_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function actor(uint256 i) external view returns (address) {
        return actors[i];
    }

    function disputeCount() external view returns (uint256) {
        return disputes.length;
    }

    function setStake(uint256 who, uint256 amount) external {
        address a = actors[who % actors.length];
        amount = amount % 3 == 0 ? 0 : bound(amount, 100 ether, 5_000 ether);
        (uint256 current, uint256 locked) = views.stakeOf(a);
        if (amount == current || (amount != 0 && amount < locked) || (amount == 0 && locked != 0)) return;
        if (amount > current) {
            deal(address(token), a, token.balanceOf(a) + amount - current);
        }
        vm.startPrank(a);
        token.approve(address(court), amount);
        court.setStake(amount);
        vm.stopPrank();
    }

    function createDispute(uint256 size) external {
        bytes memory extra = abi.encode(bound(size, 0, 5));
        uint256 cost = court.arbitrationCost(extra);
        vm.deal(address(this), cost);
        disputes.push(arbitrable.create{value: cost}(2, extra));
        ghostNativeIn += cost;
    }

    function draw(uint256 pick, uint256 iterations) external {
        if (disputes.length == 0 || views.totalWeight() == 0) return;
        uint256 id = disputes[pick % disputes.length];
        if (views.phase(id) != CourtPhase.Drawing) return;
        ICourtViews.RoundInfo memory info = views.roundInfo(id, views.disputeInfo(id).rounds - 1);
        if (block.number < info.ticket) vm.roll(info.ticket);
        vm.prevrandao(keccak256(abi.encode(pick, block.number)));
        court.drawCommittee(id, bound(iterations, 1, 12));
    }

    function vote(uint256 pick, uint256 seed) external {
        if (disputes.length == 0) return;
        uint256 id = disputes[pick % disputes.length];
        if (views.phase(id) != CourtPhase.Commit) return;
        uint256 round = views.disputeInfo(id).rounds - 1;
        ICourtViews.RoundInfo memory info = views.roundInfo(id, round);
        for (uint256 s; s < info.committee; ++s) {
            _commit(id, round, s, seed);
        }
        vm.warp(info.commitEnd);
        for (uint256 s; s < info.committee; ++s) {
            _reveal(id, round, s, seed);
        }
        vm.warp(info.revealEnd);
    }

    /// @dev Seat `s` votes 0, 1 or 2 from `seed`, or (3) stays silent.
    function _ruling(uint256 seed, uint256 s) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, s))) % 4;
    }

    function _commit(uint256 id, uint256 round, uint256 s, uint256 seed) internal {
        uint256 ruling = _ruling(seed, s);
        if (ruling == 3) return;
        address a = views.seatInfo(id, round, s).arbiter;
        bytes32 commitment = views.hashVote(id, round, s, a, ruling, bytes32(seed));
        vm.prank(a);
        court.commitVote(id, round, s, commitment);
    }

    function _reveal(uint256 id, uint256 round, uint256 s, uint256 seed) internal {
        uint256 ruling = _ruling(seed, s);
        if (ruling == 3) return;
        vm.prank(views.seatInfo(id, round, s).arbiter);
        court.revealVote(id, round, s, ruling, bytes32(seed));
    }

    function appeal(uint256 pick) external {
        if (disputes.length == 0) return;
        uint256 id = disputes[pick % disputes.length];
        if (views.phase(id) != CourtPhase.Appeal) return;
        uint256 cost = court.appealCost(id, "");
        if (cost > 1_000 ether) return;
        vm.deal(address(this), cost);
        court.appeal{value: cost}(id, "");
        ghostNativeIn += cost;
    }

    function finish(uint256 pick) external {
        if (disputes.length == 0) return;
        uint256 id = disputes[pick % disputes.length];
        if (views.phase(id) != CourtPhase.Appeal) return;
        vm.warp(views.roundInfo(id, views.disputeInfo(id).rounds - 1).appealEnd);
    }

    function execute(uint256 pick) external {
        if (disputes.length == 0) return;
        uint256 id = disputes[pick % disputes.length];
        if (views.phase(id) != CourtPhase.Final || views.disputeInfo(id).executed) return;
        court.executeRuling(id);
    }

    function withdrawDispute(uint256 pick) external {
        if (disputes.length == 0) return;
        uint256 id = disputes[pick % disputes.length];
        CourtPhase p = views.phase(id);
        if (p == CourtPhase.Final || p == CourtPhase.Withdrawn) return;
        uint256 refund = arbitrable.withdraw(id);
        ghostNativeOut += refund;
    }

    function settle(uint256 pick) external {
        if (disputes.length == 0) return;
        uint256 id = disputes[pick % disputes.length];
        CourtPhase p = views.phase(id);
        if (p != CourtPhase.Final && p != CourtPhase.Withdrawn) return;
        ICourtViews.DisputeInfo memory d = views.disputeInfo(id);
        for (uint256 r; r < d.rounds; ++r) {
            ICourtViews.RoundInfo memory info = views.roundInfo(id, r);
            uint256 end = d.withdrawn ? info.drawn : 2 * info.drawn;
            if (info.settled < end) {
                court.settle(id, r, type(uint32).max);
            }
        }
    }

    function withdraw(uint256 who) external {
        address a = who % (actors.length + 1) == actors.length ? owner : actors[who % actors.length];
        (uint256 native, uint256 tokens) = views.owed(a);
        if (native == 0 && tokens == 0) return;
        vm.prank(a);
        court.withdraw();
        ghostNativeOut += native;
    }

    /// @dev Native coin the court still holds for rounds whose fee has not been paid out.
    function unsettledFees() external view returns (uint256 sum) {
        for (uint256 i; i < disputes.length; ++i) {
            uint256 id = disputes[i];
            ICourtViews.DisputeInfo memory d = views.disputeInfo(id);
            for (uint256 r; r < d.rounds; ++r) {
                ICourtViews.RoundInfo memory info = views.roundInfo(id, r);
                uint256 end = d.withdrawn ? info.drawn : 2 * info.drawn;
                if (info.settled < end || end == 0) sum += info.fee;
            }
        }
    }

    receive() external payable {}
}

contract CourtInvariantTest is CourtFixture {
    CourtHandler internal handler;

    function setUp() public override {
        super.setUp();
        _stakeArbiters(5, 1_000 ether);
        handler = new CourtHandler(court, token, arbitrable, arbiters, owner);
        targetContract(address(handler));
    }

    /// @dev The court's token balance is exactly the stakes, the tokens it owes, and penalties in transit.
    /// forge-config: ci.invariant.runs = 64
    /// forge-config: ci.invariant.depth = 64
    function invariant_tokenBalanceEqualsStakesPlusOwed() public view {
        uint256 sum = views.pendingPenalties();
        for (uint256 i; i < arbiters.length; ++i) {
            (uint256 stake,) = views.stakeOf(arbiters[i]);
            (, uint256 tokens) = views.owed(arbiters[i]);
            sum += stake + tokens;
        }
        (, uint256 ownerTokens) = views.owed(owner);
        assertEq(token.balanceOf(address(court)), sum + ownerTokens);
    }

    /// @dev The native balance is exactly the fees of rounds not yet settled plus what the court owes; and it
    /// is what came in minus what went out (nobody was paid twice).
    /// forge-config: ci.invariant.runs = 64
    /// forge-config: ci.invariant.depth = 64
    function invariant_nativeBalanceEqualsFeesPlusOwed() public view {
        uint256 owedNative;
        for (uint256 i; i < arbiters.length; ++i) {
            (uint256 native,) = views.owed(arbiters[i]);
            owedNative += native;
        }
        (uint256 ownerNative,) = views.owed(owner);
        (uint256 handlerNative,) = views.owed(address(handler));
        owedNative += ownerNative + handlerNative;
        assertEq(address(court).balance, handler.unsettledFees() + owedNative);
        assertEq(address(court).balance, handler.ghostNativeIn() - handler.ghostNativeOut());
    }

    /// @dev The sortition tree's total is the sum of the arbiters' weights, and locks never exceed stakes.
    /// forge-config: ci.invariant.runs = 64
    /// forge-config: ci.invariant.depth = 64
    function invariant_treeTotalEqualsStakes() public view {
        uint256 weights;
        for (uint256 i; i < arbiters.length; ++i) {
            (uint256 stake, uint256 locked) = views.stakeOf(arbiters[i]);
            assertLe(locked, stake);
            weights += stake / court.WEIGHT_UNIT();
        }
        assertEq(views.totalWeight(), weights);
    }

    /// @dev No dispute's ruling reached the arbitrable more than once.
    /// forge-config: ci.invariant.runs = 64
    /// forge-config: ci.invariant.depth = 64
    function invariant_rulingExecutesOnce() public view {
        for (uint256 i; i < handler.disputeCount(); ++i) {
            uint256 id = handler.disputes(i);
            uint256 ruled = arbitrable.ruled(id);
            assertLe(ruled, 1);
            assertEq(ruled == 1, views.disputeInfo(id).executed);
        }
    }
}
