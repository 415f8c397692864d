import path from "node:path";
import { readDeploymentFile } from "@lantern/sdk";
import { createPublicClient, type Hex, http } from "viem";
import { CliError } from "../errors.ts";
import { postEndedEpochs } from "./postRewards.ts";

/** `lantern rewards post`: the distributor posts the roots of the ended epochs, and says what it posted. */
export async function rewardsPost(options: {
  rpcUrl: string;
  apiUrl: string;
  dataDir: string;
}): Promise<void> {
  const privateKey = process.env.LANTERN_DISTRIBUTOR_KEY;
  if (!privateKey || !/^0x[0-9a-fA-F]{64}$/.test(privateKey)) {
    throw new CliError(
      "Set LANTERN_DISTRIBUTOR_KEY to the distributor's private key (0x and 64 hex digits).",
      2,
    );
  }
  let chainId: number;
  try {
    chainId = await createPublicClient({ transport: http(options.rpcUrl, { retryCount: 1 }) }).getChainId();
  } catch (cause) {
    throw new CliError(
      `Cannot reach the chain at ${options.rpcUrl}: ${(cause as Error).message.split("\n")[0]}`,
    );
  }
  const deployments = path.join(path.resolve(options.dataDir), "deployments");
  const deployment = readDeploymentFile(deployments, chainId);
  if (!deployment) throw new CliError(`No deployment of Lantern for chain ${chainId} in ${deployments}.`);
  const posted = await postEndedEpochs({ ...options, deployment, privateKey: privateKey as Hex });
  if (posted.length === 0) process.stdout.write("No ended epoch is waiting for its root.\n");
  for (const p of posted) {
    process.stdout.write(
      `Posted epoch ${p.epoch}: root ${p.root}, ${p.total} units to ${p.accounts} accounts (${p.rejected} signed actions rejected).\n`,
    );
  }
}
