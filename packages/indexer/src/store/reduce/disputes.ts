import type { DecodedEvent } from "../../decode/events.ts";
import { insertRows, type Row } from "../bulk.ts";
import type { Queryable } from "../database.ts";

interface DisputeRow {
  arbitrator: string;
  disputeId: string;
  arbitrable: string;
  metaEvidenceId: string;
  evidenceGroupId: string;
  ruling: string | null;
  createdBlock: string;
  ruledBlock: string | null;
  updatedBlock: string;
}

const COLUMNS = [
  "arbitrator",
  "dispute_id",
  "arbitrable",
  "meta_evidence_id",
  "evidence_group_id",
  "ruling",
  "created_block",
  "ruled_block",
  "updated_block",
] as const;

function keyOf(arbitrator: string, disputeId: bigint): string {
  return `${arbitrator.toLowerCase()}:${disputeId}`;
}

/** ERC-1497 `Dispute` opens a row, ERC-792 `Ruling` completes it; keyed by arbitrator and dispute id. */
export class DisputeReducer {
  readonly rows = new Map<string, DisputeRow>();

  static touched(events: readonly DecodedEvent[]): string[] {
    const keys = new Set<string>();
    for (const e of events) {
      if (e.source !== "escrow") continue;
      if (e.event.eventName === "Dispute" || e.event.eventName === "Ruling") {
        keys.add(keyOf(e.event.args.arbitrator, e.event.args.disputeID));
      }
    }
    return [...keys];
  }

  async load(tx: Queryable, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const rows = await tx.query<Record<string, string | null>>(
      `SELECT arbitrator, dispute_id::text, arbitrable, meta_evidence_id::text, evidence_group_id::text,
              ruling::text, created_block::text, ruled_block::text, updated_block::text
       FROM disputes
       WHERE (arbitrator, dispute_id) IN (SELECT split_part(k, ':', 1), split_part(k, ':', 2)::numeric FROM unnest($1::text[]) k)`,
      [keys],
    );
    for (const r of rows) {
      this.rows.set(`${r.arbitrator}:${r.dispute_id}`, {
        arbitrator: r.arbitrator as string,
        disputeId: r.dispute_id as string,
        arbitrable: r.arbitrable as string,
        metaEvidenceId: r.meta_evidence_id as string,
        evidenceGroupId: r.evidence_group_id as string,
        ruling: r.ruling ?? null,
        createdBlock: r.created_block as string,
        ruledBlock: r.ruled_block ?? null,
        updatedBlock: r.updated_block as string,
      });
    }
  }

  /** Returns why the event could not be applied, or undefined. */
  apply(e: DecodedEvent): string | undefined {
    if (e.source !== "escrow") return undefined;
    const block = e.log.blockNumber.toString();
    if (e.event.eventName === "Dispute") {
      const a = e.event.args;
      this.rows.set(keyOf(a.arbitrator, a.disputeID), {
        arbitrator: a.arbitrator.toLowerCase(),
        disputeId: a.disputeID.toString(),
        arbitrable: e.log.address,
        metaEvidenceId: a.metaEvidenceID.toString(),
        evidenceGroupId: a.evidenceGroupID.toString(),
        ruling: null,
        createdBlock: block,
        ruledBlock: null,
        updatedBlock: block,
      });
    } else if (e.event.eventName === "Ruling") {
      const a = e.event.args;
      const row = this.rows.get(keyOf(a.arbitrator, a.disputeID));
      if (!row) return `Ruling for dispute ${a.disputeID} of ${a.arbitrator}, which was never opened`;
      row.ruling = a.ruling.toString();
      row.ruledBlock = block;
      row.updatedBlock = block;
    }
    return undefined;
  }

  async write(tx: Queryable): Promise<void> {
    const rows: Row[] = [...this.rows.values()].map((r) => ({
      arbitrator: r.arbitrator,
      dispute_id: r.disputeId,
      arbitrable: r.arbitrable,
      meta_evidence_id: r.metaEvidenceId,
      evidence_group_id: r.evidenceGroupId,
      ruling: r.ruling,
      created_block: r.createdBlock,
      ruled_block: r.ruledBlock,
      updated_block: r.updatedBlock,
    }));
    await insertRows(tx, "disputes", rows, { columns: COLUMNS, conflict: ["arbitrator", "dispute_id"] });
  }
}
