/** Finds the input file of each table in the data folder. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CONTRACT, REVENUE_TABLES, TABLE_NAMES, type TableName } from "../contract.ts";
import type { Problem } from "./problems.ts";

/** The formats we read, by file ending. */
export type Format = "csv" | "parquet" | "json";
const ENDINGS: ReadonlyArray<[string, Format]> = [
  [".csv", "csv"], [".csv.gz", "csv"], [".parquet", "parquet"],
  [".json", "json"], [".ndjson", "json"], [".jsonl", "json"],
];

/** An input file found for a table. */
export interface InputFile {
  table: TableName;
  path: string;
  format: Format;
  bytes: number;
}

/** What is in the data folder. */
export interface Discovery {
  files: Partial<Record<TableName, InputFile>>;
  /** Files that are not any table's (listed so a misnamed file is noticed). */
  ignored: string[];
  problems: Problem[];
}

/** Which table and format a file name stands for, if any. */
export function classify(name: string): { table: string; format: Format } | null {
  const lower = name.toLowerCase();
  for (const [ending, format] of [...ENDINGS].sort((a, b) => b[0].length - a[0].length)) {
    if (lower.endsWith(ending)) return { table: lower.slice(0, -ending.length), format };
  }
  return null;
}

/** Lists the folder and matches files to tables: one file per table, required tables present. */
export function discover(dataDir: string): Discovery {
  const problems: Problem[] = [];
  const files: Partial<Record<TableName, InputFile>> = {};
  const ignored: string[] = [];
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    problems.push({ table: null, file: dataDir, line: null, column: null, expected: "a folder of input files", got: "no such folder" });
    return { files, ignored, problems };
  }
  const found = new Map<TableName, InputFile[]>();
  for (const name of readdirSync(dataDir).sort()) {
    const path = join(dataDir, name);
    if (!statSync(path).isFile()) continue;
    const c = classify(name);
    if (!c || !(TABLE_NAMES as readonly string[]).includes(c.table)) {
      if (c) ignored.push(name);
      continue;
    }
    const table = c.table as TableName;
    found.set(table, [...(found.get(table) ?? []), { table, path, format: c.format, bytes: statSync(path).size }]);
  }
  for (const table of TABLE_NAMES) {
    const list = found.get(table) ?? [];
    if (list.length > 1) {
      problems.push({
        table, file: join(dataDir, table), line: null, column: null,
        expected: `exactly one file for table ${table}`,
        got: `${list.length} (${list.map((f) => f.path.split("/").pop()).join(", ")}); remove all but one`,
      });
    } else if (list.length === 1) {
      files[table] = list[0];
    } else if (CONTRACT[table].required) {
      problems.push({
        table, file: join(dataDir, `${table}.csv`), line: null, column: null,
        expected: `a file for the required table ${table} (${table}.csv, .csv.gz, .parquet, .json or .ndjson)`,
        got: "no such file",
      });
    }
  }
  problems.push(...revenueRecord(dataDir, found));
  return { files, ignored, problems };
}

/** The revenue record is `renewals` or `subscriptions`: one of the two, never both (they would count revenue twice). */
function revenueRecord(dataDir: string, found: Map<TableName, InputFile[]>): Problem[] {
  // A doubled file is its own problem (above); here it still counts as present.
  const present = REVENUE_TABLES.filter((t) => found.get(t)?.length);
  if (present.length === 1) return [];
  if (present.length === 0) {
    return [{
      table: "renewals", file: join(dataDir, "renewals.csv"), line: null, column: null,
      expected: "a file for the revenue record: renewals (renewal events) or subscriptions (a billing export), as .csv, .csv.gz, .parquet, .json or .ndjson",
      got: "neither file",
    }];
  }
  return [{
    // A problem of the folder, not of either file: each file on its own is fine.
    table: null, file: found.get("subscriptions")![0].path, line: null, column: null,
    expected: "one revenue record: renewals or subscriptions, not both (remove one)",
    got: `both ${REVENUE_TABLES.flatMap((t) => found.get(t)!.map((f) => f.path.split("/").pop())).join(" and ")}`,
  }];
}
