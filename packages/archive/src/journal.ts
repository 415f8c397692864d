import {
  closeSync,
  existsSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { Address, Hash, Hex } from "viem";

export type JournalEntry =
  /** The first line: which archive, publisher and secret this journal belongs to. */
  | { t: "open"; chainId: number; archive: Address; publisher: Address; secret: Hex; at: string }
  /** A batch's transaction was sent (written before its receipt is awaited). */
  | { t: "sent"; tx: Hash; records: number; file: string; lines: [number, number]; at: string }
  /** It was mined: the batch id and root the chain now holds. */
  | { t: "mined"; tx: Hash; batchId: string; recorded: number; root: Hex; block: string; gasUsed: string }
  /** It never landed (dropped) or reverted; its records go out again. */
  | { t: "lost"; tx: Hash; reason: string };

/**
 * The importer's local journal, one JSON line per entry, appended and synced to disk before the import goes
 * on. It is checked against the chain when an import resumes; the chain, where every legacy id is recorded
 * once, stays the authority on what is published.
 */
export class Journal {
  readonly file: string;
  readonly entries: JournalEntry[];
  #fd: number | undefined;

  private constructor(file: string, entries: JournalEntry[]) {
    this.file = file;
    this.entries = entries;
  }

  /** Opens (or creates) the journal; a torn last line from a killed run is dropped. */
  static open(file: string): Journal {
    const entries: JournalEntry[] = [];
    if (existsSync(file)) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (line.trim() === "") continue;
        try {
          entries.push(JSON.parse(line) as JournalEntry);
        } catch {
          // a line cut short by a kill; nothing after it was written
        }
      }
    }
    return new Journal(file, entries);
  }

  /** Moves this journal aside (`<file>.stale-<time>`) and starts an empty one. */
  static rotate(journal: Journal): Journal {
    journal.close();
    if (existsSync(journal.file)) renameSync(journal.file, `${journal.file}.stale-${Date.now()}`);
    return new Journal(journal.file, []);
  }

  get header(): Extract<JournalEntry, { t: "open" }> | undefined {
    const first = this.entries[0];
    return first?.t === "open" ? first : undefined;
  }

  /** Sent transactions with no outcome recorded yet. */
  unresolved(): Extract<JournalEntry, { t: "sent" }>[] {
    const resolved = new Set(
      this.entries.filter((e) => e.t === "mined" || e.t === "lost").map((e) => (e as { tx: Hash }).tx),
    );
    return this.entries.filter(
      (e): e is Extract<JournalEntry, { t: "sent" }> => e.t === "sent" && !resolved.has(e.tx),
    );
  }

  mined(): Extract<JournalEntry, { t: "mined" }>[] {
    return this.entries.filter((e): e is Extract<JournalEntry, { t: "mined" }> => e.t === "mined");
  }

  append(entry: JournalEntry): void {
    if (this.#fd === undefined) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.#fd = openSync(this.file, "a");
    }
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
    fdatasyncSync(this.#fd);
    this.entries.push(entry);
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
