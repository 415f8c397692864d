import { type Address, encodeAbiParameters, type Hex, keccak256 } from "viem";

/** `Rewards.rewardLeaf`: the double hash keeps a leaf from ever passing for an inner node. */
export function rewardLeaf(epoch: bigint, index: bigint, account: Address, amount: bigint): Hex {
  return keccak256(
    keccak256(
      encodeAbiParameters(
        [{ type: "uint256" }, { type: "uint256" }, { type: "address" }, { type: "uint256" }],
        [epoch, index, account, amount],
      ),
    ),
  );
}

/** OpenZeppelin's `Hashes.commutativeKeccak256`: pairs are hashed in sorted order, so proofs need no sides. */
function hashPair(a: Hex, b: Hex): Hex {
  const [x, y] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
  return keccak256(`0x${x.slice(2)}${y.slice(2)}`);
}

/**
 * The root and each leaf's proof (leaves in the given order). Level by level, neighbours are paired and an
 * odd last node moves up unchanged, so any verifier of sorted-pair proofs (OpenZeppelin's MerkleProof)
 * accepts them.
 */
export function rewardTree(leaves: readonly Hex[]): { root: Hex; proofs: Hex[][] } {
  if (leaves.length === 0) return { root: `0x${"00".repeat(32)}`, proofs: [] };
  const proofs: Hex[][] = leaves.map(() => []);
  let level = leaves.map((hash, i) => ({ hash, members: [i] }));
  while (level.length > 1) {
    const next: typeof level = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i];
      const right = level[i + 1];
      if (!left) break;
      if (!right) {
        next.push(left);
        continue;
      }
      for (const m of left.members) proofs[m]?.push(right.hash);
      for (const m of right.members) proofs[m]?.push(left.hash);
      next.push({ hash: hashPair(left.hash, right.hash), members: [...left.members, ...right.members] });
    }
    level = next;
  }
  return { root: level[0]?.hash ?? `0x${"00".repeat(32)}`, proofs };
}
