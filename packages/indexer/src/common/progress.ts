/** What the indexer reports after each committed range. */
export interface IndexerProgress {
  phase: "backfill" | "realtime";
  /** The last block whose events are in the database. */
  checkpoint: bigint;
  /** The chain head as last seen. */
  head: bigint;
  /** Blocks indexed since this run started, and how many it had to do when last measured. */
  blocksDone: bigint;
  blocksTotal: bigint;
  /** Events written since this run started. */
  events: number;
  eventsPerSecond: number;
  /** Seconds left at the current block rate; undefined until there is a rate. */
  etaSeconds: number | undefined;
  /** Logs from addresses outside the deployment (same topic, other contract), ignored by design. */
  foreignLogs: number;
  /** Logs from Lantern contracts that did not decode; each is also stored in `skipped_logs`. */
  undecodableLogs: number;
  /** RPC or database attempts that failed and were retried. */
  retries: number;
  reorgs: number;
}

/** Keeps the counters behind `IndexerProgress` and derives the rates. */
export class ProgressTracker {
  /** When indexing began (after the database opened), for the rates. */
  startedAt = performance.now();
  startBlock = 0n;
  checkpoint = 0n;
  head = 0n;
  events = 0;
  foreignLogs = 0;
  undecodableLogs = 0;
  retries = 0;
  reorgs = 0;
  phase: IndexerProgress["phase"] = "backfill";

  begin(checkpoint: bigint, head: bigint): void {
    this.startedAt = performance.now();
    this.startBlock = checkpoint;
    this.checkpoint = checkpoint;
    this.head = head;
  }

  /** Recent (time, checkpoint) pairs: the ETA follows the recent block rate, not the whole run's. */
  private readonly recent: { at: number; block: bigint }[] = [];

  snapshot(): IndexerProgress {
    const now = performance.now();
    const seconds = (now - this.startedAt) / 1000;
    const blocksDone = this.checkpoint > this.startBlock ? this.checkpoint - this.startBlock : 0n;
    const blocksTotal = this.head > this.startBlock ? this.head - this.startBlock : 0n;
    this.recent.push({ at: now, block: this.checkpoint });
    while (this.recent.length > 2 && now - (this.recent[0]?.at ?? now) > 20_000) this.recent.shift();
    const oldest = this.recent[0] ?? { at: this.startedAt, block: this.startBlock };
    const window = (now - oldest.at) / 1000;
    const blockRate =
      window > 1
        ? Number(this.checkpoint - oldest.block) / window
        : seconds > 0
          ? Number(blocksDone) / seconds
          : 0;
    const left = Number(blocksTotal - blocksDone);
    return {
      phase: this.phase,
      checkpoint: this.checkpoint,
      head: this.head,
      blocksDone,
      blocksTotal,
      events: this.events,
      eventsPerSecond: seconds > 0 ? this.events / seconds : 0,
      etaSeconds: blockRate > 0 ? Math.max(0, left) / blockRate : undefined,
      foreignLogs: this.foreignLogs,
      undecodableLogs: this.undecodableLogs,
      retries: this.retries,
      reorgs: this.reorgs,
    };
  }
}

/** `blocks 1200/5000 (24%)  38,120 events  9,531 events/s  ETA 12s`, for a progress line. */
export function formatProgress(p: IndexerProgress): string {
  const pct = p.blocksTotal > 0n ? Number((p.blocksDone * 100n) / p.blocksTotal) : 100;
  const eta = p.etaSeconds === undefined ? "ETA --" : `ETA ${formatDuration(p.etaSeconds)}`;
  const parts = [
    `blocks ${p.blocksDone}/${p.blocksTotal} (${pct}%)`,
    `${p.events.toLocaleString("en-US")} events`,
    `${Math.round(p.eventsPerSecond).toLocaleString("en-US")} events/s`,
    eta,
  ];
  if (p.undecodableLogs > 0) parts.push(`${p.undecodableLogs} undecodable`);
  if (p.retries > 0) parts.push(`${p.retries} retries`);
  return parts.join("  ");
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}m`;
}
