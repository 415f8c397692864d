import { ValidationError } from "../errors/errors.ts";

const BPS = 10_000n;

/**
 * What a split gives each side, exactly as the escrow pays it: the buyer `amount * buyerBps / 10000`
 * rounded down, the seller the rest. For showing an offer as amounts ("you get 40.00 USDC back").
 */
export function splitAmount(
  amount: bigint,
  buyerBps: number | bigint,
): { buyerAmount: bigint; sellerAmount: bigint } {
  const bps = BigInt(checkBps(buyerBps));
  const buyerAmount = (amount * bps) / BPS;
  return { buyerAmount, sellerAmount: amount - buyerAmount };
}

/** Basis points as the escrow takes them: a whole number from 0 to 10000. */
function checkBps(buyerBps: number | bigint): number | bigint {
  const valid =
    typeof buyerBps === "bigint" ? buyerBps >= 0n : Number.isSafeInteger(buyerBps) && buyerBps >= 0;
  if (!valid || BigInt(buyerBps) > BPS) {
    throw new ValidationError(`A split is a whole number of basis points from 0 to 10000, not ${buyerBps}.`);
  }
  return buyerBps;
}
