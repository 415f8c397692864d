import { type Address, encodeFunctionData, type Hex, keccak256, toHex, zeroAddress, zeroHash } from "viem";
import { lanternTimelockAbi, listingFactoryAbi } from "../generated/abis.ts";
import type { LanternPublicClient, LanternWalletClient } from "../types.ts";
import { write } from "./write.ts";

/** A contract with an Ownable2Step owner that the DAO's timelock must take over. */
export interface OwnedContract {
  name: string;
  address: Address;
}

const role = (name: string) => keccak256(toHex(name));
const PROPOSER_ROLE = role("PROPOSER_ROLE");
const EXECUTOR_ROLE = role("EXECUTOR_ROLE");
const CANCELLER_ROLE = role("CANCELLER_ROLE");

/**
 * Gives every owned contract to the timelock and the timelock to the governor, in one batch the timelock
 * runs itself: Ownable2Step needs the new owner to accept, and only the timelock can accept for itself.
 * The timelock was deployed with no delay and the deployer as its only proposer and executor; the batch
 * accepts each ownership, grants the governor proposing and cancelling, opens execution to anyone, revokes
 * the deployer's roles and sets the real delay. The timelock is its own admin (deployed without another),
 * so afterwards only a proposal can change anything.
 */
export async function handOver(
  clients: { walletClient: LanternWalletClient; publicClient: LanternPublicClient },
  parameters: { timelock: Address; governor: Address; delay: bigint; owned: readonly OwnedContract[] },
): Promise<void> {
  const { timelock, governor, owned } = parameters;
  const deployer = clients.walletClient.account.address;
  for (const contract of owned) {
    // Every owned contract is Ownable2Step; the factory's ABI has the same two functions as the others.
    await write(clients, {
      address: contract.address,
      abi: listingFactoryAbi,
      functionName: "transferOwnership",
      args: [timelock],
    });
  }
  const calls: { target: Address; data: Hex }[] = owned.map((contract) => ({
    target: contract.address,
    data: encodeFunctionData({ abi: listingFactoryAbi, functionName: "acceptOwnership" }),
  }));
  const onTimelock = (data: Hex) => calls.push({ target: timelock, data });
  const grant = (r: Hex, account: Address) =>
    encodeFunctionData({ abi: lanternTimelockAbi, functionName: "grantRole", args: [r, account] });
  const revoke = (r: Hex, account: Address) =>
    encodeFunctionData({ abi: lanternTimelockAbi, functionName: "revokeRole", args: [r, account] });
  onTimelock(grant(PROPOSER_ROLE, governor));
  onTimelock(grant(CANCELLER_ROLE, governor));
  onTimelock(grant(EXECUTOR_ROLE, zeroAddress));
  onTimelock(revoke(PROPOSER_ROLE, deployer));
  onTimelock(revoke(CANCELLER_ROLE, deployer));
  onTimelock(revoke(EXECUTOR_ROLE, deployer));
  onTimelock(
    encodeFunctionData({ abi: lanternTimelockAbi, functionName: "updateDelay", args: [parameters.delay] }),
  );

  const batch = [
    calls.map((c) => c.target),
    calls.map(() => 0n),
    calls.map((c) => c.data),
    zeroHash,
    zeroHash,
  ] as const;
  await write(clients, {
    address: timelock,
    abi: lanternTimelockAbi,
    functionName: "scheduleBatch",
    args: [...batch, 0n],
  });
  await write(clients, {
    address: timelock,
    abi: lanternTimelockAbi,
    functionName: "executeBatch",
    args: batch,
  });
}
