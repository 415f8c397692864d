#!/usr/bin/env -S node --import tsx
import { parseArgs } from "node:util";
import { ImportError, importCommand } from "@lantern/archive";
import { indexChain } from "./commands/indexChain.ts";
import { rewardsPost } from "./commands/rewardsPost.ts";
import { start } from "./commands/start.ts";
import { CliError } from "./errors.ts";

const USAGE = `Usage: lantern <command> [options]

Commands:
  start     Run the whole marketplace locally: chain (state saved), contracts (deployed once)
            Options: --data-dir <dir> (.lantern)  --host <ip> (127.0.0.1)  --port <n> (8545)  --api-port <n> (8546)  --chain-id <n> (31337)
                     --demo  on the first start, seed a demo marketplace (archive, listings, orders, arbiters)
  index     Build or resume the marketplace database from the chain, then follow it
            Options: --rpc-url <url> (http://127.0.0.1:8545)  --data-dir <dir> (.lantern)
                     --database-url <postgres://...> (DATABASE_URL; default PGlite in <data-dir>/db)  --once
  rewards post  Post the root of every ended epoch that has none (run by the distributor governance appointed)
            Options: --rpc-url <url> (http://127.0.0.1:8545)  --api-url <url> (http://127.0.0.1:8546)
                     --data-dir <dir> (.lantern; where the deployment file is)
                     the distributor's key in LANTERN_DISTRIBUTOR_KEY (never on the command line)
  import    Publish a legacy marketplace export (CSV or JSON Lines) to the Archive, resumably
            lantern import <file> [--archive <address>] [--dry-run] ...; lantern import --help for all options
  help      Show this text
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start": {
      const { values } = parseArgs({
        args: rest,
        options: {
          "data-dir": { type: "string", default: process.env.LANTERN_DATA_DIR ?? ".lantern" },
          host: { type: "string", default: "127.0.0.1" },
          port: { type: "string", default: "8545" },
          "api-port": { type: "string", default: "8546" },
          "chain-id": { type: "string", default: "31337" },
          demo: { type: "boolean", default: false },
        },
        strict: true,
      });
      await start({
        dataDir: values["data-dir"],
        host: values.host,
        port: integer("--port", values.port, 1, 65_535),
        apiPort: integer("--api-port", values["api-port"], 1, 65_535),
        chainId: integer("--chain-id", values["chain-id"], 1, Number.MAX_SAFE_INTEGER),
        demo: values.demo,
      });
      return;
    }
    case "index": {
      const { values } = parseArgs({
        args: rest,
        options: {
          "rpc-url": { type: "string", default: "http://127.0.0.1:8545" },
          "data-dir": { type: "string", default: process.env.LANTERN_DATA_DIR ?? ".lantern" },
          "database-url": { type: "string" },
          once: { type: "boolean", default: false },
        },
        strict: true,
      });
      await indexChain({
        rpcUrl: values["rpc-url"],
        dataDir: values["data-dir"],
        databaseUrl: values["database-url"],
        once: values.once,
      });
      return;
    }
    case "rewards": {
      const [sub, ...args] = rest;
      if (sub !== "post") throw new CliError(`Unknown command "rewards ${sub ?? ""}".\n\n${USAGE}`, 2);
      const { values } = parseArgs({
        args,
        options: {
          "rpc-url": { type: "string", default: "http://127.0.0.1:8545" },
          "api-url": { type: "string", default: "http://127.0.0.1:8546" },
          "data-dir": { type: "string", default: process.env.LANTERN_DATA_DIR ?? ".lantern" },
        },
        strict: true,
      });
      await rewardsPost({
        rpcUrl: values["rpc-url"],
        apiUrl: values["api-url"],
        dataDir: values["data-dir"],
      });
      return;
    }
    case "import":
      await importCommand(rest).catch((error: unknown) => {
        throw error instanceof ImportError ? new CliError(error.message, error.exitCode) : error;
      });
      return;
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return;
    default:
      throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, 2);
  }
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`, 2);
  }
  return n;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if ((error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`lantern: ${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof CliError) {
      process.stderr.write(`lantern: ${error.message}\n`);
      process.exit(error.exitCode);
    }
    process.stderr.write(`lantern: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
