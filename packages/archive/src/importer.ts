import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";
import type { ContentStore, StoredContent } from "@lantern/content";
import {
  ArchiveKind,
  type ArchiveRecord,
  archiveAbi,
  encodeJson,
  encodeLegacyId,
  getArchived,
  getArchiveMilestones,
  isArchivePublisher,
  type LanternPublicClient,
  type LanternWalletClient,
  parseArchiveLogs,
  setArchiveMilestone,
  toArchiveError,
} from "@lantern/sdk";
import { type Address, encodeFunctionData, getAbiItem, type Hash, type Hex, toEventSelector } from "viem";
import { listingDocument, reviewDocument } from "./documents.ts";
import { ImportError, RowError } from "./errors.ts";
import { type FieldOptions, FieldReader, type Kind, type LegacyRecord } from "./fields.ts";
import { ImageLoader } from "./images.ts";
import { Journal, type JournalEntry } from "./journal.ts";
import { type ImportCounts, ProgressLine } from "./progress.ts";
import { Pseudonymizer } from "./pseudonym.ts";
import { type Format, formatOf, type RawRow, readRows } from "./read/rows.ts";
import { listingRecord, reviewRecord } from "./records.ts";
import { checkSecretOnChain } from "./secretCheck.ts";

export interface ImportChain {
  publicClient: LanternPublicClient;
  /** The publisher's wallet; not needed for a dry run. */
  walletClient?: LanternWalletClient;
  archive: Address;
}

export interface MilestoneInput {
  kind: Kind;
  /** The old marketplace's id, as in the export. */
  id: string;
  label: string;
}

export interface ImportFileOptions {
  file: string;
  /** From the file's extension unless given. */
  format?: Format;
  fields?: FieldOptions;
  /** The pseudonym secret (`loadSecret`); the same for every run over the same marketplace. */
  secret: Uint8Array;
  /** Where to publish; a dry run without it only validates. */
  chain?: ImportChain;
  /** Where documents and images go; a dry run stores nothing. */
  store?: ContentStore;
  /** The journal; required to publish. */
  journalFile?: string;
  /** Rejected rows, one JSON line each: `{ line, reason, row }`. Rewritten by every run. */
  rejectsFile?: string;
  /** Records per transaction (200). */
  batchSize?: number;
  /** Validate, anonymize and hash everything, publish and store nothing. */
  dryRun?: boolean;
  milestones?: readonly MilestoneInput[];
  /** The old marketplace's name, written into every document. */
  source?: string;
  /** Where the progress line goes (stderr); false for none. */
  progress?: NodeJS.WriteStream | false;
  /** Rejections and warnings, one line each (to the progress stream unless given). */
  log?: (line: string) => void;
  /** How long one image download may take, in milliseconds. */
  imageTimeoutMs?: number;
}

export interface ImportReport extends ImportCounts {
  file: string;
  dryRun: boolean;
  /** Valid rows: published now, already on chain, or (dry run) would be published. */
  valid: number;
  /** Contact details removed from free text. */
  scrubbed: number;
  /** EIP-7623 calldata floor of the batches sent (or that would be sent): 10 gas per calldata token. */
  calldataFloorGas: bigint;
  elapsedMs: number;
  recordsPerSecond: number;
  milestones: { set: number; unchanged: number; notArchived: string[] };
  rejectsFile: string | undefined;
  /** The first records of a dry run, as they would go on chain. */
  preview: { kind: Kind; id: string; line: number; cid: string; record: ArchiveRecord }[];
}

interface Pending {
  row: RawRow;
  record: LegacyRecord;
  legacyId: bigint;
}

const SCREEN_REJECTS = 20;
const BATCH_PUBLISHED = toEventSelector(getAbiItem({ abi: archiveAbi, name: "BatchPublished" }));

