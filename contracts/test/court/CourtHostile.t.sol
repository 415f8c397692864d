// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {Court} from "../../src/court/Court.sol";
import {CourtViews} from "../../src/court/CourtViews.sol";
import {ICourt} from "../../src/interfaces/ICourt.sol";
import {IWithdrawableArbitrator} from "../../src/interfaces/IWithdrawableArbitrator.sol";
import {FeeOnTransferToken} from "../utils/tokens/FeeOnTransferToken.sol";
import {CourtFixture, RecordingArbitrable} from "./CourtFixture.sol";

/// @notice An arbitrable whose `rule` calls back into the court, and can be told to revert or to refuse coin.
contract HostileArbitrable is RecordingArbitrable {
    bytes public callback;
    bool public reverting;
    bool public refusing;
    bool public lastCallbackOk;
    bytes public lastCallbackError;

    constructor(IWithdrawableArbitrator court_) RecordingArbitrable(court_) {}

    function setCallback(bytes calldata data) external {
        callback = data;
    }

    function setReverting(bool on) external {
        reverting = on;
    }

    function setRefusing(bool on) external {
        refusing = on;
    }

    function rule(uint256 disputeID, uint256 ruling) external override {
        require(!reverting, "arbitrable broken");
        if (callback.length != 0) {
            (bool ok, bytes memory err) = address(court).call(callback);
            lastCallbackOk = ok;
            lastCallbackError = err;
        }
        rulings[disputeID] = ruling;
        ++ruled[disputeID];
    }

    receive() external payable override {
        require(!refusing, "no coin");
    }
}

contract CourtHostileTest is CourtFixture {
    HostileArbitrable internal hostile;

    function setUp() public override {
        super.setUp();
        _stakeArbiters(6, 1_000 ether);
        hostile = new HostileArbitrable(court);
    }

    function _hostileDispute() internal returns (uint256 id) {
        uint256 cost = court.arbitrationCost("");
        vm.deal(address(this), cost);
        id = hostile.create{value: cost}(2, "");
        _draw(id);
        _vote(id, _votes3(1, 1, 2));
        _toFinal(id);
    }

    /// @dev Attack: the arbitrable re-enters `executeRuling` from `rule` to get the ruling twice.
    function test_reentrantExecuteRulingIsRefused() public {
        uint256 id = _hostileDispute();
        hostile.setCallback(abi.encodeCall(ICourt.executeRuling, (id)));
        court.executeRuling(id);
        assertFalse(hostile.lastCallbackOk());
        assertEq(
            hostile.lastCallbackError(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(hostile.ruled(id), 1);
    }

    /// @dev Attack: the arbitrable re-enters `settle` and `withdraw` while its ruling is being executed.
    function test_reentrantSettleIsRefused() public {
        uint256 id = _hostileDispute();
        hostile.setCallback(abi.encodeCall(ICourt.settle, (id, 0, 10)));
        court.executeRuling(id);
        assertFalse(hostile.lastCallbackOk());
        // Settlement still works afterwards, once.
        court.settle(id, 0, 10);
        vm.expectRevert(abi.encodeWithSelector(ICourt.RoundSettled.selector, id, 0));
        court.settle(id, 0, 10);
    }

    /// @dev A broken arbitrable cannot keep arbiters from their money: execution reverts and can be retried,
    /// settlement never calls the arbitrable.
    function test_revertingArbitrableDoesNotBlockSettlement() public {
        uint256 id = _hostileDispute();
        hostile.setReverting(true);
        vm.expectRevert("arbitrable broken");
        court.executeRuling(id);
        court.settle(id, 0, 10);
        hostile.setReverting(false);
        court.executeRuling(id);
        assertEq(hostile.rulings(id), 1);
    }

    function test_RevertWhen_withdrawDisputeRefundRefused() public {
        uint256 cost = court.arbitrationCost("");
        vm.deal(address(this), cost);
        uint256 id = hostile.create{value: cost}(2, "");
        hostile.setRefusing(true);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NativeTransferFailed.selector, address(hostile), cost));
        hostile.withdraw(id);
        hostile.setRefusing(false);
        assertEq(hostile.withdraw(id), cost);
    }

    function test_RevertWhen_withdrawToRefusingAccountKeepsItOwed() public {
        uint256 id = _createDispute();
        _draw(id);
        _vote(id, _votes3(1001, 1001, 1001));
        _toFinal(id);
        court.settle(id, 0, 10);
        // Nobody was coherent, so the treasury (owner) is owed the fee; it refuses the coin.
        vm.etch(owner, address(hostile).code);
        HostileArbitrable(payable(owner)).setRefusing(true);
        (uint256 native,) = views.owed(owner);
        assertEq(native, 3 * FEE_PER_ARBITER);
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(ICourt.NativeTransferFailed.selector, owner, native));
        court.withdraw();
        (uint256 still,) = views.owed(owner);
        assertEq(still, native);
    }

    function test_RevertWhen_stakingFeeOnTransferToken() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        Court feeCourt = new Court(fot, randomness, _defaultParams(), owner, address(new CourtViews()));
        address a = makeAddr("fee staker");
        fot.mint(a, 1_000 ether);
        vm.startPrank(a);
        fot.approve(address(feeCourt), 1_000 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICourt.TokenTransferMismatch.selector, address(fot), 1_000 ether, 990 ether
            )
        );
        feeCourt.setStake(1_000 ether);
        vm.stopPrank();
    }
}
