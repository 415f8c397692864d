import path from "node:path";
import { runIndexCommand } from "@lantern/indexer";
import { readDeploymentFile } from "@lantern/sdk";
import { createPublicClient, http } from "viem";
import { CliError } from "../errors.ts";

export interface IndexOptions {
  rpcUrl: string;
  dataDir: string;
  databaseUrl?: string;
  /** Stop once caught up instead of following the head. */
  once: boolean;
}

/** `lantern index`: rebuilds (or resumes) the marketplace database from any chain Lantern is deployed on. */
export async function indexChain(options: IndexOptions): Promise<void> {
  const dataDir = path.resolve(options.dataDir);
  let chainId: number;
  try {
    chainId = await createPublicClient({ transport: http(options.rpcUrl, { retryCount: 1 }) }).getChainId();
  } catch (cause) {
    throw new CliError(
      `Cannot reach the chain at ${options.rpcUrl}: ${(cause as Error).message.split("\n")[0]}`,
    );
  }
  const deployments = path.join(dataDir, "deployments");
  const deployment = readDeploymentFile(deployments, chainId);
  if (!deployment) {
    throw new CliError(
      `No deployment of Lantern for chain ${chainId} in ${deployments}; run \`lantern start\` or deploy first.`,
    );
  }
  await runIndexCommand({
    rpcUrl: options.rpcUrl,
    deployment,
    dataDir: path.join(dataDir, "db"),
    databaseUrl: options.databaseUrl,
    follow: !options.once,
  });
}
