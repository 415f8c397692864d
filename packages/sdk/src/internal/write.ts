import type {
  Abi,
  BlockTag,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionParameters,
  Hash,
  SimulateContractParameters,
  TransactionReceipt,
  WriteContractParameters,
} from "viem";
import { toLanternError } from "../errors/contract.ts";
import { TransactionRevertedError } from "../errors/errors.ts";
import type { RevertMessageOptions } from "../errors/messages.ts";
import type { LanternPublicClient, LanternWalletClient } from "../types.ts";

/** What every write returns: the transaction and its receipt. */
export interface WriteResult {
  hash: Hash;
  receipt: TransactionReceipt;
}

type Mutability = "nonpayable" | "payable";

/**
 * Simulates a contract write, sends it from the wallet's account, and waits for its receipt. A revert,
 * in simulation or on chain, is thrown as a decoded `LanternError`.
 */
export async function write<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  const args extends ContractFunctionArgs<abi, Mutability, functionName>,
>(
  clients: { walletClient: LanternWalletClient; publicClient: LanternPublicClient },
  parameters: ContractFunctionParameters<abi, Mutability, functionName, args> & {
    value?: bigint;
    /** The block to simulate in; `pending` for calls that depend on the block they land in. */
    blockTag?: BlockTag;
    /** A gas limit, for calls whose cost depends on the block they land in; estimated unless given. */
    gas?: bigint;
  },
  /** How amounts read in a revert's message; a function is only called if the write fails. */
  errorOptions: RevertMessageOptions | (() => Promise<RevertMessageOptions>) = {},
): Promise<WriteResult> {
  const { walletClient, publicClient } = clients;
  let hash: Hash;
  try {
    // The signature above types each call site; viem's generics cannot follow through the spread here.
    const { request } = await publicClient.simulateContract({
      ...parameters,
      account: walletClient.account,
    } as unknown as SimulateContractParameters);
    hash = await walletClient.writeContract({
      ...request,
      account: walletClient.account,
      chain: walletClient.chain ?? null,
    } as unknown as WriteContractParameters);
  } catch (error) {
    const options =
      typeof errorOptions === "function" ? await errorOptions().catch(() => ({})) : errorOptions;
    throw toLanternError(error, options);
  }
  const receipt = await waitForReceipt(publicClient, hash);
  return { hash, receipt };
}

/** Waits for a transaction and throws if it reverted. */
export async function waitForReceipt(
  publicClient: LanternPublicClient,
  hash: Hash,
): Promise<TransactionReceipt> {
  let receipt: TransactionReceipt;
  try {
    receipt = await publicClient.waitForTransactionReceipt({ hash });
  } catch (error) {
    throw toLanternError(error);
  }
  if (receipt.status !== "success") throw new TransactionRevertedError(hash);
  return receipt;
}
