import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  anvilAccounts,
  getPostedRewardRoots,
  RewardActionKind,
  recomputeEpoch,
  signRewardAction,
} from "@lantern/sdk";
import type { FastifyInstance } from "fastify";
import { type Hex, pad } from "viem";
import { type Fixture, startFixture } from "../../api/test/helpers/fixture.ts";
import { pgliteDatabase } from "../../indexer/test/helpers/databases.ts";
import { fetchEpochActions, postEndedEpochs } from "../src/commands/postRewards.ts";

const DAY = 86_400;

describe("the distributor (lantern rewards post)", () => {
  let f: Fixture;
  let api: FastifyInstance;
  let apiUrl = "";
  before(async () => {
    f = await startFixture({ name: "pglite", create: pgliteDatabase });
    api = await f.makeApi({
      chain: { publicClient: f.chain.publicClient as never, deployment: f.chain.deployment },
    });
    apiUrl = await api.listen({ host: "127.0.0.1", port: 0 });
  });
  after(async () => {
    await api?.close();
    await f?.close();
  });

  test("posts each ended epoch's root from the published actions, and a third party recomputes it", async () => {
    const options = {
      rpcUrl: f.chain.rpcUrl,
      deployment: f.chain.deployment,
      apiUrl,
      privateKey: anvilAccounts[0]?.privateKey as Hex,
    };
    const signed = await signRewardAction(f.chain.buyer, {
      kind: RewardActionKind.Like,
      target: pad(f.listings.nikon?.address as Hex),
      epoch: 0n,
      nonce: 1n,
    });
    const sent = await fetch(`${apiUrl}/actions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        action: { ...signed.action, epoch: "0", nonce: "1" },
        signature: signed.signature,
      }),
    });
    assert.equal(sent.status, 201);
    // Nothing to post while the epoch runs; and only the appointed distributor may post.
    assert.deepEqual(await postEndedEpochs(options), []);
    await assert.rejects(postEndedEpochs({ ...options, privateKey: anvilAccounts[5]?.privateKey as Hex }), {
      message: /is not the rewards distributor/,
    });

    await f.chain.rpc("evm_increaseTime", [14 * DAY + 60]);
    await f.chain.rpc("evm_mine");
    const posted = await postEndedEpochs(options);
    // Two epochs ended: both get a root, in order (epoch 1 had no action: an empty root).
    assert.deepEqual(
      posted.map((p) => p.epoch),
      [0n, 1n],
    );
    assert.equal(posted[0]?.accounts, 2); // the fixture's completed order's buyer (who also liked) and seller

    const reader = { publicClient: f.chain.publicClient as never, deployment: f.chain.deployment };
    const roots = await getPostedRewardRoots(reader);
    for (const root of roots) {
      const actions = await fetchEpochActions(apiUrl, root.epoch);
      const again = await recomputeEpoch(reader, {
        epoch: root.epoch,
        signedActions: actions,
        budget: root.budget,
      });
      assert.equal(again.root, root.root);
    }
    assert.equal((await fetchEpochActions(apiUrl, 0n)).length, 1);
    assert.deepEqual(await postEndedEpochs(options), []);
  });
});
