export { startLocalChain, type LocalChain, type LocalChainOptions } from "./chain/localChain.ts";
export { devAccounts, DEV_MNEMONIC, type DevAccount } from "./devAccounts.ts";
export { CliError } from "./errors.ts";
