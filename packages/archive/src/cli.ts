import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ContentStore } from "@lantern/content";
import {
  decodeListingSummary,
  decodeReviewSummary,
  deployArchive,
  type LanternPublicClient,
} from "@lantern/sdk";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  getAddress,
  type Hex,
  http,
  isAddress,
  isHex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ImportError } from "./errors.ts";
import { FIELDS, type Field, type Kind } from "./fields.ts";
import { type ImportChain, type ImportReport, importFile, type MilestoneInput } from "./importer.ts";
import { loadSecret } from "./pseudonym.ts";
import type { Format } from "./read/rows.ts";

export const IMPORT_USAGE = `Usage: lantern import <file> [options]

Publishes a legacy marketplace export (CSV or JSON Lines; columns in docs/archive.md) to the Archive:
validated row by row (rejects to a file), anonymized, stored in the content store, in batches. Run it again
after a crash or a kill: it resumes, and every record ends on chain exactly once.

Options:
  --rpc-url <url>          The chain (LANTERN_RPC_URL, or http://127.0.0.1:8545)
  --archive <address>      The Archive (or "Archive" in <data-dir>/deployments/<chain id>[.archive].json)
  --deploy-archive         Deploy an Archive first if none is known (owner and publisher: your key)
  --key-file <file>        The publisher's private key (or LANTERN_PRIVATE_KEY)
  --secret-file <file>     The pseudonym secret, at least 32 bytes (or LANTERN_ARCHIVE_SECRET); keep it
  --data-dir <dir>         Content store, journal and rejects (LANTERN_DATA_DIR, or .lantern)
  --kind listing|review    What the rows are, when the file has no kind column
  --format csv|jsonl       When the file's extension does not say
  --map field=column,...   Columns named differently from docs/archive.md
  --currency <code>        The currency of rows without one
  --source <name>          The old marketplace's name, written into every document
  --batch-size <n>         Records per transaction (200)
  --milestones <file>      Flag records as milestones: JSON [{"kind","id","label"}, ...]
  --rejects <file>         Where rejected rows go (<data-dir>/archive/<file>.rejects.jsonl)
  --dry-run                Show what would be published; publish and store nothing
  --summary-json <file>    Also write the final report as JSON (with the process's peak memory)
`;

