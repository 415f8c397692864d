import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { getAddress, type Hex, keccak256, toHex } from "viem";
import { rewardLeaf, rewardTree } from "./merkle.ts";

/** OpenZeppelin's MerkleProof.processProof: fold the proof with sorted-pair hashing. */
function processProof(proof: readonly Hex[], leaf: Hex): Hex {
  return proof.reduce<Hex>((hash, sibling) => {
    const [x, y] = BigInt(hash) < BigInt(sibling) ? [hash, sibling] : [sibling, hash];
    return keccak256(`0x${x.slice(2)}${y.slice(2)}`);
  }, leaf);
}

describe("reward Merkle tree", () => {
  for (let n = 1; n <= 9; n++) {
    test(`every proof of ${n} leaves leads to the root, and no proof proves another leaf`, () => {
      const leaves = Array.from({ length: n }, (_, i) =>
        rewardLeaf(3n, BigInt(i), getAddress(keccak256(toHex(i)).slice(0, 42)), BigInt(i + 1) * 10n ** 18n),
      );
      const { root, proofs } = rewardTree(leaves);
      leaves.forEach((leaf, i) => {
        assert.equal(processProof(proofs[i] ?? [], leaf), root);
        if (n > 1) assert.notEqual(processProof(proofs[(i + 1) % n] ?? [], leaf), root);
      });
    });
  }

  test("a leaf binds the epoch: the same payout in another epoch is another leaf", () => {
    const account = getAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    assert.notEqual(rewardLeaf(0n, 0n, account, 5n), rewardLeaf(1n, 0n, account, 5n));
  });
});
