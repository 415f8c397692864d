import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther, zeroAddress } from "viem";
import { type Market, METADATA_CID, startMarket, TITLE } from "../../test/market.ts";
import { ContractRevertError } from "../errors/contract.ts";
import { listingFactoryAbi } from "../generated/abis.ts";
import { getListing } from "../readers/getListing.ts";
import { ListingStatus } from "../types.ts";
import { createListing } from "./createListing.ts";

describe("createListing", () => {
  let market: Market;
  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  test("deploys a listing with the seller's terms and returns its address from ListingCreated", async () => {
    const { listing, salt, receipt } = await createListing(market.seller, {
      price: parseEther("0.05"),
      stock: 3,
      metadataCid: METADATA_CID,
      title: TITLE,
      category: "electronics/cameras",
    });
    assert.equal(receipt.status, "success");
    const predicted = await market.publicClient.readContract({
      address: market.deployment.contracts.ListingFactory,
      abi: listingFactoryAbi,
      functionName: "predictListing",
      args: [
        market.deployment.contracts.FixedPriceListing,
        market.seller.walletClient.account.address,
        zeroAddress,
        salt,
      ],
    });
    assert.equal(listing, predicted);

    const view = await getListing(market.seller, { listing });
    assert.deepEqual(view, {
      listing,
      seller: market.seller.walletClient.account.address,
      currency: zeroAddress,
      price: parseEther("0.05"),
      stock: 3n,
      sold: 0n,
      status: ListingStatus.Active,
      salt,
      template: market.deployment.contracts.FixedPriceListing,
      factory: market.deployment.contracts.ListingFactory,
      escrow: market.deployment.contracts.Escrow,
      genuine: true,
    });
  });

  test("lists in an approved token", async () => {
    const listing = await market.list({ currency: market.token, price: parseEther("25") });
    const view = await getListing(market.buyer, { listing });
    assert.equal(view.currency, market.token);
    assert.equal(view.price, parseEther("25"));
  });

  test("explains a title that is too long", async () => {
    await assert.rejects(
      createListing(market.seller, {
        price: 1n,
        stock: 1,
        metadataCid: METADATA_CID,
        title: "x".repeat(141),
        category: "misc",
      }),
      (error: unknown) => {
        assert.ok(error instanceof ContractRevertError);
        assert.equal(error.errorName, "InvalidField");
        assert.equal(error.shortMessage, "The title is 141 bytes long; at most 140 are allowed.");
        return true;
      },
    );
  });

  test("explains a salt that was already used", async () => {
    const terms = {
      price: 1n,
      stock: 1,
      metadataCid: METADATA_CID,
      title: "Lamp",
      category: "home",
      salt: 7n,
    };
    const { listing } = await createListing(market.seller, terms);
    await assert.rejects(createListing(market.seller, terms), {
      name: "ContractRevertError",
      errorName: "ListingExists",
      shortMessage: `A listing already exists at ${listing} for this seller, currency and salt; use another salt.`,
    });
  });

  test("explains a currency the marketplace does not accept", async () => {
    const currency = market.stranger.walletClient.account.address;
    await assert.rejects(
      createListing(market.seller, {
        price: 1n,
        stock: 1,
        metadataCid: METADATA_CID,
        title: "Lamp",
        category: "home",
        currency,
      }),
      {
        errorName: "CurrencyNotApproved",
        shortMessage: `Token ${currency} is not approved as a payment currency.`,
      },
    );
  });
});
