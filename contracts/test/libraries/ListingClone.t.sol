// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {ListingClone} from "../../src/libraries/ListingClone.sol";
import {Fixture} from "../utils/Fixture.sol";
import {FakeListing} from "../utils/hostile/FakeListing.sol";
import {RogueCloner} from "../utils/hostile/RogueCloner.sol";

/// @dev Exposes the library's internal functions as external calls.
contract ListingCloneHarness {
    function encodeArgs(address seller, address currency, uint64 salt) external pure returns (bytes memory) {
        return ListingClone.encodeArgs(seller, currency, salt);
    }

    function deploy(address template, bytes calldata args, uint64 salt) external returns (address) {
        return ListingClone.deploy(template, args, salt);
    }

    function predict(address template, bytes calldata args, uint64 salt, address factory)
        external
        pure
        returns (address)
    {
        return ListingClone.predict(template, args, salt, factory);
    }

    function verify(address listing, address factory) external view returns (address, address) {
        return ListingClone.verify(listing, factory);
    }
}

contract ListingCloneTest is Fixture {
    ListingCloneHarness internal harness;
    RogueCloner internal cloner;

    function setUp() public override {
        super.setUp();
        harness = new ListingCloneHarness();
        cloner = new RogueCloner();
    }

    function test_encodeArgs_packsCommonArgs() public view {
        bytes memory args = harness.encodeArgs(seller, address(token), 7);
        assertEq(args.length, ListingClone.COMMON_ARGS_LENGTH);
        assertEq(args, abi.encodePacked(seller, address(token), uint64(7)));
    }

    function test_deploy_deploysAtPredictedAddress() public {
        bytes memory args = harness.encodeArgs(seller, address(0), 42);
        address predicted = harness.predict(address(template), args, 42, address(harness));
        assertEq(harness.deploy(address(template), args, 42), predicted);
        assertEq(predicted.code.length, ListingClone.ARGS_OFFSET + ListingClone.COMMON_ARGS_LENGTH);
    }

    function test_deploy_returnsZeroWhenAddressTaken() public {
        bytes memory args = harness.encodeArgs(seller, address(0), 42);
        harness.deploy(address(template), args, 42);
        assertEq(harness.deploy(address(template), args, 42), address(0));
    }

    /// @dev The library's clones are OpenZeppelin's clones with immutable args, byte for byte.
    function testFuzz_predict_matchesOpenZeppelinClones(address seller_, address currency, uint64 salt)
        public
    {
        bytes memory args = harness.encodeArgs(seller_, currency, salt);
        address predicted = harness.predict(address(template), args, salt, address(cloner));
        assertEq(
            predicted,
            Clones.predictDeterministicAddressWithImmutableArgs(
                address(template), args, bytes32(uint256(salt)), address(cloner)
            )
        );
        assertEq(cloner.clone(address(template), seller_, currency, salt), predicted);
    }

    function test_verify_returnsSellerAndCurrencyOfGenuineListing() public {
        address listing = _list(address(token), 5e18, 3);
        (address s, address c) = harness.verify(listing, address(factory));
        assertEq(s, seller);
        assertEq(c, address(token));
    }

    function test_verify_nativeListingHasZeroCurrency() public {
        address listing = _list(address(0), 1 ether, 1);
        (address s, address c) = harness.verify(listing, address(factory));
        assertEq(s, seller);
        assertEq(c, address(0));
    }

    function test_verify_cloneCodeLayout() public {
        address listing = _list(address(0), 1 ether, 1);
        bytes memory code = listing.code;
        assertEq(code.length, ListingClone.ARGS_OFFSET + ListingClone.COMMON_ARGS_LENGTH);
        address embedded;
        assembly {
            embedded := shr(96, mload(add(add(code, 0x20), 10)))
        }
        assertEq(embedded, address(template));
    }

    function test_verify_rejectsOtherFactory() public {
        address listing = _list(address(0), 1 ether, 1);
        (address s, address c) = harness.verify(listing, address(cloner));
        assertEq(s, address(0));
        assertEq(c, address(0));
    }

    function test_verify_rejectsEOA() public {
        (address s,) = harness.verify(makeAddr("eoa"), address(factory));
        assertEq(s, address(0));
    }

    function test_verify_rejectsShortCode() public {
        address short = makeAddr("short");
        vm.etch(short, new bytes(ListingClone.ARGS_OFFSET + ListingClone.COMMON_ARGS_LENGTH - 1));
        (address s,) = harness.verify(short, address(factory));
        assertEq(s, address(0));
    }

    function test_verify_rejectsTemplate() public view {
        (address s,) = harness.verify(address(template), address(factory));
        assertEq(s, address(0));
    }

    function test_verify_rejectsFakeListing() public {
        FakeListing fake = new FakeListing(seller, address(0));
        (address s,) = harness.verify(address(fake), address(factory));
        assertEq(s, address(0));
    }

    /// @dev The same code at another address proves nothing: the address is the proof.
    function test_verify_rejectsGenuineCodeAtAnotherAddress() public {
        address listing = _list(address(0), 1 ether, 1);
        address copy = makeAddr("copy");
        vm.etch(copy, listing.code);
        (address s,) = harness.verify(copy, address(factory));
        assertEq(s, address(0));
    }

    function test_verify_rejectsRogueCloneOfGenuineTemplate() public {
        address genuine = _list(address(0), 1 ether, 1);
        address rogue = cloner.clone(address(template), seller, address(0), 0);
        assertEq(rogue.code, genuine.code, "byte-for-byte the same clone");
        (address s,) = harness.verify(rogue, address(factory));
        assertEq(s, address(0));
        // The proof holds for whoever did deploy it.
        (s,) = harness.verify(rogue, address(cloner));
        assertEq(s, seller);
    }

    function test_verify_acceptsAppendedArgs() public {
        bytes memory args = abi.encodePacked(
            ListingClone.encodeArgs(seller, address(token), 4), bytes32("auction end"), uint64(99)
        );
        address listing = cloner.cloneWithArgs(address(template), args, bytes32(uint256(4)));
        (address s, address c) = harness.verify(listing, address(cloner));
        assertEq(s, seller);
        assertEq(c, address(token));
    }

    function test_verify_rejectsSaltOtherThanArg() public {
        bytes memory args = ListingClone.encodeArgs(seller, address(0), 4);
        address listing = cloner.cloneWithArgs(address(template), args, bytes32(uint256(5)));
        (address s,) = harness.verify(listing, address(cloner));
        assertEq(s, address(0));
    }

    function test_verify_rejectsArgsShorterThanCommon() public {
        bytes memory args = abi.encodePacked(seller, address(0), uint56(0));
        address listing = cloner.cloneWithArgs(address(template), args, bytes32(0));
        (address s,) = harness.verify(listing, address(cloner));
        assertEq(s, address(0));
    }

    function testFuzz_verify_provesDeployer(address s, address c, uint64 salt, address other) public {
        vm.assume(s != address(0));
        vm.assume(other != address(cloner));
        address listing = cloner.clone(address(template), s, c, salt);
        (address gotSeller, address gotCurrency) = harness.verify(listing, address(cloner));
        assertEq(gotSeller, s);
        assertEq(gotCurrency, c);
        (gotSeller, gotCurrency) = harness.verify(listing, other);
        assertEq(gotSeller, address(0));
        assertEq(gotCurrency, address(0));
    }
}
