import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseEther } from "viem";
import { type Market, startMarket } from "../../../test/market.ts";
import { fixedPriceListingAbi } from "../../generated/abis.ts";
import { ListingStatus } from "../../types.ts";
import { contestReport } from "./contestReport.ts";
import { executeReportDefault } from "./executeReportDefault.ts";
import { getReport, ReportState } from "./getReport.ts";
import { reportListing } from "./reportListing.ts";
import { submitReportEvidence } from "./submitReportEvidence.ts";
import { withdrawCurationPayments } from "./withdrawCurationPayments.ts";

const DAY = 86_400;

describe("curation actions", () => {
  let market: Market;

  before(async () => {
    market = await startMarket();
  });
  after(() => market.stop());

  const statusOf = (listing: `0x${string}`) =>
    market.publicClient.readContract({ address: listing, abi: fixedPriceListingAbi, functionName: "status" });

  test("an uncontested report removes the listing by default and returns the deposit", async () => {
    const listing = await market.list();
    const reporter = market.stranger.walletClient.account.address;
    const report = await reportListing(market.stranger, { listing, evidence: "/ipfs/bafkreicounterfeit" });
    // The base deposit (0.05) plus the court's fee for three arbiters (0.03).
    assert.equal(report.deposit, parseEther("0.08"));
    await submitReportEvidence(market.buyer, { reportId: report.reportId, evidence: "/ipfs/bafkreimore" });
    await assert.rejects(executeReportDefault(market.buyer, { reportId: report.reportId }), {
      errorName: "ContestWindowOpen",
      shortMessage:
        `The seller may contest report ${report.reportId} until ${new Date(report.deadline * 1000).toISOString()}; ` +
        "it cannot default before.",
    });
    await market.travel(3 * DAY);
    const before = await market.balance(reporter);
    await executeReportDefault(market.buyer, { reportId: report.reportId });
    assert.equal(await market.balance(reporter), before + report.deposit);
    assert.equal(await statusOf(listing), ListingStatus.Removed);
    const read = await getReport(market.buyer, { reportId: report.reportId });
    assert.equal(read.state, ReportState.Defaulted);
    assert.equal(read.ruling, 1);
    await assert.rejects(withdrawCurationPayments(market.stranger), { errorName: "NothingOwed" });
  });

  test("the seller contests by matching the deposit, and the report goes to the court", async () => {
    const listing = await market.list();
    const { reportId, deposit } = await reportListing(market.stranger, {
      listing,
      evidence: "/ipfs/bafkreifake",
    });
    await assert.rejects(contestReport(market.buyer, { reportId }), {
      errorName: "NotListingSeller",
      shortMessage:
        `Only the seller of the reported listing may contest report ${reportId}; ` +
        `${market.buyer.walletClient.account.address} is not it.`,
    });
    const contested = await contestReport(market.seller, { reportId, evidence: "/ipfs/bafkreigenuine" });
    assert.equal(contested.deposit, deposit);
    const read = await getReport(market.buyer, { reportId });
    assert.equal(read.state, ReportState.Disputed);
    assert.equal(read.disputeId, contested.disputeId);
    assert.equal(read.arbitrator, market.deployment.contracts.Court);
    assert.equal(await statusOf(listing), ListingStatus.Active);
  });
});
