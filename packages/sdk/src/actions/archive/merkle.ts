import { concat, encodeAbiParameters, type Hex, keccak256 } from "viem";
import { ValidationError } from "../../errors/errors.ts";
import type { ArchiveRecord } from "./types.ts";

const leafParameters = [
  { type: "uint8" },
  { type: "uint256" },
  { type: "bytes32" },
  { type: "bytes" },
] as const;

/**
 * A record's Merkle leaf, as the archive computes it: OpenZeppelin's StandardMerkleTree leaf of
 * `(uint8 kind, uint256 legacyId, bytes32 content, bytes summary)`.
 */
export function archiveLeaf(record: ArchiveRecord): Hex {
  const encoded = encodeAbiParameters(leafParameters, [
    record.kind,
    record.legacyId,
    record.content,
    record.summary,
  ]);
  return keccak256(keccak256(encoded));
}

/** The root over a batch's leaves in the order recorded: neighbours paired level by level, sorted pairs. */
export function archiveRoot(leaves: readonly Hex[]): Hex {
  if (leaves.length === 0) throw new ValidationError("A batch has at least one leaf.");
  let level = leaves;
  while (level.length > 1) level = nextLevel(level);
  return level[0] as Hex;
}

/** The proof of leaf `index`: its sibling on every level that has one, as OpenZeppelin's MerkleProof takes. */
export function archiveProof(leaves: readonly Hex[], index: number): Hex[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new ValidationError(`Leaf ${index} is not in a batch of ${leaves.length}.`);
  }
  const proof: Hex[] = [];
  let level = leaves;
  let at = index;
  while (level.length > 1) {
    const sibling = level[at ^ 1];
    if (sibling !== undefined) proof.push(sibling);
    level = nextLevel(level);
    at >>= 1;
  }
  return proof;
}

/** Whether `proof` leads from `leaf` to `root` (what `Archive.verify` checks on chain). */
export function verifyArchiveProof(leaf: Hex, proof: readonly Hex[], root: Hex): boolean {
  let node = leaf;
  for (const sibling of proof) node = hashPair(node, sibling);
  return node.toLowerCase() === root.toLowerCase();
}

function nextLevel(level: readonly Hex[]): Hex[] {
  const next: Hex[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const left = level[i] as Hex;
    const right = level[i + 1];
    next.push(right === undefined ? left : hashPair(left, right));
  }
  return next;
}

function hashPair(a: Hex, b: Hex): Hex {
  return BigInt(a) < BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}
