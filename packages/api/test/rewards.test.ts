import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  claimReward,
  createListing,
  getPostedRewardRoots,
  lanternTokenAbi,
  postRewardRoot,
  RewardActionKind,
  recomputeEpoch,
  rewardActionTypes,
  rewardDomain,
  type SignedRewardAction,
  signRewardAction,
  type WriteContext,
} from "@lantern/sdk";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { type Address, type Hex, pad } from "viem";
import { databaseTargets } from "../../indexer/test/helpers/databases.ts";
import { eventually } from "../../indexer/test/helpers/indexer.ts";
import { type Fixture, startFixture } from "./helpers/fixture.ts";

const DAY = 86_400;
const RUNS = Number(process.env.API_FUZZ_RUNS ?? 1000);
const hex = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), minLength, maxLength });

/** The body POST /actions takes: the signed action with its big numbers as decimal strings. */
const body = ({ action, signature }: SignedRewardAction) => ({
  action: { ...action, epoch: action.epoch.toString(), nonce: action.nonce.toString() },
  signature,
});

for (const target of databaseTargets()) {
  describe(`rewards routes on ${target.name}`, () => {
    let f: Fixture;
    let app: FastifyInstance;
    let buyer: WriteContext;
    const targets: Hex[] = [];
    let nonce = 0n;
    const sign = (context: WriteContext, kind: RewardActionKind, listing: Hex, epoch = 0n) =>
      signRewardAction(context, { kind, target: listing, epoch, nonce: ++nonce });
    const post = async (payload: unknown) => {
      const response = await app.inject({
        method: "POST",
        url: "/actions",
        headers: { "content-type": "application/json" },
        payload: typeof payload === "string" ? payload : JSON.stringify(payload),
      });
      return { status: response.statusCode, body: response.json() };
    };
    const get = async (url: string) => {
      const response = await app.inject({ method: "GET", url });
      return { status: response.statusCode, body: response.json() };
    };
    const count = async () =>
      Number((await f.db.query<{ n: number }>("SELECT count(*)::int AS n FROM reward_actions"))[0]?.n);

    before(async () => {
      f = await startFixture(target);
      // Four more listings, so that an account can reach the cap of likes (10 listings) on distinct targets.
      for (let i = 0; i < 4; i++) {
        await createListing(f.chain.seller, {
          price: 1_000n,
          stock: 1,
          metadataCid: Object.values(f.listings)[0]?.cid ?? "",
          title: `Extra listing ${i}`,
          category: "misc",
          location: "Lisbon",
        });
      }
      await eventually(
        async () =>
          Number((await f.db.query<{ n: number }>("SELECT count(*)::int AS n FROM listings"))[0]?.n) >= 11,
        20_000,
        "the extra listings",
      );
      for (const row of await f.db.query<{ address: string }>(
        "SELECT address FROM listings ORDER BY address",
      )) {
        targets.push(pad(row.address as Hex));
      }
      app = await f.makeApi({
        chain: { publicClient: f.chain.publicClient as never, deployment: f.chain.deployment },
      });
      buyer = f.chain.buyer;
    });
    after(async () => {
      await app?.close();
      await f?.close();
    });

    test("a signed view and like are collected once; replays, forgeries and other epochs are refused", async () => {
      const [first, second] = targets as [Hex, Hex];
      const view = await sign(buyer, RewardActionKind.View, first);
      assert.deepEqual((await post(body(view))).status, 201);
      const again = await post(body(view));
      assert.equal(again.status, 409);
      assert.equal(again.body.error.field, "body.action.nonce");
      const sameNonce = await post(
        body(
          await signRewardAction(buyer, {
            kind: RewardActionKind.View,
            target: second,
            epoch: 0n,
            nonce: nonce,
          }),
        ),
      );
      assert.equal(sameNonce.status, 409);
      const secondView = await post(body(await sign(buyer, RewardActionKind.View, first)));
      assert.equal(secondView.status, 409);
      assert.equal(secondView.body.error.field, "body.action.target");
      assert.equal((await post(body(await sign(buyer, RewardActionKind.Like, first)))).status, 201);

      const forged = {
        ...body(view),
        action: { ...body(view).action, account: f.chain.seller.walletClient.account.address, nonce: "999" },
      };
      const refusedForgery = await post(forged);
      assert.equal(refusedForgery.status, 400);
      assert.equal(refusedForgery.body.error.field, "body.signature");

      const message = {
        account: buyer.walletClient.account.address,
        kind: 0,
        target: second,
        epoch: 0n,
        nonce: 77n,
      } as const;
      const otherChain = await buyer.walletClient.signTypedData({
        account: buyer.walletClient.account,
        domain: rewardDomain(1, f.chain.deployment.contracts.Rewards as Address),
        types: rewardActionTypes,
        primaryType: "Action",
        message,
      });
      assert.equal(
        (await post(body({ action: message, signature: otherChain }))).body.error.field,
        "body.signature",
      );

      const nextEpoch = await post(body(await sign(buyer, RewardActionKind.Share, second, 1n)));
      assert.equal(nextEpoch.status, 400);
      assert.equal(nextEpoch.body.error.field, "body.action.epoch");
      const notListing = await post(
        body(await sign(buyer, RewardActionKind.Share, pad(f.chain.deployment.contracts.Escrow))),
      );
      assert.equal(notListing.body.error.field, "body.action.target");
      assert.equal((await post("{not json")).body.error.field, "body");
      assert.equal((await post({ ...body(view), extra: 1 })).status, 400);
      assert.equal(await count(), 2);
    });

    test("the cap per kind: the eleventh like of an epoch is refused and not stored", async () => {
      const liker = f.chain.context(4);
      for (const listing of targets.slice(0, 10)) {
        assert.equal((await post(body(await sign(liker, RewardActionKind.Like, listing)))).status, 201);
      }
      const over = await post(body(await sign(liker, RewardActionKind.Like, targets[10] as Hex)));
      assert.equal(over.status, 422);
      assert.match(over.body.error.message, /cap of 20 points for likes/);
      const { body: mine } = await get(`/rewards/${liker.walletClient.account.address}`);
      assert.equal(mine.points.like, "20");
    });

    test("POST /actions never answers 5xx and never stores a malformed or tampered action (fuzz)", async () => {
      const base = body(await sign(buyer, RewardActionKind.Share, targets[1] as Hex));
      const before = await count();
      const field = fc.constantFrom("account", "kind", "target", "epoch", "nonce");
      const junk = fc.oneof(
        fc.string(),
        fc.integer(),
        fc.bigInt({ min: 0n, max: 2n ** 260n }).map(String),
        fc.constant(null),
        hex(0, 140).map((h) => `0x${h}`),
        fc.constantFrom("0", "1", "2", "3", -1, 1.5, "0x", `0x${"0".repeat(64)}`),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            // One field of a correctly signed action changed: the signature no longer matches.
            fc
              .tuple(field, junk)
              .map(([name, value]) => ({ ...base, action: { ...base.action, [name]: value } })),
            // Another signature.
            hex(130, 130).map((h) => ({ ...base, signature: `0x${h}` })),
            // Anything at all.
            fc.jsonValue(),
            fc.string().map((s) => ({ raw: s })),
          ),
          async (payload) => {
            const sent =
              payload && typeof payload === "object" && "raw" in payload ? String(payload.raw) : payload;
            if (JSON.stringify(sent) === JSON.stringify(base)) return;
            const { status, body: answer } = await post(sent);
            assert.ok(status >= 400 && status < 500, `status ${status} for ${JSON.stringify(sent)}`);
            assert.equal(typeof answer.error.message, "string");
          },
        ),
        { numRuns: RUNS },
      );
      assert.equal(await count(), before);
    });

    test("after the epoch: anyone recomputes the posted root from public data, and the account claims", async () => {
      const account = buyer.walletClient.account.address;
      const current = await get(`/rewards/${account}`);
      assert.equal(current.status, 200);
      // The fixture's completed order: 10 purchase points; one view (1) and one like (2) above.
      assert.deepEqual(
        {
          purchase: current.body.points.purchase,
          view: current.body.points.view,
          like: current.body.points.like,
        },
        { purchase: "10", view: "1", like: "2" },
      );
      assert.equal(current.body.epoch, "0");
      assert.ok(BigInt(current.body.budget) > 0n);
      assert.equal((await get("/rewards/epochs/0/actions")).status, 400);

      await f.chain.rpc("evm_increaseTime", [7 * DAY]);
      await f.chain.rpc("evm_mine");
      const published = await get("/rewards/epochs/0/actions");
      assert.equal(published.status, 200);
      const signedActions: SignedRewardAction[] = published.body.actions.map(
        (a: ReturnType<typeof body>) => ({
          action: { ...a.action, epoch: BigInt(a.action.epoch), nonce: BigInt(a.action.nonce) },
          signature: a.signature,
        }),
      );
      assert.equal(signedActions.length, 12);
      const reader = { publicClient: f.chain.publicClient as never, deployment: f.chain.deployment };
      const distributed = await recomputeEpoch(reader, { epoch: 0n, signedActions });
      await postRewardRoot(f.chain.context(0), distributed);

      // A third party reruns computeEpoch from the published actions and the chain, with the posted budget.
      const [posted] = await getPostedRewardRoots(reader);
      assert.ok(posted);
      const checked = await recomputeEpoch(reader, { epoch: 0n, signedActions, budget: posted.budget });
      assert.equal(checked.root, posted.root);
      assert.deepEqual(checked.rejected, []);

      const waiting = (await get(`/rewards/${account}`)).body.claims[0];
      assert.equal(waiting.status, "challenge_window");
      await f.chain.rpc("evm_increaseTime", [2 * DAY]);
      await f.chain.rpc("evm_mine");
      const claim = (await get(`/rewards/${account}`)).body.claims[0];
      assert.equal(claim.status, "claimable");
      await claimReward(f.chain.context(3), {
        epoch: 0n,
        index: BigInt(claim.index),
        account,
        amount: BigInt(claim.amount),
        proof: claim.proof,
      });
      const balance = await f.chain.publicClient.readContract({
        address: f.chain.deployment.contracts.LanternToken as Address,
        abi: lanternTokenAbi,
        functionName: "balanceOf",
        args: [account],
      });
      assert.equal(balance, BigInt(claim.amount));
      assert.equal((await get(`/rewards/${account}`)).body.claims[0].status, "claimed");
    });

    test("the rewards routes are in the OpenAPI document and refuse bad parameters", async () => {
      const { body: doc } = await get("/openapi.json");
      for (const path of ["/actions", "/rewards/{address}", "/rewards/epochs/{epoch}/actions"])
        assert.ok(doc.paths[path], path);
      assert.equal((await get("/rewards/0x123")).body.error.field, "params.address");
      assert.equal((await get("/rewards/epochs/x/actions")).body.error.field, "params.epoch");
      const withoutChain = await f.makeApi();
      try {
        assert.equal(
          (await withoutChain.inject({ method: "GET", url: `/rewards/${"0x".padEnd(42, "1")}` })).statusCode,
          503,
        );
      } finally {
        await withoutChain.close();
      }
    });
  });
}
