/** What the import has done so far. */
export interface ImportCounts {
  rows: number;
  published: number;
  alreadyArchived: number;
  rejected: number;
  batches: number;
  gasUsed: bigint;
}

/**
 * One progress line on a terminal (rewritten in place, at most five times a second), or a line every five
 * seconds when the output is a file or a pipe: how far, records per second, time left.
 */
export class ProgressLine {
  readonly #stream: NodeJS.WriteStream;
  readonly #label: string;
  readonly #started = performance.now();
  readonly #tty: boolean;
  #last = 0;
  #shown = false;

  constructor(stream: NodeJS.WriteStream, label: string) {
    this.#stream = stream;
    this.#label = label;
    this.#tty = stream.isTTY === true;
  }

  update(counts: ImportCounts, fraction: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.#last < (this.#tty ? 200 : 5000)) return;
    this.#last = now;
    const line = this.format(counts, fraction, now);
    if (this.#tty) this.#stream.write(`\r\x1b[2K${line}`);
    else this.#stream.write(`${line}\n`);
    this.#shown = true;
  }

  /** Ends the line (a terminal's cursor moves to the next one). */
  done(counts: ImportCounts): void {
    this.update(counts, 1, true);
    if (this.#tty && this.#shown) this.#stream.write("\n");
  }

  /** Writes a message above the progress line. */
  note(message: string): void {
    if (this.#tty && this.#shown) this.#stream.write("\r\x1b[2K");
    this.#stream.write(`${message}\n`);
    this.#last = 0;
  }

  format(counts: ImportCounts, fraction: number, now = performance.now()): string {
    const seconds = (now - this.#started) / 1000;
    const done = counts.published + counts.alreadyArchived;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = fraction > 0.001 && fraction < 1 ? (seconds / fraction) * (1 - fraction) : 0;
    const n = (value: number) => Math.round(value).toLocaleString("en-US");
    const bar = "#".repeat(Math.round(fraction * 20)).padEnd(20, ".");
    return (
      `${this.#label} [${bar}] ${Math.floor(fraction * 100)}% | ${n(counts.published)} published, ` +
      `${n(counts.alreadyArchived)} already on chain, ${n(counts.rejected)} rejected | ${n(rate)} records/s | ` +
      `ETA ${clock(eta)}`
    );
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}
