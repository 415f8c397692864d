import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "results");

export interface Row {
  name: string;
  value: number | string;
  target?: string;
  ok?: boolean;
}

/** Prints rows as an aligned table; the verdict column shows only where a row has a target. */
export function printTable(title: string, columns: [string, string], rows: Row[]): void {
  const widths = [
    Math.max(columns[0].length, ...rows.map((r) => r.name.length)),
    Math.max(columns[1].length, ...rows.map((r) => fmt(r.value).length)),
    Math.max(6, ...rows.map((r) => (r.target ?? "").length)),
  ];
  const line = (cells: string[]) =>
    `| ${cells[0]?.padEnd(widths[0] ?? 0)} | ${cells[1]?.padStart(widths[1] ?? 0)} | ${cells[2]?.padEnd(widths[2] ?? 0)} | ${cells[3] ?? ""}`;
  console.log(`\n${title}\n`);
  console.log(line([columns[0], columns[1], "target", "ok"]));
  console.log(
    line(["-".repeat(widths[0] ?? 0), "-".repeat(widths[1] ?? 0), "-".repeat(widths[2] ?? 0), "--"]),
  );
  for (const r of rows)
    console.log(line([r.name, fmt(r.value), r.target ?? "", r.ok === undefined ? "" : r.ok ? "yes" : "NO"]));
}

function fmt(value: number | string): string {
  return typeof value === "number" ? value.toLocaleString("en-US") : value;
}

export function writeResult(file: string, data: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const target = path.join(resultsDir, file);
  writeFileSync(target, `${JSON.stringify(data, null, 2)}\n`);
  return target;
}