/**
 * Imports one legacy export (CSV or JSON Lines): reads and validates every row (a bad row goes to the
 * rejects file with its line number, the rest goes on), anonymizes, stores documents and images, and
 * publishes batches to the Archive. Killed at any point and run again, it ends with every record on chain
 * exactly once: the archive records a legacy id once per kind, the importer skips what the chain already
 * holds, and its journal, checked against the chain, resolves transactions left in flight.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportReport> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const format = options.format ?? formatOf(options.file);
  if (!format)
    throw new ImportError(
      `Cannot tell the format of ${options.file}: name it .csv or .jsonl, or pass --format.`,
    );
  const batchSize = options.batchSize ?? 200;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2000) {
    throw new ImportError(`The batch size must be from 1 to 2000, not ${batchSize}.`);
  }
  const pseudonyms = new Pseudonymizer(options.secret);
  const chain = options.chain;
  const stream = options.progress === false ? undefined : (options.progress ?? process.stderr);
  const progress = stream ? new ProgressLine(stream, path.basename(options.file)) : undefined;
  const log =
    options.log ?? ((line: string) => (progress ? progress.note(line) : process.stderr.write(`${line}\n`)));

  // Everything that can refuse the import happens before the first row is read.
  let publisher: Publisher | undefined;
  if (!dryRun) {
    if (!chain?.walletClient)
      throw new ImportError("No publisher key: set LANTERN_PRIVATE_KEY or pass --key-file.");
    if (!options.store) throw new ImportError("No content store to keep documents and images in.");
    if (!options.journalFile) throw new ImportError("No journal file.");
    publisher = await Publisher.open(
      { ...chain, walletClient: chain.walletClient },
      options.journalFile,
      pseudonyms,
      log,
    );
  }

  const counts: ImportCounts = {
    rows: 0,
    published: 0,
    alreadyArchived: 0,
    rejected: 0,
    batches: 0,
    gasUsed: 0n,
  };
  const report: ImportReport = {
    ...counts,
    file: options.file,
    dryRun,
    valid: 0,
    scrubbed: 0,
    calldataFloorGas: 0n,
    elapsedMs: 0,
    recordsPerSecond: 0,
    milestones: { set: 0, unchanged: 0, notArchived: [] },
    rejectsFile: options.rejectsFile,
    preview: [],
  };

  let rejects: WriteStream | undefined;
  if (options.rejectsFile) {
    mkdirSync(path.dirname(options.rejectsFile), { recursive: true });
    rejects = createWriteStream(options.rejectsFile, { flags: "w" });
  }
  const reject = (row: Pick<RawRow, "line" | "text">, reason: string) => {
    counts.rejected++;
    rejects?.write(`${JSON.stringify({ line: row.line, reason, row: row.text })}\n`);
    if (counts.rejected <= SCREEN_REJECTS) log(`line ${row.line}: ${reason}`);
    else if (counts.rejected === SCREEN_REJECTS + 1)
      log(`... more rejected rows in ${options.rejectsFile ?? "the rejects file"}`);
  };

  const fields = new FieldReader(options.fields);
  const images = new ImageLoader({
    baseDir: path.dirname(path.resolve(options.file)),
    store: dryRun ? undefined : options.store,
    ...(options.imageTimeoutMs === undefined ? {} : { timeoutMs: options.imageTimeoutMs }),
  });
  const seen = new Map<string, number>();
  let secretChecked = 0;
  // One batch in flight: the next window is checked and built while the chain mines the last one.
  let inFlight: Promise<void> | undefined;

  const processWindow = async (window: Pending[]) => {
    if (window.length === 0) return;
    // What the chain already holds is skipped before any work: a resumed import moves fast to where it stopped.
    const archived = new Set<string>();
    if (chain) {
      for (const kind of ["listing", "review"] as const) {
        const ids = window.filter((p) => p.record.kind === kind).map((p) => p.legacyId);
        if (ids.length === 0) continue;
        const onChain = await getArchived(chain, { kind: kindCode(kind), legacyIds: ids });
        for (const id of onChain) archived.add(`${kind}:${id}`);
      }
    }
    const fresh: Pending[] = [];
    for (const pending of window) {
      if (archived.has(`${pending.record.kind}:${pending.legacyId}`)) counts.alreadyArchived++;
      else fresh.push(pending);
    }
    if (chain && secretChecked < 3 && archived.size > 0) {
      secretChecked += await checkSecretOnChain(
        chain,
        window.filter((p) => archived.has(`${p.record.kind}:${p.legacyId}`)).map((p) => p.record),
        pseudonyms,
        options.store,
      );
    }

    const built = await Promise.all(fresh.map((pending) => build(pending)));
    const records: { record: ArchiveRecord; pending: Pending }[] = [];
    for (const [i, result] of built.entries()) {
      const pending = fresh[i] as Pending;
      if (typeof result === "string") reject(pending.row, result);
      else records.push({ record: result.record, pending });
      if (typeof result !== "string" && dryRun && report.preview.length < 5) {
        report.preview.push({
          kind: pending.record.kind,
          id: pending.record.id,
          line: pending.row.line,
          cid: result.cid,
          record: result.record,
        });
      }
    }
    if (records.length === 0) return;
    report.valid += records.length;
    const data = encodeFunctionData({
      abi: archiveAbi,
      functionName: "publishBatch",
      args: [records.map((r) => r.record)],
    });
    report.calldataFloorGas += calldataFloor(data);
    if (!publisher) {
      counts.published += records.length;
      return;
    }
    const lines: [number, number] = [
      records[0]?.pending.row.line ?? 0,
      records.at(-1)?.pending.row.line ?? 0,
    ];
    await inFlight;
    const sending = publisher
      .publish(
        records.map((r) => r.record),
        data,
        path.basename(options.file),
        lines,
      )
      .then((outcome) => {
        counts.published += outcome.recorded;
        counts.alreadyArchived += records.length - outcome.recorded;
        counts.batches++;
        counts.gasUsed += outcome.gasUsed;
      });
    // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
    sending.catch(() => {});
    inFlight = sending;
  };

  const build = async (pending: Pending): Promise<{ record: ArchiveRecord; cid: string } | string> => {
    try {
      const { record } = pending;
      if (record.kind === "listing") {
        const stored: StoredContent[] = [];
        for (const [i, reference] of record.images.entries()) {
          try {
            stored.push(await images.load(reference));
          } catch (error) {
            if (error instanceof RowError) throw new RowError(`image ${i + 1}: ${error.message}`);
            throw error;
          }
        }
        const { document, scrubbed } = listingDocument(
          record,
          pseudonyms.of(record.sellerId),
          stored,
          options.source,
        );
        report.scrubbed += scrubbed;
        const cid = await storeJson(document);
        return { record: listingRecord(record, document, cid), cid };
      }
      const reviewer = pseudonyms.of(record.reviewerId);
      const seller = record.sellerId === undefined ? undefined : pseudonyms.of(record.sellerId);
      const { document, scrubbed } = reviewDocument(record, reviewer, seller, options.source);
      report.scrubbed += scrubbed;
      const cid = await storeJson(document);
      return { record: reviewRecord(record, reviewer, cid), cid };
    } catch (error) {
      if (error instanceof RowError) return error.message;
      if (error instanceof ImportError) throw error;
      return `could not be prepared: ${(error as Error).message}`;
    }
  };

  const storeJson = async (document: object): Promise<string> =>
    dryRun || !options.store
      ? encodeJson(document).cid.toString()
      : (await options.store.putJson(document)).cid;

  try {
    const reader = readRows(options.file, format);
    let window: Pending[] = [];
    let headerChecked = false;
    for await (const row of reader.rows) {
      if (!headerChecked) {
        const columns = reader.columns();
        if (columns) fields.checkColumns(columns);
        headerChecked = true;
      }
      counts.rows++;
      if (row.error || !row.values) {
        reject(row, row.error ?? "unreadable");
        continue;
      }
      let record: LegacyRecord;
      try {
        record = fields.read(row.line, row.values);
      } catch (error) {
        if (error instanceof RowError) {
          reject(row, error.message);
          continue;
        }
        throw error;
      }
      const key = `${record.kind}:${record.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        reject(
          row,
          `${record.kind} ${record.id} appears again (first on line ${first}); only the first is kept`,
        );
        continue;
      }
      seen.set(key, row.line);
      window.push({ row, record, legacyId: encodeLegacyId(record.id) });
      if (window.length >= batchSize) {
        await processWindow(window);
        window = [];
      }
      progress?.update(counts, reader.progress());
    }
    await processWindow(window);
    await inFlight;
    if (options.milestones?.length) {
      if (publisher) report.milestones = await publisher.flagMilestones(options.milestones, log);
      else report.milestones.notArchived = [];
    }
    progress?.done(counts);
  } finally {
    publisher?.close();
    if (rejects) await new Promise<void>((resolve) => rejects.end(resolve));
  }

  const elapsedMs = performance.now() - started;
  Object.assign(report, counts);
  report.valid += counts.alreadyArchived;
  report.elapsedMs = elapsedMs;
  report.recordsPerSecond = (report.valid / elapsedMs) * 1000;
  return report;
}

export function kindCode(kind: Kind): ArchiveKind {
  return kind === "listing" ? ArchiveKind.Listing : ArchiveKind.Review;
}

/** EIP-7623: 10 gas per calldata token, a token being a zero byte or a quarter of a non-zero byte. */
export function calldataFloor(data: Hex): bigint {
  let tokens = 0n;
  for (let i = 2; i < data.length; i += 2) tokens += data[i] === "0" && data[i + 1] === "0" ? 1n : 4n;
  return 10n * tokens;
}