/** `lantern import`: parses the command line, prepares the chain, keys and stores, runs the import. */
export async function importCommand(argv: readonly string[]): Promise<ImportReport | undefined> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new ImportError(`${(error as Error).message}\n\n${IMPORT_USAGE}`, { exitCode: 2 });
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(IMPORT_USAGE);
    return undefined;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new ImportError(`Give exactly one export file.\n\n${IMPORT_USAGE}`, { exitCode: 2 });
  if (!existsSync(file)) throw new ImportError(`${file} does not exist.`);
  const dryRun = values["dry-run"] ?? false;
  const dataDir = path.resolve(values["data-dir"] ?? process.env.LANTERN_DATA_DIR ?? ".lantern");
  const rpcUrl = values["rpc-url"] ?? process.env.LANTERN_RPC_URL ?? "http://127.0.0.1:8545";

  // Refusals first: secret, key, milestones, options. Nothing is read from the chain or published yet.
  const secret = loadSecret({ file: values["secret-file"], value: process.env.LANTERN_ARCHIVE_SECRET });
  const key = loadKey(values["key-file"], dryRun);
  const milestones = values.milestones ? readMilestones(values.milestones) : undefined;
  const batchSize = values["batch-size"] === undefined ? 200 : Number(values["batch-size"]);
  const kind = values.kind as Kind | undefined;
  if (kind && kind !== "listing" && kind !== "review")
    throw new ImportError(`--kind is listing or review, not "${kind}".`, { exitCode: 2 });
  const format = values.format as Format | undefined;
  if (format && format !== "csv" && format !== "jsonl")
    throw new ImportError(`--format is csv or jsonl, not "${format}".`, { exitCode: 2 });
  const mapping = values.map ? parseMapping(values.map) : undefined;

  const publicClient = createPublicClient({
    transport: http(rpcUrl),
    pollingInterval: 100,
  }) as LanternPublicClient;
  let chain: ImportChain | undefined;
  let chainId: number | undefined;
  try {
    chainId = await publicClient.getChainId();
  } catch (cause) {
    if (!dryRun) throw new ImportError(`The chain at ${rpcUrl} cannot be reached.`, { cause });
  }
  if (chainId !== undefined) {
    const walletClient = key
      ? createWalletClient({
          account: privateKeyToAccount(key),
          transport: http(rpcUrl),
          chain: {
            id: chainId,
            name: `chain ${chainId}`,
            nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
            rpcUrls: { default: { http: [rpcUrl] } },
          },
        })
      : undefined;
    const archive = await resolveArchive({
      explicit: values.archive,
      dataDir,
      chainId,
      deploy: (values["deploy-archive"] ?? false) && !dryRun,
      publicClient,
      walletClient,
    });
    if (archive) chain = { publicClient, archive, ...(walletClient ? { walletClient } : {}) };
    else if (!dryRun) {
      throw new ImportError(
        `No Archive is known on chain ${chainId}: pass --archive <address>, or --deploy-archive to deploy one.`,
      );
    }
  }

  const name = path.basename(file);
  const report = await importFile({
    file,
    ...(format ? { format } : {}),
    fields: {
      ...(mapping ? { mapping } : {}),
      ...(kind ? { kind } : {}),
      ...(values.currency ? { defaultCurrency: values.currency.toUpperCase() } : {}),
    },
    secret,
    ...(chain ? { chain } : {}),
    ...(dryRun ? {} : { store: new ContentStore({ dir: path.join(dataDir, "content") }) }),
    ...(chain && !dryRun
      ? {
          journalFile: path.join(
            dataDir,
            "archive",
            `${chainId}-${chain.archive.toLowerCase()}.journal.jsonl`,
          ),
        }
      : {}),
    rejectsFile: path.resolve(values.rejects ?? path.join(dataDir, "archive", `${name}.rejects.jsonl`)),
    batchSize,
    dryRun,
    ...(milestones ? { milestones } : {}),
    ...(values.source ? { source: values.source } : {}),
  });
  process.stdout.write(summarize(report, chain, chainId));
  if (values["summary-json"]) {
    writeFileSync(
      values["summary-json"],
      `${JSON.stringify(
        { ...report, peakMemoryBytes: process.resourceUsage().maxRSS * 1024 },
        (_, value) => (typeof value === "bigint" ? value.toString() : value),
        2,
      )}\n`,
    );
  }
  return report;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      "rpc-url": { type: "string" },
      archive: { type: "string" },
      "deploy-archive": { type: "boolean" },
      "key-file": { type: "string" },
      "secret-file": { type: "string" },
      "data-dir": { type: "string" },
      kind: { type: "string" },
      format: { type: "string" },
      map: { type: "string" },
      currency: { type: "string" },
      source: { type: "string" },
      "batch-size": { type: "string" },
      milestones: { type: "string" },
      rejects: { type: "string" },
      "dry-run": { type: "boolean" },
      "summary-json": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function loadKey(file: string | undefined, dryRun: boolean): Hex | undefined {
  let text = process.env.LANTERN_PRIVATE_KEY;
  if (file) {
    try {
      text = readFileSync(file, "utf8");
    } catch (cause) {
      throw new ImportError(`The key file ${file} cannot be read.`, { cause });
    }
  }
  if (!text) {
    if (dryRun) return undefined;
    throw new ImportError(
      "No publisher key: set LANTERN_PRIVATE_KEY or pass --key-file <file>. Nothing was published.",
    );
  }
  const trimmed = text.trim();
  const key = (trimmed.startsWith("0x") ? trimmed : `0x${trimmed}`) as Hex;
  if (!isHex(key) || key.length !== 66)
    throw new ImportError("The publisher key is not a 32-byte hex private key.");
  return key;
}

function parseMapping(text: string): Partial<Record<Field, string>> {
  const mapping: Partial<Record<Field, string>> = {};
  for (const pair of text.split(",")) {
    const [field, column] = pair.split("=").map((part) => part.trim());
    if (!field || !column || !(field in FIELDS)) {
      throw new ImportError(
        `--map takes field=column pairs with fields from ${Object.keys(FIELDS).join(", ")}; "${pair}" is not one.`,
        {
          exitCode: 2,
        },
      );
    }
    mapping[field as Field] = column;
  }
  return mapping;
}

