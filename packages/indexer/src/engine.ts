import type { Address, Hex } from "viem";
import { DeploymentMismatchError } from "./common/errors.ts";
import type { Logger } from "./common/logger.ts";
import type { ResolvedOptions } from "./common/options.ts";
import type { ProgressTracker } from "./common/progress.ts";
import type { Shutdown } from "./common/shutdown.ts";
import { type DecodedLogs, decodeLogs } from "./decode/decodeLogs.ts";
import { findAncestor } from "./reorg/findAncestor.ts";
import { rollback } from "./reorg/rollback.ts";
import { catchUpArchive } from "./store/archiveCatchUp.ts";
import { blockHashAt, type Checkpoint, checkDeployment, readCheckpoint } from "./store/checkpoint.ts";
import type { Database } from "./store/database.ts";
import { catchUpReviews } from "./store/reviewsCatchUp.ts";
import { writeRange } from "./store/writeRange.ts";
import { AdaptiveRange } from "./sync/blockRange.ts";
import { fetchRange } from "./sync/fetchRange.ts";
import { rangeStream } from "./sync/rangeStream.ts";
import type { Rpc } from "./sync/rpc.ts";
import { MalformedResponseError } from "./sync/rpcErrors.ts";
import type { FetchedRange } from "./sync/types.ts";

export interface EngineContext {
  db: Database;
  rpc: Rpc;
  options: ResolvedOptions;
  logger: Logger;
  shutdown: Shutdown;
  progress: ProgressTracker;
  onCommit: () => void;
}

const ZERO_HASH: Hex = `0x${"0".repeat(64)}`;

/**
 * Moves the database from its checkpoint to the chain head, one committed range at a time, and handles
 * reorgs on the way: sync (read ranges) -> decode -> store (one transaction per range), with the reorg
 * stage stepping in when a new block does not extend the last one indexed.
 */
export class Engine {
  private checkpoint!: Checkpoint;
  private known = new Set<Address>();
  private readonly ranges: AdaptiveRange;

  constructor(private readonly ctx: EngineContext) {
    this.ranges = new AdaptiveRange({
      maxLogs: ctx.options.maxLogsPerRequest,
      maxBytes: ctx.options.maxResponseBytes,
      maxBlocks: ctx.options.maxBlockRange,
    });
  }

  get current(): Checkpoint {
    return this.checkpoint;
  }

  /** Checks the database belongs to this deployment and chain, then loads where it stopped. */
  async init(): Promise<void> {
    const { db, rpc, options } = this.ctx;
    const chainId = await rpc.chainId();
    if (chainId !== options.deployment.chainId) {
      throw new DeploymentMismatchError(
        `The RPC at ${options.rpcUrl} serves chain ${chainId}, but the deployment is on chain ${options.deployment.chainId}.`,
      );
    }
    await checkDeployment(db, options.deployment);
    const saved = await readCheckpoint(db);
    if (saved) {
      this.checkpoint = saved;
    } else {
      const start = options.deployment.deploymentBlock - 1n;
      const hash = start < 0n ? ZERO_HASH : (await rpc.header(start)).hash;
      this.checkpoint = { number: start, hash, undoFloor: start };
    }
    // Reviews first: it may roll the unfinalized blocks back, and the archive then reads up to there.
    this.checkpoint = await catchUpReviews(db, rpc, options.deployment, this.checkpoint);
    await catchUpArchive(db, rpc, options.deployment, this.checkpoint.number);
    await this.loadKnownListings();
  }

  /**
   * One round: if the chain grew, index up to its head; if the block at our height changed, handle the
   * reorg. Returns false when there was nothing to do (caught up).
   */
  async step(): Promise<boolean> {
    const { rpc, progress } = this.ctx;
    const latest = await rpc.latest();
    if (latest.number > progress.head) progress.head = latest.number;
    const cp = this.checkpoint;
    if (latest.number > cp.number) {
      // Unfinalized ranges check that their first block extends the checkpoint, but a range below the
      // finality depth does not read headers; when the index holds unfinalized blocks (after a restart or
      // a long pause, say), make sure the last of them is still on the chain before building on it.
      if (cp.number > cp.undoFloor && (await rpc.header(cp.number)).hash !== cp.hash) {
        await this.reorg(`block ${cp.number} changed`);
      } else {
        await this.syncTo(latest.number);
      }
      return true;
    }
    const ours = latest.number === cp.number ? cp.hash : await blockHashAt(this.ctx.db, latest.number);
    if (ours && ours !== latest.hash) {
      await this.reorg(`block ${latest.number} changed`);
      return true;
    }
    return false;
  }

