/** One record of a CSV file: where it starts, its raw text, and its fields or why they could not be read. */
export interface CsvRecord {
  /** 1-based line the record starts on (a quoted field may span lines). */
  line: number;
  text: string;
  fields?: string[];
  error?: string;
}

/**
 * Splits CSV text (RFC 4180: commas, double quotes, "" inside quotes, CRLF or LF, newlines inside quoted
 * fields) into records, chunk by chunk, so a file of any size streams through in constant memory.
 */
export class CsvSplitter {
  #buffer = "";
  #scanned = 0;
  #inQuotes = false;
  #line: number;

  /** `firstLine`: the line number of the first record fed (1). */
  constructor(firstLine = 1) {
    this.#line = firstLine;
  }

  /** Feeds a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    this.#buffer += chunk;
    const records: CsvRecord[] = [];
    let start = 0;
    const buffer = this.#buffer;
    for (let i = this.#scanned; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      // A doubled quote toggles twice, so the state is right without looking ahead.
      if (c === 34) this.#inQuotes = !this.#inQuotes;
      else if (c === 10 && !this.#inQuotes) {
        this.#emit(buffer.slice(start, i), records);
        start = i + 1;
      }
    }
    this.#buffer = buffer.slice(start);
    this.#scanned = this.#buffer.length;
    return records;
  }

  /** Ends the input; returns the last record, if the text did not end with a newline. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.#buffer.length > 0) this.#emit(this.#buffer, records);
    this.#buffer = "";
    this.#scanned = 0;
    return records;
  }

  #emit(raw: string, records: CsvRecord[]) {
    const line = this.#line;
    let newlines = 1;
    for (let i = raw.indexOf("\n"); i !== -1; i = raw.indexOf("\n", i + 1)) newlines++;
    this.#line += newlines;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() === "") return;
    const parsed = parseCsvRecord(text);
    records.push(typeof parsed === "string" ? { line, text, error: parsed } : { line, text, fields: parsed });
  }
}

/** The fields of one CSV record, or why it is malformed. */
export function parseCsvRecord(text: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return `a quoted field opened at character ${i + 1} is never closed`;
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text.charCodeAt(i) !== 44) return `unexpected text after the closing quote at character ${i + 1}`;
      i++;
    } else {
      const comma = text.indexOf(",", i);
      if (comma === -1) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}
