import type { Hash, SimulateContractParameters, TransactionReceipt, WriteContractParameters } from "viem";
import { archiveAbi } from "../../generated/abis.ts";
import { waitForReceipt } from "../../internal/write.ts";
import { toArchiveError } from "./errors.ts";
import type { ArchiveWriteContext } from "./types.ts";

/**
 * Sends one Archive call from the wallet's account and waits for its receipt. Simulated first unless a gas
 * limit is given (then a revert surfaces from the receipt); any revert becomes a decoded archive error.
 */
export async function writeArchive(
  context: ArchiveWriteContext,
  functionName: string,
  args: readonly unknown[],
  gas?: bigint,
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  const { walletClient, publicClient, archive } = context;
  const call = { address: archive, abi: archiveAbi, functionName, args, account: walletClient.account };
  let hash: Hash;
  try {
    if (gas === undefined) {
      const { request } = await publicClient.simulateContract(call as unknown as SimulateContractParameters);
      hash = await walletClient.writeContract({
        ...request,
        chain: walletClient.chain ?? null,
      } as unknown as WriteContractParameters);
    } else {
      hash = await walletClient.writeContract({
        ...call,
        gas,
        chain: walletClient.chain ?? null,
      } as unknown as WriteContractParameters);
    }
  } catch (error) {
    throw toArchiveError(error);
  }
  return { hash, receipt: await waitForReceipt(publicClient, hash) };
}
