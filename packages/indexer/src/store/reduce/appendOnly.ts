import type { SkippedLog } from "../../decode/decodeLogs.ts";
import type { DecodedEvent } from "../../decode/events.ts";
import type { ChainLog } from "../../sync/types.ts";
import { insertRows, type Row } from "../bulk.ts";
import type { Queryable } from "../database.ts";
import { clean, jsonArgs } from "./json.ts";

const POSITION = ["block_number", "log_index", "tx_hash"] as const;

const COLUMNS = {
  keys: [...POSITION, "account", "key"],
  payments: [...POSITION, "event", "account", "currency", "amount"],
  evidence: [...POSITION, "arbitrable", "arbitrator", "evidence_group_id", "party", "evidence"],
  meta_evidence: [...POSITION, "arbitrable", "meta_evidence_id", "evidence"],
  contract_events: [...POSITION, "contract", "event", "args"],
  skipped_logs: [...POSITION, "address", "topic0", "reason", "topics", "data"],
} as const;

type Table = keyof typeof COLUMNS;

/** Parameter changes: kept as they came, for audit and for the DAO pages later (so are unknown events). */
const SETTINGS_EVENTS = new Set([
  "TemplateApproved",
  "CurrencyApproved",
  "CuratorChanged",
  "WindowsChanged",
  "ArbitratorChanged",
  "OwnershipTransferStarted",
  "OwnershipTransferred",
]);

function at(log: ChainLog): Row {
  return { block_number: log.blockNumber.toString(), log_index: log.logIndex, tx_hash: log.transactionHash };
}

/** Rows for the tables that only grow: one per event, written in one statement per table. */
export class AppendOnlyRows {
  private readonly rows: Record<Table, Row[]> = {
    keys: [],
    payments: [],
    evidence: [],
    meta_evidence: [],
    contract_events: [],
    skipped_logs: [],
  };

  /** Adds the event's row; returns false if no append-only table takes this event. */
  add(e: DecodedEvent): boolean {
    const { log } = e;
    if (e.source === "keys") {
      const a = e.event.args;
      this.rows.keys.push({ ...at(log), account: a.account.toLowerCase(), key: a.key.toLowerCase() });
      return true;
    }
    if (SETTINGS_EVENTS.has(e.event.eventName)) {
      this.addContractEvent(e);
      return true;
    }
    if (e.source !== "escrow") return false;
    const ev = e.event;
    switch (ev.eventName) {
      case "PaymentDeferred":
      case "Withdrawn":
        this.rows.payments.push({
          ...at(log),
          event: ev.eventName,
          account: ev.args.account.toLowerCase(),
          currency: ev.args.currency.toLowerCase(),
          amount: ev.args.amount.toString(),
        });
        return true;
      case "Evidence":
        this.rows.evidence.push({
          ...at(log),
          arbitrable: log.address,
          arbitrator: ev.args.arbitrator.toLowerCase(),
          evidence_group_id: ev.args.evidenceGroupID.toString(),
          party: ev.args.party.toLowerCase(),
          evidence: clean(ev.args.evidence),
        });
        return true;
      case "MetaEvidence":
        this.rows.meta_evidence.push({
          ...at(log),
          arbitrable: log.address,
          meta_evidence_id: ev.args.metaEvidenceID.toString(),
          evidence: clean(ev.args.evidence),
        });
        return true;
      default:
        return false;
    }
  }

  /** Keeps an event in contract_events with its arguments: settings, and events no table models yet. */
  addContractEvent(e: DecodedEvent): void {
    this.rows.contract_events.push({
      ...at(e.log),
      contract: e.log.address,
      event: e.event.eventName,
      args: jsonArgs(e.event.args) as object,
    });
  }

  skip(log: ChainLog, reason: string): void {
    this.rows.skipped_logs.push({
      ...at(log),
      address: log.address,
      topic0: log.topics[0] ?? null,
      reason: clean(reason),
      topics: log.topics.join(" "),
      data: log.data,
    });
  }

  skipAll(skipped: readonly SkippedLog[]): void {
    for (const s of skipped) this.skip(s.log, s.reason);
  }

  get skippedCount(): number {
    return this.rows.skipped_logs.length;
  }

  async write(tx: Queryable): Promise<void> {
    for (const table of Object.keys(COLUMNS) as Table[]) {
      await insertRows(tx, table, this.rows[table], { columns: COLUMNS[table] });
    }
  }
}
