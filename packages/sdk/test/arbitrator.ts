// An ERC-792 test arbitrator for integration tests: deployed by the market's deployer, who is its court,
// and set as the escrow's arbitrator.
import type { Address, Hash } from "viem";
import { escrowAbi, testArbitratorAbi } from "../src/generated/abis.ts";
import { testArbitratorBytecode } from "../src/generated/bytecode.ts";
import type { Market } from "./market.ts";

export async function useTestArbitrator(market: Market, fee: bigint) {
  const deployer = market.wallets.deployer;
  const send = async (hash: Hash) => {
    const receipt = await market.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const deployed = await send(
    await deployer.deployContract({ abi: testArbitratorAbi, bytecode: testArbitratorBytecode, args: [fee] }),
  );
  const address = deployed.contractAddress as Address;
  await send(
    await deployer.writeContract({
      address: market.deployment.contracts.Escrow,
      abi: escrowAbi,
      functionName: "setArbitrator",
      args: [address, "0x"],
    }),
  );
  return {
    address,
    /** The court gives a final ruling, which the arbitrator carries out on the escrow at once. */
    async rule(disputeId: bigint, ruling: bigint) {
      await send(
        await deployer.writeContract({
          address,
          abi: testArbitratorAbi,
          functionName: "giveRuling",
          args: [disputeId, ruling],
        }),
      );
    },
  };
}
