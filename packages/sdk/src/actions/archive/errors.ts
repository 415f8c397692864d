import { decodeErrorResult, type Hex, isHex } from "viem";
import type { LanternError } from "../../errors/base.ts";
import { ContractRevertError, toLanternError } from "../../errors/contract.ts";
import { archiveAbi } from "../../generated/abis.ts";

type Args = Readonly<Record<string, unknown>>;

const kindName = (kind: unknown) =>
  kind === 0 || kind === 0n ? "listing" : kind === 1 || kind === 1n ? "review" : `kind ${kind}`;

/** A sentence for each error the Archive contract reverts with (IArchive.sol, Ownable). */
const messages: Record<string, (args: Args) => string> = {
  NotPublisher: (a) => `${a.caller} is not an authorized publisher of this archive.`,
  EmptyBatch: () => "A batch must hold at least one record.",
  MalformedRecord: (a) => `Record ${a.index} of the batch is not validly ABI-encoded.`,
  UnknownKind: (a) => `Record ${a.index} has kind ${a.kind}; only 0 (listing) and 1 (review) exist.`,
  ZeroLegacyId: (a) => `Record ${a.index} has a legacy id of zero.`,
  ZeroContent: (a) => `Record ${a.index} names no content.`,
  InvalidSummary: (a) =>
    `Record ${a.index} (${kindName(a.kind)}) has a ${a.length}-byte summary; a listing's has 1 to 512 bytes, a review's exactly 64.`,
  NotArchived: (a) => `The ${kindName(a.kind)} ${a.legacyId} is not archived, so it cannot be a milestone.`,
  NotMilestone: (a) => `The ${kindName(a.kind)} ${a.legacyId} is not a milestone.`,
  TooManyMilestones: (a) => `There are already ${a.max} milestones; remove one first.`,
  InvalidLabel: (a) => `A milestone label must have 1 to ${a.maxLength} bytes, not ${a.length}.`,
  ZeroAddress: () => "The zero address cannot be a publisher.",
  OwnableUnauthorizedAccount: (a) => `${a.account} is not the archive's owner.`,
};

/** Like `toLanternError`, with the Archive's own errors decoded into readable `ContractRevertError`s. */
export function toArchiveError(error: unknown): LanternError {
  const data = findRevertData(error);
  if (data) {
    try {
      const decoded = decodeErrorResult({ abi: archiveAbi, data });
      const args: Record<string, unknown> = {};
      const inputs = decoded.abiItem.inputs;
      ((decoded.args ?? []) as readonly unknown[]).forEach((value, i) => {
        args[inputs[i]?.name || String(i)] = value;
      });
      const message =
        messages[decoded.errorName]?.(args) ?? `The archive reverted with ${decoded.errorName}.`;
      return new ContractRevertError(
        { errorName: decoded.errorName, args, data, shortMessage: message },
        { cause: error },
      );
    } catch {
      // not an archive error: the SDK's decoder may know it
    }
  }
  return toLanternError(error);
}

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