/** Milestones to flag: a JSON array (or JSON lines) of `{ "kind": "listing", "id": "1001", "label": "first listing" }`. */
export function readMilestones(file: string): MilestoneInput[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new ImportError(`The milestones file ${file} cannot be read.`, { cause });
  }
  let items: unknown;
  try {
    items = text.trim().startsWith("[")
      ? JSON.parse(text)
      : text
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => JSON.parse(line));
  } catch (cause) {
    throw new ImportError(`The milestones file ${file} is not JSON.`, { cause });
  }
  if (!Array.isArray(items)) throw new ImportError(`The milestones file ${file} must hold a JSON array.`);
  if (items.length > 10)
    throw new ImportError(`The archive keeps at most 10 milestones; ${file} has ${items.length}.`);
  return items.map((item, i) => {
    const { kind, id, label } = (item ?? {}) as Record<string, unknown>;
    const where = `${file}, milestone ${i + 1}`;
    if (kind !== "listing" && kind !== "review")
      throw new ImportError(`${where}: kind must be listing or review.`);
    if ((typeof id !== "string" && typeof id !== "number") || String(id) === "")
      throw new ImportError(`${where}: no id.`);
    if (typeof label !== "string" || label.length === 0 || Buffer.byteLength(label) > 32) {
      throw new ImportError(`${where}: the label must have 1 to 32 bytes.`);
    }
    return { kind, id: String(id), label };
  });
}

async function resolveArchive(options: {
  explicit: string | undefined;
  dataDir: string;
  chainId: number;
  deploy: boolean;
  publicClient: LanternPublicClient;
  walletClient: Parameters<typeof deployArchive>[0]["walletClient"] | undefined;
}): Promise<Address | undefined> {
  if (options.explicit) {
    if (!isAddress(options.explicit))
      throw new ImportError(`--archive ${options.explicit} is not an address.`, { exitCode: 2 });
    return getAddress(options.explicit);
  }
  const dir = path.join(options.dataDir, "deployments");
  for (const name of [`${options.chainId}.json`, `${options.chainId}.archive.json`]) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { Archive?: unknown };
      if (typeof json.Archive === "string" && isAddress(json.Archive)) {
        const code = await options.publicClient.getCode({ address: json.Archive });
        if (code && code !== "0x") return getAddress(json.Archive);
      }
    } catch {
      // no such file, or not this archive's
    }
  }
  if (!options.deploy || !options.walletClient) return undefined;
  const account = options.walletClient.account.address;
  const { archive, deploymentBlock } = await deployArchive({
    walletClient: options.walletClient,
    publicClient: options.publicClient,
    publishers: [account],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${options.chainId}.archive.json`),
    `${JSON.stringify({ chainId: options.chainId, deploymentBlock: deploymentBlock.toString(), Archive: archive }, null, 2)}\n`,
  );
  process.stderr.write(`Deployed an Archive at ${archive} (owner and publisher ${account}).\n`);
  return archive;
}

function summarize(
  report: ImportReport,
  chain: ImportChain | undefined,
  chainId: number | undefined,
): string {
  const n = (value: number | bigint) => value.toLocaleString("en-US");
  const lines = [
    "",
    report.dryRun
      ? `Dry run of ${report.file}: nothing was published or stored.`
      : `Imported ${report.file} into the Archive at ${chain?.archive} on chain ${chainId}.`,
    `  rows              ${n(report.rows)}`,
    report.dryRun
      ? `  would publish     ${n(report.published)} records (calldata floor ${n(report.calldataFloorGas)} gas)`
      : `  published         ${n(report.published)} records in ${n(report.batches)} batches (${n(report.gasUsed)} gas${report.published > 0 ? `, ${n(report.gasUsed / BigInt(report.published))} per record` : ""})`,
    `  already on chain  ${n(report.alreadyArchived)}`,
    `  rejected          ${n(report.rejected)}${report.rejected > 0 ? ` (${report.rejectsFile})` : ""}`,
    `  scrubbed          ${n(report.scrubbed)} contact details removed from free text`,
  ];
  const m = report.milestones;
  if (m.set + m.unchanged + m.notArchived.length > 0) {
    lines.push(
      `  milestones        ${m.set} flagged, ${m.unchanged} already, ${m.notArchived.length} not archived`,
    );
  }
  lines.push(
    `  time              ${(report.elapsedMs / 1000).toFixed(1)} s (${n(Math.round(report.recordsPerSecond))} records/s)`,
  );
  if (report.dryRun && report.preview.length > 0) {
    lines.push("", "First records as they would go on chain:");
    for (const item of report.preview) {
      const summary =
        item.kind === "listing"
          ? (({ title, price, currency, category }) =>
              `"${title}", ${price} minor units of ${currency}, ${category}`)(
              decodeListingSummary(item.record.summary),
            )
          : (({ rating, reviewer }) => `rating ${rating} by ${reviewer}`)(
              decodeReviewSummary(item.record.summary),
            );
      lines.push(`  line ${item.line}: ${item.kind} ${item.id} -> ${item.cid}: ${summary}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
