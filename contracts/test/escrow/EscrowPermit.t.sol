// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrow} from "../../src/interfaces/IEscrow.sol";
import {IListing} from "../../src/interfaces/IListing.sol";
import {MarketFixture} from "../utils/MarketFixture.sol";
import {NoReturnToken} from "../utils/tokens/NoReturnToken.sol";

contract EscrowPermitTest is MarketFixture {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    address internal listing;
    uint256 internal deadline;

    function setUp() public override {
        super.setUp();
        listing = _list(address(token), TOKEN_PRICE, STOCK);
        deadline = block.timestamp + 1 hours;
    }

    function _sign(uint256 key, address owner_, uint256 value, uint256 deadline_)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        bytes32 structHash = keccak256(
            abi.encode(PERMIT_TYPEHASH, owner_, address(escrow), value, token.nonces(owner_), deadline_)
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(key, digest);
    }

    function test_buyWithPermit_escrowedHoldsFunds() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(buyerKey, buyer, 2 * TOKEN_PRICE, deadline);
        _expectOrderPaid(1, listing, buyer, seller, address(token), 2 * TOKEN_PRICE, 2, true);
        vm.prank(buyer);
        uint256 id = escrow.buyWithPermit(listing, 2, true, 2 * TOKEN_PRICE, SHIPPING, deadline, v, r, s);
        assertEq(token.balanceOf(address(escrow)), 2 * TOKEN_PRICE);
        assertEq(token.allowance(buyer, address(escrow)), 0);
        assertEq(token.nonces(buyer), 1);
        assertEq(escrow.orderHash(id), _hash(_paidOrder(listing, address(token), uint96(2 * TOKEN_PRICE), 2)));
    }

    function test_buyWithPermit_directPaysSeller() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(buyerKey, buyer, TOKEN_PRICE, deadline);
        _expectOrderPaid(1, listing, buyer, seller, address(token), TOKEN_PRICE, 1, false);
        vm.prank(buyer);
        escrow.buyWithPermit(listing, 1, false, TOKEN_PRICE, SHIPPING, deadline, v, r, s);
        assertEq(token.balanceOf(seller), TOKEN_PRICE);
        assertEq(token.balanceOf(address(escrow)), 0);
    }

    /// @dev Someone copies the permit from the mempool and submits it first: the purchase still goes through.
    function test_buyWithPermit_frontRunPermitStillWorks() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(buyerKey, buyer, TOKEN_PRICE, deadline);
        vm.prank(stranger);
        token.permit(buyer, address(escrow), TOKEN_PRICE, deadline, v, r, s);
        assertEq(token.allowance(buyer, address(escrow)), TOKEN_PRICE);

        vm.prank(buyer);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, deadline, v, r, s);
        assertEq(token.balanceOf(address(escrow)), TOKEN_PRICE);
        assertEq(token.allowance(buyer, address(escrow)), 0);
    }

    function test_RevertWhen_buyWithPermitBadSignatureWithoutAllowance() public {
        (, uint256 otherKey) = makeAddrAndKey("other signer");
        (uint8 v, bytes32 r, bytes32 s) = _sign(otherKey, buyer, TOKEN_PRICE, deadline);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PermitFailed.selector, address(token)));
        vm.prank(buyer);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, deadline, v, r, s);
    }

    function test_buyWithPermit_badSignatureWithExistingAllowance() public {
        vm.prank(buyer);
        token.approve(address(escrow), TOKEN_PRICE);
        vm.prank(buyer);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, deadline, 27, bytes32(0), bytes32(0));
        assertEq(token.balanceOf(address(escrow)), TOKEN_PRICE);
    }

    function test_RevertWhen_buyWithPermitExpired() public {
        uint256 past = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _sign(buyerKey, buyer, TOKEN_PRICE, past);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PermitFailed.selector, address(token)));
        vm.prank(buyer);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, past, v, r, s);
    }

    function test_RevertWhen_buyWithPermitAllowanceBelowAmount() public {
        vm.prank(buyer);
        token.approve(address(escrow), TOKEN_PRICE - 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PermitFailed.selector, address(token)));
        vm.prank(buyer);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, deadline, 27, bytes32(0), bytes32(0));
    }

    function test_RevertWhen_buyWithPermitSignedForAnotherBuyer() public {
        // The permit is checked against msg.sender, so a stolen signature cannot buy for someone else.
        (uint8 v, bytes32 r, bytes32 s) = _sign(buyerKey, buyer, TOKEN_PRICE, deadline);
        token.mint(stranger, TOKEN_PRICE);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PermitFailed.selector, address(token)));
        vm.prank(stranger);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, deadline, v, r, s);
    }

    function test_RevertWhen_buyWithPermitNativeListing() public {
        address native = _list(address(0), PRICE, STOCK);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.NotTokenListing.selector, native));
        vm.prank(buyer);
        escrow.buyWithPermit(native, 1, true, PRICE, SHIPPING, deadline, 27, bytes32(0), bytes32(0));
    }

    function test_RevertWhen_buyWithPermitNotGenuine() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.ListingNotGenuine.selector, stranger));
        vm.prank(buyer);
        escrow.buyWithPermit(stranger, 1, true, 1, SHIPPING, deadline, 27, bytes32(0), bytes32(0));
    }

    function test_RevertWhen_buyWithPermitPriceChanged() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(buyerKey, buyer, TOKEN_PRICE, deadline);
        vm.prank(seller);
        IListing(listing).setPrice(TOKEN_PRICE + 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.PriceMismatch.selector, TOKEN_PRICE, TOKEN_PRICE + 1));
        vm.prank(buyer);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, deadline, v, r, s);
        assertEq(token.nonces(buyer), 0, "the permit is undone with the purchase");
    }

    function test_RevertWhen_buyWithPermitOwnListing() public {
        (, uint256 sellerKey) = makeAddrAndKey("seller");
        (uint8 v, bytes32 r, bytes32 s) = _sign(sellerKey, seller, TOKEN_PRICE, deadline);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.BuyerIsSeller.selector, seller));
        vm.prank(seller);
        escrow.buyWithPermit(listing, 1, true, TOKEN_PRICE, SHIPPING, deadline, v, r, s);
    }

    /// @dev A token without `permit` still works through `buyWithPermit` when the allowance is there.
    function test_buyWithPermit_tokenWithoutPermitUsesAllowance() public {
        NoReturnToken usdt = new NoReturnToken();
        vm.prank(owner);
        factory.setCurrency(address(usdt), true);
        address l = _list(address(usdt), 100e6, STOCK);
        usdt.mint(buyer, 100e6);
        vm.prank(buyer);
        usdt.approve(address(escrow), 100e6);
        vm.prank(buyer);
        escrow.buyWithPermit(l, 1, true, 100e6, SHIPPING, deadline, 27, bytes32(0), bytes32(0));
        assertEq(usdt.balanceOf(address(escrow)), 100e6);
    }

    function testFuzz_buyWithPermit_anyQuantity(uint32 quantity, bool escrowed) public {
        quantity = uint32(bound(quantity, 1, STOCK));
        uint256 amount = TOKEN_PRICE * quantity;
        (uint8 v, bytes32 r, bytes32 s) = _sign(buyerKey, buyer, amount, deadline);
        vm.prank(buyer);
        escrow.buyWithPermit(listing, quantity, escrowed, amount, SHIPPING, deadline, v, r, s);
        assertEq(token.balanceOf(escrowed ? address(escrow) : seller), amount);
        assertEq(IListing(listing).stock(), STOCK - quantity);
    }
}
