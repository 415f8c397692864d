import type { Hex } from "viem";
import { DeploymentMismatchError } from "../common/errors.ts";
import type { IndexerDeployment } from "../common/options.ts";
import { decodeLogs } from "../decode/decodeLogs.ts";
import { EVENTS_BY_SOURCE } from "../decode/events.ts";
import type { Rpc } from "../sync/rpc.ts";
import type { Database } from "./database.ts";
import { ArchiveRows } from "./reduce/archive.ts";

const ARCHIVE_TOPICS: readonly Hex[] = [...EVENTS_BY_SOURCE.archive.keys()];
const CHUNK = 50_000n;

/**
 * An Archive can join a deployment after its index has started (`lantern import --deploy-archive` while
 * `lantern start` runs): its events up to the checkpoint were passed over as foreign logs. The first start
 * that knows the Archive reads them now, in one transaction with the `archive` meta row, so they are read
 * once. Another Archive than the one indexed is refused, as another deployment is.
 */
export async function catchUpArchive(
  db: Database,
  rpc: Rpc,
  deployment: IndexerDeployment,
  checkpoint: bigint,
): Promise<void> {
  const archive = deployment.contracts.Archive?.toLowerCase();
  const [row] = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'archive'");
  if (!archive || row?.value === archive) return;
  if (row) {
    throw new DeploymentMismatchError(
      `The database at ${db.location} indexes the Archive ${row.value}, not ${archive}.`,
      { details: "Use another data directory or database (or schema), or delete this one to rebuild it." },
    );
  }
  const logs = [];
  for (let from = deployment.deploymentBlock; from <= checkpoint; from += CHUNK) {
    const to = from + CHUNK - 1n < checkpoint ? from + CHUNK - 1n : checkpoint;
    logs.push(...(await rpc.logs(from, to, ARCHIVE_TOPICS)).filter((log) => log.address === archive));
  }
  const rows = new ArchiveRows();
  for (const e of decodeLogs(logs, deployment, () => false).events) {
    if (e.source === "archive") rows.apply(e);
  }
  await db.transaction(async (tx) => {
    await rows.write(tx);
    await tx.query("INSERT INTO meta (key, value) VALUES ('archive', $1)", [archive]);
  });
}
