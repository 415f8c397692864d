import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { encodeFunctionData, parseEther } from "viem";
import { castVote, VoteSupport } from "../src/actions/dao/castVote.ts";
import { delegate } from "../src/actions/dao/delegate.ts";
import { executeProposal } from "../src/actions/dao/executeProposal.ts";
import { getProposal } from "../src/actions/dao/getProposal.ts";
import type { Proposal } from "../src/actions/dao/proposal.ts";
import { propose } from "../src/actions/dao/propose.ts";
import { queueProposal } from "../src/actions/dao/queueProposal.ts";
import { archiveAbi, escrowAbi } from "../src/generated/abis.ts";
import { write } from "../src/internal/write.ts";
import { type Market, startMarket } from "./market.ts";

const DAY = 86_400;

describe("governance through the SDK", () => {
  let market: Market;
  let proposal: Proposal;
  before(async () => {
    market = await startMarket({ keepAdmin: false });
    proposal = {
      calls: [
        {
          target: market.deployment.contracts.Escrow,
          data: encodeFunctionData({ abi: escrowAbi, functionName: "setWindows", args: [5 * DAY, 20 * DAY] }),
        },
        {
          // Only the timelock can authorize an archive publisher once deploy() handed the archive over.
          target: archive(),
          data: encodeFunctionData({
            abi: archiveAbi,
            functionName: "setPublisher",
            args: [market.wallets.stranger.account.address, true],
          }),
        },
      ],
      description: "Longer windows for international shipping",
    };
  });
  after(() => market?.stop());

  const archive = () => market.deployment.contracts.Archive ?? assert.fail("deploy() made no Archive");
  const isPublisher = () =>
    market.publicClient.readContract({
      address: archive(),
      abi: archiveAbi,
      functionName: "isPublisher",
      args: [market.wallets.stranger.account.address],
    });

  const shipWindow = () =>
    market.publicClient.readContract({
      address: market.deployment.contracts.Escrow,
      abi: escrowAbi,
      functionName: "shipWindow",
    });

  test("the deployer is refused like anyone else, in words", async () => {
    await assert.rejects(
      write(market.deployer, {
        address: market.deployment.contracts.Escrow,
        abi: escrowAbi,
        functionName: "setWindows",
        args: [5 * DAY, 20 * DAY],
      }),
      { name: "ContractRevertError", errorName: "OwnableUnauthorizedAccount" },
    );
  });

  test("an account without delegated votes cannot propose", async () => {
    await assert.rejects(propose(market.stranger, proposal), {
      errorName: "GovernorInsufficientProposerVotes",
      shortMessage: new RegExp(
        `^${market.wallets.stranger.account.address} has 0 LNTN of votes; proposing needs 100000 LNTN`,
      ),
    });
  });

  test("propose, vote, queue and execute change a parameter", async () => {
    await delegate(market.deployer);
    await market.travel(1);
    const { proposalId } = await propose(market.deployer, proposal);
    assert.equal((await getProposal(market.deployer, { proposalId })).state, "Pending");

    await assert.rejects(castVote(market.deployer, { proposalId, support: VoteSupport.For }), {
      errorName: "GovernorUnexpectedProposalState",
      shortMessage: /is Pending; this step needs it Active\.$/,
    });
    await market.travel(DAY + 1);
    await castVote(market.deployer, { proposalId, support: VoteSupport.For, reason: "buyers abroad" });
    const active = await getProposal(market.deployer, { proposalId });
    assert.equal(active.state, "Active");
    assert.equal(active.votes.for, parseEther("100000000"));
    assert.equal(active.quorum, parseEther("4000000"));

    await market.travel(5 * DAY);
    assert.equal((await getProposal(market.deployer, { proposalId })).state, "Succeeded");
    await queueProposal(market.stranger, proposal);
    assert.equal(await isPublisher(), false, "nothing happens before the timelock runs the proposal");
    await assert.rejects(executeProposal(market.stranger, proposal), {
      errorName: "TimelockUnexpectedOperationState",
    });
    await market.travel(2 * DAY);
    await executeProposal(market.stranger, proposal);
    assert.equal((await getProposal(market.deployer, { proposalId })).state, "Executed");
    assert.equal(await shipWindow(), 5 * DAY);
    assert.equal(await isPublisher(), true, "the proposal authorized an archive publisher");
  });
});
