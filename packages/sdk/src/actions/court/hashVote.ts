import { type Address, encodeAbiParameters, type Hex, keccak256 } from "viem";

export interface HashVoteParameters {
  court: Address;
  disputeId: bigint;
  round: number;
  seat: number;
  arbiter: Address;
  ruling: bigint;
  salt: Hex;
}

/**
 * The commitment the court stores for a hidden vote, as `Court.hashVote` computes it:
 * keccak256(abi.encode(court, disputeID, round, seat, arbiter, ruling, salt)). Computed here so the ruling
 * never leaves the arbiter's machine before the reveal.
 */
export function hashVote(parameters: HashVoteParameters): Hex {
  return keccak256(
    encodeAbiParameters(
      [
        { type: "address" },
        { type: "uint256" },
        { type: "uint256" },
        { type: "uint256" },
        { type: "address" },
        { type: "uint256" },
        { type: "bytes32" },
      ],
      [
        parameters.court,
        parameters.disputeId,
        BigInt(parameters.round),
        BigInt(parameters.seat),
        parameters.arbiter,
        parameters.ruling,
        parameters.salt,
      ],
    ),
  );
}
