import type { Logger } from "../common/logger.ts";
import { type Shutdown, sleep } from "../common/shutdown.ts";
import type { Database } from "../store/database.ts";
import { processMetadata } from "./processMetadata.ts";
import type { MetadataSource } from "./source.ts";

/**
 * The metadata stage, beside the range writer: rounds of `processMetadata` until the shutdown signal,
 * resting when nothing is due. A failed round (database or source trouble) is logged and retried later;
 * it never stops the indexer, because search works on titles alone until documents arrive.
 */
export async function runMetadataStage(
  db: Database,
  source: MetadataSource,
  options: { shutdown: Shutdown; logger: Logger; idleMs: number },
): Promise<void> {
  const { signal } = options.shutdown;
  while (!signal.aborted) {
    try {
      const handled = await processMetadata(db, source);
      if (handled === 0) await sleep(options.idleMs, signal);
    } catch (error) {
      if (signal.aborted) return;
      options.logger.warn("metadata stage: round failed; retrying", { error: (error as Error)?.message });
      await sleep(5_000, signal).catch(() => {});
    }
  }
}