  private async syncTo(head: bigint): Promise<void> {
    const { rpc, logger, shutdown, options, progress } = this.ctx;
    const stream = rangeStream({
      rpc,
      ranges: this.ranges,
      logger,
      signal: shutdown.signal,
      from: this.checkpoint.number + 1n,
      to: head,
      safe: head - BigInt(options.finality),
      onRetry: () => progress.retries++,
      prepare: (range) => this.prepare(range),
    });
    try {
      for await (const { range, decoded } of stream) {
        shutdown.check();
        const first = range.headers[0];
        if (range.unfinalized && first && first.parentHash !== this.checkpoint.hash) {
          await this.reorg(`block ${first.number} does not extend block ${this.checkpoint.number}`);
          return;
        }
        await this.write(range, decoded, head);
      }
    } catch (error) {
      // Ranges decoded ahead may have added listings that were never written; start clean next time.
      await this.loadKnownListings().catch(() => {});
      throw error;
    }
  }

  /**
   * Decodes a range as soon as it arrives, usually while the previous one is being written. Listings it
   * creates become known at once, since the next range (decoded before this one is written) may already
   * carry their events.
   */
  private async prepare(range: FetchedRange): Promise<{ range: FetchedRange; decoded: DecodedLogs }> {
    const started = performance.now();
    let decoded = this.decode(range);
    if (decoded.skipped.length > 0) decoded = await this.confirmSkipped(range, decoded);
    for (const listing of decoded.newListings) this.known.add(listing);
    this.ctx.logger.debug("decoded range", {
      from: range.from,
      to: range.to,
      events: decoded.events.length,
      ms: Math.round(performance.now() - started),
    });
    return { range, decoded };
  }

  private async write(range: FetchedRange, decoded: DecodedLogs, head: bigint): Promise<void> {
    const { db, options, progress, logger } = this.ctx;
    const started = performance.now();
    const result = await writeRange(db, { ...range, decoded }, this.checkpoint, head, options.finality);
    logger.debug("committed range", {
      from: range.from,
      to: range.to,
      events: decoded.events.length,
      ms: Math.round(performance.now() - started),
      rssMb: Math.round(process.memoryUsage.rss() / 1048576),
    });
    this.checkpoint = result.checkpoint;
    progress.checkpoint = result.checkpoint.number;
    progress.events += decoded.events.length;
    progress.foreignLogs += decoded.foreign;
    progress.undecodableLogs += result.skipped;
    if (result.skipped > 0) {
      logger.warn("logs skipped; see the skipped_logs table", {
        from: range.from,
        to: range.to,
        count: result.skipped,
      });
    }
    this.ctx.onCommit();
  }

  private decode(range: FetchedRange): DecodedLogs {
    return decodeLogs(range.logs, this.ctx.options.deployment, (address) => this.known.has(address));
  }

  /**
   * A Lantern log that does not decode is either on chain like that or was damaged on the way. Reading
   * the range again tells which: the same bytes twice are the chain's, so they are recorded and skipped;
   * different bytes mean a faulty provider, and the range is refused (retryable).
   */
  private async confirmSkipped(range: FetchedRange, decoded: DecodedLogs): Promise<DecodedLogs> {
    const again = this.decode(await fetchRange(this.ctx.rpc, range.from, range.to, range.unfinalized));
    const key = (d: DecodedLogs) =>
      d.skipped
        .map((s) => `${s.log.blockHash}:${s.log.logIndex}:${s.log.topics.join(",")}:${s.log.data}`)
        .join("|");
    if (key(again) !== key(decoded) || again.events.length !== decoded.events.length) {
      throw new MalformedResponseError(
        `logs of blocks ${range.from}..${range.to} changed between two reads`,
        decoded.skipped[0]?.log,
      );
    }
    return decoded;
  }

  private async reorg(reason: string): Promise<void> {
    const { db, rpc, logger, options, progress } = this.ctx;
    progress.reorgs++;
    const ancestor = await findAncestor(db, rpc, this.checkpoint, options.finality);
    const before = this.checkpoint.number;
    this.checkpoint = await rollback(db, ancestor, async (n) => (await rpc.header(n)).hash);
    progress.checkpoint = this.checkpoint.number;
    await this.loadKnownListings();
    logger.warn("reorg: rolled back", {
      reason,
      ancestor: ancestor.number,
      from: before,
      to: this.checkpoint.number,
    });
  }

  private async loadKnownListings(): Promise<void> {
    const rows = await this.ctx.db.query<{ address: string }>("SELECT address FROM listings");
    this.known = new Set(rows.map((r) => r.address as Address));
  }
}
