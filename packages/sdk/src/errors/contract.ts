import { type Abi, decodeErrorResult, type Hex, isHex, stringify } from "viem";
import { formatAbiItem } from "viem/utils";
import {
  archiveAbi,
  courtAbi,
  escrowAbi,
  fixedPriceListingAbi,
  keyRegistryAbi,
  lanternGovernorAbi,
  lanternTimelockAbi,
  lanternTokenAbi,
  listingCurationAbi,
  listingFactoryAbi,
  policyAbi,
  prevrandaoRandomnessAbi,
  reviewsAbi,
  rewardsAbi,
  testTokenAbi,
} from "../generated/abis.ts";
import { LanternError, type LanternErrorOptions } from "./base.ts";
import { type RevertMessageOptions, revertMessage } from "./messages.ts";

/**
 * Every custom error of the Lantern ABIs once (errors shared by several contracts, such as OpenZeppelin's,
 * appear in more than one), so a revert from any Lantern contract decodes wherever it bubbled up.
 */
type AbiError = Extract<Abi[number], { type: "error" }>;

export const lanternErrorAbi: readonly AbiError[] = (() => {
  const bySignature = new Map<string, AbiError>();
  for (const abi of [
    escrowAbi,
    listingFactoryAbi,
    fixedPriceListingAbi,
    keyRegistryAbi,
    archiveAbi,
    courtAbi,
    listingCurationAbi,
    prevrandaoRandomnessAbi,
    lanternTokenAbi,
    lanternGovernorAbi,
    lanternTimelockAbi,
    reviewsAbi,
    policyAbi,
    rewardsAbi,
    testTokenAbi,
  ]) {
    for (const item of abi) {
      if (item.type === "error") bySignature.set(formatAbiItem(item), item as AbiError);
    }
  }
  return [...bySignature.values()];
})();

/** A contract reverted with an error the SDK decoded; `shortMessage` says it in a sentence. */
export class ContractRevertError extends LanternError {
  override name = "ContractRevertError";
  /** The Solidity error's name, e.g. `WrongOrderState`. */
  readonly errorName: string;
  /** The error's arguments by name (by position when a name is missing). */
  readonly args: Readonly<Record<string, unknown>>;
  /** The raw revert data. */
  readonly data: Hex;

  constructor(
    parameters: { errorName: string; args: Record<string, unknown>; data: Hex; shortMessage: string },
    options: LanternErrorOptions = {},
  ) {
    const signature = `${parameters.errorName}(${Object.entries(parameters.args)
      .map(([name, value]) => `${name}: ${formatArg(value)}`)
      .join(", ")})`;
    super(parameters.shortMessage, { ...options, details: options.details ?? signature });
    this.errorName = parameters.errorName;
    this.args = parameters.args;
    this.data = parameters.data;
  }
}

/** Decodes revert data against every Lantern ABI; undefined when no known error matches. */
export function decodeRevert(
  data: Hex,
  options: RevertMessageOptions & { cause?: unknown } = {},
): ContractRevertError | undefined {
  let decoded: ReturnType<typeof decodeErrorResult<readonly AbiError[]>>;
  try {
    decoded = decodeErrorResult({ abi: lanternErrorAbi, data });
  } catch {
    return undefined;
  }
  const inputs = decoded.abiItem.inputs;
  const values = (decoded.args ?? []) as readonly unknown[];
  const args: Record<string, unknown> = {};
  values.forEach((value, i) => {
    args[inputs[i]?.name || String(i)] = value;
  });
  return new ContractRevertError(
    {
      errorName: decoded.errorName,
      args,
      data,
      shortMessage: revertMessage(decoded.errorName, args, options),
    },
    { cause: options.cause },
  );
}

/**
 * Turns anything an action caught into a `LanternError`: a revert is decoded into a `ContractRevertError`
 * with a readable message; other failures (RPC, wallet, user rejection) keep their message and cause.
 */
export function toLanternError(error: unknown, options: RevertMessageOptions = {}): LanternError {
  if (error instanceof LanternError) return error;
  const data = findRevertData(error);
  if (data) {
    const decoded = decodeRevert(data, { ...options, cause: error });
    if (decoded) return decoded;
    return new LanternError(`The contract reverted with unknown error ${data.slice(0, 10)}.`, {
      cause: error,
      details: data,
    });
  }
  if (error instanceof Error) {
    const shortMessage = (error as { shortMessage?: unknown }).shortMessage;
    return new LanternError(typeof shortMessage === "string" ? shortMessage : error.message, {
      cause: error,
    });
  }
  return new LanternError(String(error));
}

/** The revert data somewhere in a viem error's cause chain (viem keeps it as `raw` or `data`). */
function findRevertData(error: unknown): Hex | undefined {
  for (let current = error, depth = 0; current && depth < 16; depth++) {
    const candidate = current as { raw?: unknown; data?: unknown; cause?: unknown };
    for (const value of [candidate.raw, candidate.data, (candidate.data as { data?: unknown })?.data]) {
      if (typeof value === "string" && isHex(value) && value.length >= 10) return value;
    }
    current = candidate.cause;
  }
  return undefined;
}

function formatArg(value: unknown): string {
  if (typeof value === "bigint" || typeof value === "string" || typeof value === "number")
    return String(value);
  return stringify(value);
}
