export { type LocalChain, type LocalChainOptions, startLocalChain } from "./chain/localChain.ts";
export { CliError } from "./errors.ts";
