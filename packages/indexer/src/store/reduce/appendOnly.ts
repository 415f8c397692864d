import type { SkippedLog } from "../../decode/decodeLogs.ts";
import type { DecodedEvent } from "../../decode/events.ts";
import type { ChainLog } from "../../sync/types.ts";
import { type Column, ColumnBuffer, insertColumns } from "../bulk.ts";
import type { Queryable } from "../database.ts";
import { argsJson, clean } from "./json.ts";

const position: Column[] = [
  { name: "block_number", type: "bigint" },
  { name: "log_index", type: "integer" },
  { name: "tx_hash", type: "text" },
];

const TABLES = {
  keys: [...position, { name: "account", type: "text" }, { name: "key", type: "text" }],
  payments: [
    ...position,
    { name: "event", type: "text" },
    { name: "account", type: "text" },
    { name: "currency", type: "text" },
    { name: "amount", type: "numeric" },
  ],
  evidence: [
    ...position,
    { name: "arbitrable", type: "text" },
    { name: "arbitrator", type: "text" },
    { name: "evidence_group_id", type: "numeric" },
    { name: "party", type: "text" },
    { name: "evidence", type: "text" },
  ],
  meta_evidence: [
    ...position,
    { name: "arbitrable", type: "text" },
    { name: "meta_evidence_id", type: "numeric" },
    { name: "evidence", type: "text" },
  ],
  contract_events: [
    ...position,
    { name: "contract", type: "text" },
    { name: "event", type: "text" },
    { name: "args", type: "jsonb" },
  ],
  skipped_logs: [
    ...position,
    { name: "address", type: "text" },
    { name: "topic0", type: "text" },
    { name: "reason", type: "text" },
    { name: "topics", type: "text" },
    { name: "data", type: "text" },
  ],
} satisfies Record<string, Column[]>;

/** Parameter changes: kept as they came, for audit and for the DAO pages later. */
const SETTINGS_EVENTS = new Set([
  "TemplateApproved",
  "CurrencyApproved",
  "CuratorChanged",
  "WindowsChanged",
  "ArbitratorChanged",
  "OwnershipTransferStarted",
  "OwnershipTransferred",
]);

/** Rows for the tables that only grow: one per event, written in one statement per table. */
export class AppendOnlyRows {
  private readonly buffers = Object.fromEntries(
    Object.entries(TABLES).map(([name, columns]) => [name, new ColumnBuffer(columns)]),
  ) as Record<keyof typeof TABLES, ColumnBuffer>;

  /** Adds the event's row; returns false if no append-only table takes this event. */
  add(e: DecodedEvent): boolean {
    const { log } = e;
    const at = [log.blockNumber.toString(), log.logIndex, log.transactionHash] as const;
    if (e.source === "keys") {
      const a = e.event.args;
      this.buffers.keys.push(...at, a.account.toLowerCase(), a.key.toLowerCase());
      return true;
    }
    if (SETTINGS_EVENTS.has(e.event.eventName)) {
      this.buffers.contract_events.push(...at, log.address, e.event.eventName, argsJson(e.event.args));
      return true;
    }
    if (e.source !== "escrow") return false;
    const ev = e.event;
    switch (ev.eventName) {
      case "PaymentDeferred":
      case "Withdrawn":
        this.buffers.payments.push(
          ...at,
          ev.eventName,
          ev.args.account.toLowerCase(),
          ev.args.currency.toLowerCase(),
          ev.args.amount.toString(),
        );
        return true;
      case "Evidence":
        this.buffers.evidence.push(
          ...at,
          log.address,
          ev.args.arbitrator.toLowerCase(),
          ev.args.evidenceGroupID.toString(),
          ev.args.party.toLowerCase(),
          clean(ev.args.evidence),
        );
        return true;
      case "MetaEvidence":
        this.buffers.meta_evidence.push(
          ...at,
          log.address,
          ev.args.metaEvidenceID.toString(),
          clean(ev.args.evidence),
        );
        return true;
      default:
        return false;
    }
  }

  skip(log: ChainLog, reason: string): void {
    this.buffers.skipped_logs.push(
      log.blockNumber.toString(),
      log.logIndex,
      log.transactionHash,
      log.address,
      log.topics[0] ?? null,
      clean(reason),
      log.topics.join(" "),
      log.data,
    );
  }

  skipAll(skipped: readonly SkippedLog[]): void {
    for (const s of skipped) this.skip(s.log, s.reason);
  }

  get skippedCount(): number {
    return this.buffers.skipped_logs.length;
  }

  async write(tx: Queryable): Promise<void> {
    for (const [table, buffer] of Object.entries(this.buffers)) {
      await insertColumns(tx, table, buffer.columns, buffer.data);
    }
  }
}
