// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {TestArbitrator} from "./TestArbitrator.sol";

/// @dev Records the rulings it receives, to check the test arbitrator on its own.
contract RulingRecorder is IArbitrable {
    uint256[] public rulings;

    function rule(uint256, uint256 ruling) external {
        rulings.push(ruling);
    }

    function open(TestArbitrator arbitrator, uint256 choices) external payable returns (uint256) {
        return arbitrator.createDispute{value: msg.value}(choices, "");
    }

    function count() external view returns (uint256) {
        return rulings.length;
    }
}

/// @notice The ERC-792 fixture the escrow tests rely on behaves like an honest arbitrator.
contract TestArbitratorTest is Test {
    uint256 internal constant FEE = 1 ether;

    TestArbitrator internal arbitrator;
    RulingRecorder internal arbitrable;

    function setUp() public {
        arbitrator = new TestArbitrator(FEE);
        arbitrable = new RulingRecorder();
    }

    function test_createDispute_chargesFeeAndRecords() public {
        vm.expectEmit(address(arbitrator));
        emit IArbitrator.DisputeCreation(0, arbitrable);
        uint256 id = arbitrable.open{value: FEE}(arbitrator, 4);
        assertEq(id, 0);
        assertEq(address(arbitrator).balance, FEE);
        assertEq(arbitrator.disputeCount(), 1);
        assertEq(arbitrator.disputeData(id).choices, 4);
        assertEq(uint8(arbitrator.disputeStatus(id)), uint8(IArbitrator.DisputeStatus.Waiting));
    }

    function test_RevertWhen_createDisputeUnderpaid() public {
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.InsufficientFee.selector, FEE, FEE - 1));
        arbitrable.open{value: FEE - 1}(arbitrator, 4);
    }

    function test_giveRuling_callsArbitrableOnce() public {
        uint256 id = arbitrable.open{value: FEE}(arbitrator, 4);
        arbitrator.giveRuling(id, 3);
        assertEq(arbitrable.count(), 1);
        assertEq(arbitrable.rulings(0), 3);
        assertEq(arbitrator.currentRuling(id), 3);
        assertEq(uint8(arbitrator.disputeStatus(id)), uint8(IArbitrator.DisputeStatus.Solved));
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.DisputeAlreadySolved.selector, id));
        arbitrator.giveRuling(id, 3);
    }

    function test_RevertWhen_giveRulingByNonCourt() public {
        uint256 id = arbitrable.open{value: FEE}(arbitrator, 4);
        arbitrator.setCourt(makeAddr("court"));
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.NotCourt.selector, address(this)));
        arbitrator.giveRuling(id, 1);
    }

    function test_RevertWhen_giveRulingOutOfRange() public {
        uint256 id = arbitrable.open{value: FEE}(arbitrator, 4);
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.ChoiceOutOfRange.selector, 5, 4));
        arbitrator.giveRuling(id, 5);
    }

    function test_RevertWhen_unknownDispute() public {
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.NoSuchDispute.selector, 0));
        arbitrator.giveRuling(0, 1);
    }

    function test_appeal_reopensDispute() public {
        uint256 id = arbitrable.open{value: FEE}(arbitrator, 4);
        assertEq(arbitrator.appealCost(id, ""), type(uint256).max);
        vm.expectEmit(address(arbitrator));
        emit IArbitrator.AppealPossible(id, arbitrable);
        arbitrator.proposeRuling(id, 2);
        (uint256 start, uint256 end) = arbitrator.appealPeriod(id);
        assertEq(end - start, arbitrator.APPEAL_PERIOD());
        uint256 cost = arbitrator.appealCost(id, "");
        assertEq(cost, 2 * FEE);

        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.InsufficientFee.selector, cost, cost - 1));
        arbitrator.appeal{value: cost - 1}(id, "");
        vm.expectEmit(address(arbitrator));
        emit IArbitrator.AppealDecision(id, arbitrable);
        arbitrator.appeal{value: cost}(id, "");
        assertEq(uint8(arbitrator.disputeStatus(id)), uint8(IArbitrator.DisputeStatus.Waiting));
        assertEq(arbitrable.count(), 0);
    }

    function test_executeRuling_afterAppealPeriod() public {
        uint256 id = arbitrable.open{value: FEE}(arbitrator, 4);
        arbitrator.proposeRuling(id, 2);
        (, uint256 end) = arbitrator.appealPeriod(id);
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.AppealPeriodNotOver.selector, id, end));
        arbitrator.executeRuling(id);
        vm.warp(end);
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.AppealPeriodOver.selector, id, end));
        arbitrator.appeal{value: 2 * FEE}(id, "");
        arbitrator.executeRuling(id);
        assertEq(arbitrable.rulings(0), 2);
        vm.expectRevert(abi.encodeWithSelector(TestArbitrator.NotAppealable.selector, id));
        arbitrator.executeRuling(id);
    }
}
