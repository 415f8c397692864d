import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Address, erc20Abi, type Hex, parseEther } from "viem";
import { type Market, startMarket } from "../../../test/market.ts";
import { getOrder } from "../../readers/getOrder.ts";
import { Ruling } from "../../rulings.ts";
import { OrderState, type WriteContext } from "../../types.ts";
import { buy } from "../buy.ts";
import { dispute } from "../dispute.ts";
import { payArbitrationFee } from "../payArbitrationFee.ts";
import { appeal } from "./appeal.ts";
import { commitVote } from "./commitVote.ts";
import { drawCommittee } from "./drawCommittee.ts";
import { executeRuling } from "./executeRuling.ts";
import { getArbiter } from "./getArbiter.ts";
import { CourtPhase, getCourtDispute } from "./getCourtDispute.ts";
import { revealVote } from "./revealVote.ts";
import { settleRound } from "./settleRound.ts";
import { stake } from "./stake.ts";
import { withdrawCourtRewards } from "./withdrawCourtRewards.ts";

const DAY = 86_400;
const STAKE = parseEther("1000");

describe("court actions", () => {
  let market: Market;
  /** Six arbiters: anvil accounts 4 to 9, each staking 1,000 placeholder tokens. */
  const arbiters = new Map<Address, WriteContext>();

  before(async () => {
    market = await startMarket();
    for (const account of market.anvil.accounts.slice(4)) {
      const context = market.contextOf(account.privateKey);
      const hash = await market.wallets.deployer.writeContract({
        address: market.deployment.contracts.LanternToken as Address,
        abi: erc20Abi,
        functionName: "transfer",
        args: [account.address, STAKE],
      });
      await market.publicClient.waitForTransactionReceipt({ hash });
      await stake(context, { amount: STAKE });
      arbiters.set(account.address, context);
    }
  });
  after(() => market.stop());

  const arbiter = (address: Address): WriteContext => {
    const context = arbiters.get(address);
    if (!context) throw new Error(`${address} is not one of the test's arbiters`);
    return context;
  };

  /** Every seat of the last round commits `ruling`, then reveals it once the commit period is over. */
  async function vote(disputeId: bigint, ruling: bigint) {
    const { rounds } = await getCourtDispute(market.buyer, { disputeId });
    const round = rounds.at(-1);
    assert.ok(round);
    const salts: Hex[] = [];
    for (const seat of round.seats) {
      salts.push(
        (await commitVote(arbiter(seat.arbiter), { disputeId, round: round.round, seat: seat.seat, ruling }))
          .salt,
      );
    }
    await market.travel(DAY);
    for (const seat of round.seats) {
      const salt = salts[seat.seat];
      assert.ok(salt);
      await revealVote(arbiter(seat.arbiter), {
        disputeId,
        round: round.round,
        seat: seat.seat,
        ruling,
        salt,
      });
    }
    await market.travel(DAY);
  }

  test("stake locks tokens in the court and reads back", async () => {
    const [first] = arbiters.keys();
    assert.ok(first);
    assert.deepEqual(await getArbiter(market.buyer, { arbiter: first }), {
      stake: STAKE,
      locked: 0n,
      owedNative: 0n,
      owedTokens: 0n,
    });
    await assert.rejects(stake(arbiter(first), { amount: 1n }), {
      errorName: "StakeBelowMinimum",
      shortMessage: `A stake must be zero or at least the minimum of ${parseEther("100")} token units; 1 is less.`,
    });
  });

  test("a trade dispute goes through draw, votes, appeal and a ruling the escrow carries out", async () => {
    const listing = await market.list({ price: parseEther("1") });
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.buyer, { orderId });
    const { disputeId, fee } = await payArbitrationFee(market.seller, { orderId });
    assert.equal(fee, parseEther("0.03"));

    const drawn = await drawCommittee(market.stranger, { disputeId });
    assert.equal(drawn.seats.length, 3);
    let state = await getCourtDispute(market.buyer, { disputeId });
    assert.equal(state.phase, CourtPhase.Commit);
    const firstSeat = drawn.seats[0];
    assert.ok(firstSeat);
    const locked = await getArbiter(market.buyer, { arbiter: firstSeat.arbiter });
    assert.ok(locked.locked > 0n);

    // A non-drawn account cannot vote, and the message says so.
    await assert.rejects(
      commitVote(market.stranger, { disputeId, round: 0, seat: 0, ruling: Ruling.Release }),
      { errorName: "NotDrawn" },
    );

    await vote(disputeId, Ruling.Release);
    state = await getCourtDispute(market.buyer, { disputeId });
    assert.equal(state.phase, CourtPhase.Appeal);
    assert.equal(state.ruling, Ruling.Release);

    const appealed = await appeal(market.buyer, { disputeId });
    assert.equal(appealed.fee, parseEther("0.07"));
    const second = await drawCommittee(market.stranger, { disputeId });
    assert.equal(second.seats.length, 7);
    await vote(disputeId, Ruling.Refund);
    await market.travel(2 * DAY);
    state = await getCourtDispute(market.buyer, { disputeId });
    assert.equal(state.phase, CourtPhase.Final);

    await executeRuling(market.stranger, { disputeId });
    const order = await getOrder(market.buyer, { orderId });
    assert.equal(order.state, OrderState.Resolved);
    assert.equal(order.resolution?.ruling, Ruling.Refund);
    await assert.rejects(executeRuling(market.stranger, { disputeId }), {
      errorName: "RulingAlreadyExecuted",
      shortMessage: `The ruling of dispute ${disputeId} was carried out already.`,
    });

    await settleRound(market.stranger, { disputeId, round: 0 });
    await settleRound(market.stranger, { disputeId, round: 1 });
    const winner = second.seats[0]?.arbiter;
    assert.ok(winner);
    const owed = await getArbiter(market.buyer, { arbiter: winner });
    assert.ok(owed.owedNative > 0n);
    const before = await market.balance(winner);
    const { receipt } = await withdrawCourtRewards(arbiter(winner));
    const gas = receipt.gasUsed * receipt.effectiveGasPrice;
    assert.equal(await market.balance(winner), before + owed.owedNative - gas);
  });
});