/**
 * Sends batches from the publisher's account with a nonce it keeps itself, journaling each transaction
 * before waiting for it, and reconciles the journal with the chain when it opens.
 */
class Publisher {
  readonly #chain: ImportChain & { walletClient: LanternWalletClient };
  #journal: Journal;
  #chainId = 0;
  /** Written before the first batch goes out, so a run refused midway leaves no claim on the secret. */
  #header: Extract<JournalEntry, { t: "open" }> | undefined;
  #nonce: number | undefined;
  #fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | undefined;
  #sent = 0;
  #simulated = false;

  private constructor(chain: ImportChain & { walletClient: LanternWalletClient }, journal: Journal) {
    this.#chain = chain;
    this.#journal = journal;
  }

  static async open(
    chain: ImportChain & { walletClient: LanternWalletClient },
    file: string,
    pseudonyms: Pseudonymizer,
    log: (line: string) => void,
  ): Promise<Publisher> {
    const { publicClient, walletClient, archive } = chain;
    const account = walletClient.account.address;
    const code = await publicClient.getCode({ address: archive }).catch((cause) => {
      throw new ImportError(`The chain cannot be reached: ${(cause as Error).message}`, { cause });
    });
    if (!code || code === "0x")
      throw new ImportError(`There is no Archive contract at ${archive} on this chain.`);
    if (!(await isArchivePublisher(chain, account))) {
      throw new ImportError(
        `${account} is not an authorized publisher of the Archive at ${archive}; its owner must call setPublisher first.`,
      );
    }
    const chainId = await publicClient.getChainId();
    const journal = Journal.open(file);
    const header = journal.header;
    if (header && header.secret !== pseudonyms.fingerprint()) {
      throw new ImportError(
        `The pseudonym secret is not the one this archive's earlier imports used (journal ${file}); nothing was published. Use the same secret, or pseudonyms of the same people would differ.`,
      );
    }
    if (header && (header.archive.toLowerCase() !== archive.toLowerCase() || header.chainId !== chainId)) {
      throw new ImportError(`The journal ${file} belongs to another archive or chain.`);
    }
    const publisher = new Publisher(chain, journal);
    publisher.#chainId = chainId;
    // The journal checked against the chain: transactions left in flight get their outcome, and batches it
    // records must be on chain with the same root. A chain that holds none of them was reset: start over.
    await publisher.#resolveInFlight(log);
    const mined = journal.mined();
    if (mined.length > 0) {
      const roots = await Promise.all(
        mined.map((entry) =>
          publicClient.readContract({
            address: archive,
            abi: archiveAbi,
            functionName: "batchRoot",
            args: [BigInt(entry.batchId)],
          }),
        ),
      );
      const mismatched = mined.filter((entry, i) => roots[i]?.toLowerCase() !== entry.root.toLowerCase());
      if (mismatched.length > 0) {
        log(
          `The journal records ${mismatched.length} batch(es) the chain does not hold (a reset chain?); it was moved aside and the chain's state is used.`,
        );
        publisher.#journal = Journal.rotate(journal);
      }
    }
    publisher.#header = {
      t: "open",
      chainId,
      archive,
      publisher: account,
      secret: pseudonyms.fingerprint(),
      at: new Date().toISOString(),
    };
    return publisher;
  }

  async #resolveInFlight(log: (line: string) => void) {
    for (const sent of this.#journal.unresolved()) {
      const receipt = await this.#receipt(sent.tx, 30_000);
      if (!receipt) {
        this.#journal.append({ t: "lost", tx: sent.tx, reason: "not mined" });
        log(`A batch sent earlier (${sent.tx}) never landed; its records go out again.`);
        continue;
      }
      if (receipt.status !== "success") {
        this.#journal.append({ t: "lost", tx: sent.tx, reason: "reverted" });
        continue;
      }
      this.#recordMined(sent.tx, receipt);
    }
  }

  #recordMined(tx: Hash, receipt: Receipt): { batchId: bigint; recorded: number; root: Hex } {
    // Only the batch's own event is decoded: its records' events are the chain's, not the journal's.
    const own = receipt.logs.filter(
      (log) =>
        log.topics[0] === BATCH_PUBLISHED && log.address.toLowerCase() === this.#chain.archive.toLowerCase(),
    );
    const { batches } = parseArchiveLogs(own as Parameters<typeof parseArchiveLogs>[0]);
    const batch = batches[0];
    const recorded = batch?.records ?? 0;
    const root = batch?.root ?? `0x${"0".repeat(64)}`;
    // A batch whose records were all on chain already stores nothing: batch 0, zero root.
    this.#journal.append({
      t: "mined",
      tx,
      batchId: (batch?.batchId ?? 0n).toString(),
      recorded,
      root,
      block: receipt.blockNumber.toString(),
      gasUsed: receipt.gasUsed.toString(),
    });
    return { batchId: batch?.batchId ?? 0n, recorded, root };
  }

  async publish(
    records: readonly ArchiveRecord[],
    data: Hex,
    file: string,
    lines: [number, number],
  ): Promise<{ recorded: number; gasUsed: bigint }> {
    const { publicClient, walletClient, archive } = this.#chain;
    const account = walletClient.account;
    // The first batch is simulated, so a contract error surfaces decoded before anything is spent; after
    // that a generous limit spares an estimate per batch (a batch uses what it needs).
    if (!this.#simulated) {
      try {
        await publicClient.call({ account, to: archive, data });
      } catch (error) {
        throw new ImportError(`The archive refused the first batch: ${toArchiveError(error).shortMessage}`, {
          cause: error,
        });
      }
      this.#simulated = true;
    }
    const gas = 200_000n + 40n * BigInt((data.length - 2) / 2) + 30_000n * BigInt(records.length);
    for (let attempt = 0; ; attempt++) {
      if (this.#nonce === undefined) {
        this.#nonce = await publicClient.getTransactionCount({
          address: account.address,
          blockTag: "pending",
        });
      }
      if (!this.#fees || this.#sent % 25 === 0 || attempt > 0) {
        const fees = await publicClient.estimateFeesPerGas();
        this.#fees = {
          maxFeePerGas: fees.maxFeePerGas * 2n,
          maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
        };
      }
      let hash: Hash;
      try {
        const transaction = { to: archive, data, gas, nonce: this.#nonce, ...this.#fees };
        // A local key signs here and the raw transaction goes out in one call; a remote signer takes the
        // wallet's own path.
        hash = account.signTransaction
          ? await publicClient.sendRawTransaction({
              serializedTransaction: await account.signTransaction({
                ...transaction,
                type: "eip1559",
                chainId: this.#chainId,
              }),
            })
          : await walletClient.sendTransaction({
              ...transaction,
              account,
              chain: walletClient.chain ?? null,
            });
      } catch (error) {
        // A nonce taken by a transaction from elsewhere, or fees that fell behind: read both again.
        this.#nonce = undefined;
        if (attempt < 3) continue;
        throw new ImportError(`A batch could not be sent: ${toArchiveError(error).shortMessage}`, {
          cause: error,
        });
      }
      this.#nonce++;
      this.#sent++;
      if (!this.#journal.header && this.#header) this.#journal.append(this.#header);
      this.#journal.append({
        t: "sent",
        tx: hash,
        records: records.length,
        file,
        lines,
        at: new Date().toISOString(),
      });
      const receipt = await this.#receipt(hash, 120_000);
      if (!receipt)
        throw new ImportError(`The batch ${hash} was not mined within two minutes; run the import again.`);
      if (receipt.status !== "success") {
        this.#journal.append({ t: "lost", tx: hash, reason: "reverted" });
        throw new ImportError(`The batch ${hash} reverted on chain; run the import again.`);
      }
      const { recorded } = this.#recordMined(hash, receipt);
      return { recorded, gasUsed: receipt.gasUsed };
    }
  }

  async flagMilestones(
    milestones: readonly MilestoneInput[],
    log: (line: string) => void,
  ): Promise<ImportReport["milestones"]> {
    const result: ImportReport["milestones"] = { set: 0, unchanged: 0, notArchived: [] };
    const existing = await getArchiveMilestones(this.#chain);
    for (const milestone of milestones) {
      const kind = kindCode(milestone.kind);
      const legacyId = encodeLegacyId(milestone.id);
      if (existing.some((m) => m.kind === kind && m.legacyId === legacyId && m.label === milestone.label)) {
        result.unchanged++;
        continue;
      }
      const onChain = await getArchived(this.#chain, { kind, legacyIds: [legacyId] });
      if (!onChain.has(legacyId)) {
        result.notArchived.push(`${milestone.kind} ${milestone.id}`);
        log(`milestone "${milestone.label}": ${milestone.kind} ${milestone.id} is not archived; not flagged`);
        continue;
      }
      try {
        await setArchiveMilestone(this.#chain, { kind, legacyId, label: milestone.label });
        this.#nonce = undefined;
        result.set++;
      } catch (error) {
        log(
          `milestone "${milestone.label}": ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}`,
        );
      }
    }
    return result;
  }

  async #receipt(hash: Hash, timeoutMs: number): Promise<Receipt | undefined> {
    const { publicClient } = this.#chain;
    const deadline = Date.now() + timeoutMs;
    for (let delay = 5; ; delay = Math.min(delay * 2, 1000)) {
      const receipt = await publicClient.getTransactionReceipt({ hash }).catch(() => undefined);
      if (receipt) return receipt;
      const known = await publicClient.getTransaction({ hash }).catch(() => undefined);
      if (!known || Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  close() {
    this.#journal.close();
  }
}

type Receipt = Awaited<ReturnType<LanternPublicClient["getTransactionReceipt"]>>;
