import { type Address, parseSignature } from "viem";
import { LanternError } from "../errors/base.ts";
import { toLanternError } from "../errors/contract.ts";
import { escrowAbi } from "../generated/abis.ts";
import { amountFormat, erc20PermitAbi } from "../internal/erc20.ts";
import { type PurchaseParameters, type PurchaseReturnType, paidOrder, quote } from "../internal/purchase.ts";
import { write } from "../internal/write.ts";
import { NATIVE_CURRENCY, type WriteContext } from "../types.ts";

export interface BuyWithPermitParameters extends PurchaseParameters {
  /** Unix seconds after which the permit is void; an hour after the latest block unless given. */
  deadline?: bigint;
}

export type BuyWithPermitReturnType = PurchaseReturnType;

/**
 * Buys from a listing priced in an EIP-2612 token in one transaction: the wallet signs a permit for the
 * escrow (typed data, no transaction) and the escrow uses it before taking the payment.
 */
export async function buyWithPermit(
  context: WriteContext,
  parameters: BuyWithPermitParameters,
): Promise<BuyWithPermitReturnType> {
  const { publicClient, walletClient } = context;
  const { currency, amount, quantity, shippingDigest } = await quote(context, parameters);
  if (currency === NATIVE_CURRENCY) {
    throw new LanternError(`${parameters.listing} is priced in the native coin; use buy instead.`);
  }
  const escrow = context.deployment.contracts.Escrow;
  const owner = walletClient.account.address;
  const deadline = parameters.deadline ?? (await publicClient.getBlock()).timestamp + 3600n;
  const [domain, nonce] = await Promise.all([
    permitDomain(context, currency),
    publicClient.readContract({
      address: currency,
      abi: erc20PermitAbi,
      functionName: "nonces",
      args: [owner],
    }),
  ]);
  let signature: `0x${string}`;
  try {
    signature = await walletClient.signTypedData({
      account: walletClient.account,
      domain,
      types: {
        Permit: [
          { name: "owner", type: "address" },
          { name: "spender", type: "address" },
          { name: "value", type: "uint256" },
          { name: "nonce", type: "uint256" },
          { name: "deadline", type: "uint256" },
        ],
      },
      primaryType: "Permit",
      message: { owner, spender: escrow, value: amount, nonce, deadline },
    });
  } catch (error) {
    throw toLanternError(error);
  }
  const { r, s, v, yParity } = parseSignature(signature);
  const result = await write(
    context,
    {
      address: escrow,
      abi: escrowAbi,
      functionName: "buyWithPermit",
      args: [
        parameters.listing,
        quantity,
        parameters.escrowed,
        amount,
        shippingDigest,
        deadline,
        Number(v ?? BigInt(yParity + 27)),
        r,
        s,
      ],
    },
    () => amountFormat(publicClient, currency),
  );
  return paidOrder(context, result);
}

/** The token's EIP-712 domain: from ERC-5267 `eip712Domain()`, else its `name()` and `version()` (or "1"). */
async function permitDomain(context: WriteContext, token: Address) {
  const { publicClient } = context;
  const chainId = await publicClient.getChainId();
  try {
    const [, name, version, domainChainId, verifyingContract] = await publicClient.readContract({
      address: token,
      abi: erc20PermitAbi,
      functionName: "eip712Domain",
    });
    return { name, version, chainId: Number(domainChainId), verifyingContract };
  } catch {
    const read = <const name extends "name" | "version">(functionName: name) =>
      publicClient.readContract({ address: token, abi: erc20PermitAbi, functionName });
    try {
      const [name, version] = await Promise.all([read("name"), read("version").catch(() => "1")]);
      return { name, version, chainId, verifyingContract: token };
    } catch (cause) {
      throw new LanternError(
        `Token ${token} does not describe an EIP-712 domain, so it cannot take a permit.`,
        {
          cause,
        },
      );
    }
  }
}
