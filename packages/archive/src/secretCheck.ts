import type { ContentStore } from "@lantern/content";
import { archiveAbi, archiveContentCid, decodeReviewSummary, encodeLegacyId } from "@lantern/sdk";
import { ImportError } from "./errors.ts";
import type { LegacyRecord } from "./fields.ts";
import type { ImportChain } from "./importer.ts";
import type { Pseudonymizer } from "./pseudonym.ts";

/**
 * Compares the pseudonyms of records already archived with the ones this run's secret gives, so a wrong
 * secret is refused even without the journal of earlier runs: a review's reviewer pseudonym is on chain in
 * its summary, a listing's seller pseudonym in its document (checked when the local content store holds
 * it). Returns how many records it could compare.
 */
export async function checkSecretOnChain(
  chain: ImportChain,
  archived: readonly LegacyRecord[],
  pseudonyms: Pseudonymizer,
  store: ContentStore | undefined,
): Promise<number> {
  let checked = 0;
  for (const record of archived.slice(0, 3)) {
    const legacyId = encodeLegacyId(record.id);
    if (record.kind === "review") {
      const logs = await chain.publicClient.getContractEvents({
        address: chain.archive,
        abi: archiveAbi,
        eventName: "ReviewArchived",
        args: { listingId: encodeLegacyId(record.listingId) },
        fromBlock: "earliest",
      });
      const log = logs.find((entry) => entry.args.legacyId === legacyId);
      if (!log?.args.review || log.args.listingId === undefined) continue;
      const summary =
        `0x${log.args.listingId.toString(16).padStart(64, "0")}${log.args.review.slice(2)}` as const;
      const onChain = decodeReviewSummary(summary).reviewer.toLowerCase();
      if (onChain !== pseudonyms.of(record.reviewerId).toLowerCase()) refuse(record);
      checked++;
    } else if (store) {
      const logs = await chain.publicClient.getContractEvents({
        address: chain.archive,
        abi: archiveAbi,
        eventName: "ListingArchived",
        args: { legacyId },
        fromBlock: "earliest",
      });
      const content = logs[0]?.args.content;
      if (!content) continue;
      const document = (await store.getJson(archiveContentCid(content)).catch(() => undefined)) as
        | { seller?: string }
        | undefined;
      if (!document?.seller) continue;
      if (document.seller.toLowerCase() !== pseudonyms.of(record.sellerId).toLowerCase()) refuse(record);
      checked++;
    }
  }
  return checked;
}

function refuse(record: LegacyRecord): never {
  throw new ImportError(
    `The pseudonym secret is not the one the archive was published with: ${record.kind} ${record.id} (line ${record.line}) is on chain under another pseudonym. Nothing more was published; use the original secret.`,
  );
}
