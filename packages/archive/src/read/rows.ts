import { createReadStream, statSync } from "node:fs";
import { ImportError } from "../errors.ts";
import { type CsvRecord, CsvSplitter, parseCsvRecord } from "./csv.ts";

export type Format = "csv" | "jsonl";

/** One row of an export, by column (CSV header names or JSON keys, lower case), or why it is unreadable. */
export interface RawRow {
  line: number;
  /** The row as it appears in the file, for the rejects file. */
  text: string;
  values?: Record<string, unknown>;
  error?: string;
}

/** The format a file's name says: .csv, or .jsonl / .ndjson; undefined otherwise. */
export function formatOf(file: string): Format | undefined {
  if (/\.csv$/i.test(file)) return "csv";
  if (/\.(jsonl|ndjson)$/i.test(file)) return "jsonl";
  return undefined;
}

/** Column and key names are compared trimmed, lower case, with spaces and dashes as underscores. */
export function normalizeName(name: string): string {
  return name
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export interface RowReader {
  rows: AsyncGenerator<RawRow>;
  /** The columns of a CSV file (normalized), once its header is read. */
  columns(): string[] | undefined;
  /** How far through the file reading is, 0 to 1. */
  progress(): number;
}

/** Streams a CSV or JSON Lines export row by row; CSV rows are keyed by the header's columns. */
export function readRows(file: string, format: Format): RowReader {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (cause) {
    throw new ImportError(`The export ${file} cannot be read.`, { cause });
  }
  let bytesRead = 0;
  let header: string[] | undefined;

  async function* rows(): AsyncGenerator<RawRow> {
    const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
    stream.on("data", (chunk) => {
      bytesRead += Buffer.byteLength(chunk as string);
    });
    if (format === "csv") {
      const splitter = new CsvSplitter();
      // A stray quote makes the splitter read on across lines; a record that spans lines and does not
      // parse (or has the wrong number of fields) is taken apart: its first line is the bad row, and the
      // lines after it are read again as rows of their own.
      const toRows = function* (record: CsvRecord): Generator<RawRow> {
        if (!header) {
          if (!record.fields)
            throw new ImportError(`Line ${record.line}: the header cannot be read: ${record.error}.`);
          header = record.fields.map(normalizeName);
          return;
        }
        const wrongCount = record.fields !== undefined && record.fields.length !== header.length;
        const newline = record.text.indexOf("\n");
        if ((record.error || wrongCount) && newline !== -1) {
          const first = record.text.slice(0, newline).replace(/\r$/, "");
          const parsed = parseCsvRecord(first);
          yield* toRows(
            typeof parsed === "string"
              ? { line: record.line, text: first, error: parsed }
              : { line: record.line, text: first, fields: parsed },
          );
          const rest = new CsvSplitter(record.line + 1);
          for (const again of [...rest.push(record.text.slice(newline + 1)), ...rest.end()])
            yield* toRows(again);
          return;
        }
        if (!record.fields) {
          yield { line: record.line, text: record.text, error: `malformed CSV: ${record.error}` };
          return;
        }
        if (wrongCount) {
          yield {
            line: record.line,
            text: record.text,
            error: `expected ${header.length} fields as in the header, found ${record.fields.length}`,
          };
          return;
        }
        const values: Record<string, unknown> = {};
        header.forEach((name, i) => {
          values[name] = record.fields?.[i];
        });
        yield { line: record.line, text: record.text, values };
      };
      for await (const chunk of stream) {
        for (const record of splitter.push(chunk as string)) yield* toRows(record);
      }
      for (const record of splitter.end()) yield* toRows(record);
      if (!header) throw new ImportError(`${file} is empty: a CSV export needs a header line.`);
      return;
    }
    let carry = "";
    let line = 0;
    const parse = function* (text: string): Generator<RawRow> {
      line++;
      const trimmed = text.replace(/\r$/, "");
      if (trimmed.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (error) {
        yield { line, text: trimmed, error: `not valid JSON: ${(error as Error).message}` };
        return;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        yield { line, text: trimmed, error: "each line must be a JSON object" };
        return;
      }
      const values: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) values[normalizeName(key)] = item;
      yield { line, text: trimmed, values };
    };
    for await (const chunk of stream) {
      const parts = (carry + (chunk as string)).split("\n");
      carry = parts.pop() ?? "";
      for (const part of parts) yield* parse(part);
    }
    if (carry !== "") yield* parse(carry);
  }

  return {
    rows: rows(),
    columns: () => header,
    progress: () => (size === 0 ? 1 : Math.min(1, bytesRead / size)),
  };
}
