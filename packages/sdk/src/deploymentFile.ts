import { type Address, getAddress, isAddress } from "viem";
import { ValidationError } from "./errors/errors.ts";
import type { Deployment } from "./types.ts";

// Loaded when called, so the SDK's entry point stays importable in a browser bundle.
const node = () => ({ fs: process.getBuiltinModule("node:fs"), path: process.getBuiltinModule("node:path") });

/** Contracts every deployment has. */
export const contractNames = ["ListingFactory", "Escrow", "FixedPriceListing", "KeyRegistry"] as const;
/** Contracts that older deployments lack. */
export const optionalContractNames = [
  "LanternToken",
  "LanternGovernor",
  "LanternTimelock",
  "Reviews",
  "Court",
  "ListingCuration",
  "Randomness",
  "Policy",
  "Rewards",
  "Archive",
] as const;

/**
 * Writes `<dir>/<chainId>.json` (conventionally `.lantern/deployments`): the contract addresses by name,
 * `chainId`, and `deploymentBlock` as a decimal string. Returns the file's path.
 */
export function writeDeploymentFile(dir: string, deployment: Deployment): string {
  const { fs, path } = node();
  const file = path.join(dir, `${deployment.chainId}.json`);
  const json = {
    chainId: deployment.chainId,
    deploymentBlock: deployment.deploymentBlock.toString(),
    ...deployment.contracts,
  };
  fs.mkdirSync(dir, { recursive: true });
  // Written whole then renamed, so a crash never leaves half a file for the next start to read.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(json, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return file;
}

/** Reads `<dir>/<chainId>.json`; undefined if there is none. Throws a `ValidationError` if it is malformed. */
export function readDeploymentFile(dir: string, chainId: number): Deployment | undefined {
  const { fs, path } = node();
  const file = path.join(dir, `${chainId}.json`);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ValidationError(`${file} is not JSON.`, { cause });
  }
  if (json.chainId !== chainId) {
    throw new ValidationError(`${file} is for chain ${String(json.chainId)}, not chain ${chainId}.`);
  }
  if (typeof json.deploymentBlock !== "string" || !/^\d+$/.test(json.deploymentBlock)) {
    throw new ValidationError(`${file} has no deploymentBlock as a decimal string.`);
  }
  const contracts = {} as Record<(typeof contractNames)[number], Address>;
  for (const name of contractNames) {
    const address = json[name];
    if (typeof address !== "string" || !isAddress(address, { strict: false })) {
      throw new ValidationError(`${file} has no valid address for ${name}.`);
    }
    contracts[name] = getAddress(address);
  }
  const optional: Deployment["contracts"] = { ...contracts };
  for (const name of optionalContractNames) {
    const address = json[name];
    if (address === undefined) continue;
    if (typeof address !== "string" || !isAddress(address, { strict: false })) {
      throw new ValidationError(`${file} has an invalid address for ${name}.`);
    }
    optional[name] = getAddress(address);
  }
  return { chainId, deploymentBlock: BigInt(json.deploymentBlock), contracts: optional };
}
