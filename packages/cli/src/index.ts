export { type LocalChain, type LocalChainOptions, startLocalChain } from "./chain/localChain.ts";
export { DEMO_ROLES, type DemoSeed, readDemoSeed, seedDemo } from "./demo/seedDemo.ts";
export { CliError } from "./errors.ts";
