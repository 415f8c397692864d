/**
 * How the escrow reads an ERC-792 ruling (contracts/src/libraries/Rulings.sol): 0 = the arbitrator refused
 * (split evenly), 1 = refund the buyer, 2 = release to the seller, 3 + b = the buyer gets b basis points.
 */
export const Ruling = { Refused: 0n, Refund: 1n, Release: 2n } as const;

const BPS = 10_000n;
const SPLIT_BASE = 3n;
/** The number of choices the escrow asks the arbitrator for: rulings run 1..RULING_CHOICES. */
export const RULING_CHOICES = SPLIT_BASE + BPS;

/** The ruling that gives the buyer `buyerBps` basis points (0..10000) of the order and the seller the rest. */
export function splitRuling(buyerBps: number): bigint {
  if (!Number.isInteger(buyerBps) || buyerBps < 0 || buyerBps > 10_000) {
    throw new RangeError(`buyerBps must be an integer from 0 to 10000, not ${buyerBps}`);
  }
  return SPLIT_BASE + BigInt(buyerBps);
}

/** The buyer's share of the order in basis points for a valid ruling (0..RULING_CHOICES). */
export function buyerShareOf(ruling: bigint): bigint {
  if (ruling < 0n || ruling > RULING_CHOICES) throw new RangeError(`ruling ${ruling} is out of range`);
  if (ruling === Ruling.Refused) return BPS / 2n;
  if (ruling === Ruling.Refund) return BPS;
  if (ruling === Ruling.Release) return 0n;
  return ruling - SPLIT_BASE;
}
