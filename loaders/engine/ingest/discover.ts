/** Finds the input file of each table in the data folder. */
import { accessSync, constants, existsSync, lstatSync, readdirSync, readlinkSync, statSync } from "node:fs";
import { join } from "node:path";
import { CONTRACT, REVENUE_TABLES, TABLE_NAMES, type TableName } from "../contract.ts";
import type { Notice } from "./notices.ts";
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
  /** Entries skipped (symlinks that lead nowhere, unreadable files). */
  notices: Notice[];
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
  const notices: Notice[] = [];
  const folderProblem = (got: string) =>
    problems.push({ table: null, file: dataDir, line: null, column: null, expected: "a folder of input files", got });
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    folderProblem("no such folder");
    return { files, ignored, problems, notices };
  }
  let names: string[];
  try {
    names = readdirSync(dataDir).sort();
  } catch (err) {
    folderProblem(`a folder that cannot be listed (${(err as NodeJS.ErrnoException).code}); check its permissions`);
    return { files, ignored, problems, notices };
  }
  const found = new Map<TableName, InputFile[]>();
  for (const name of names) {
    const path = join(dataDir, name);
    const c = classify(name);
    const entry = readable(path);
    if (entry !== "file") {
      // A symlink or file we cannot read: skipped, and said, since it may be one the user meant as input.
      if (entry) notices.push({ table: null, file: path, column: null, message: `skipped: ${entry}` });
      continue;
    }
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
  return { files, ignored, problems, notices };
}

/** "file" for a readable regular file (also through a symlink); why not, for an entry that should be said; null to pass over (folders). */
function readable(path: string): string | null {
  let link = "";
  try {
    // Only the target's name: a full path would publish the user's folders on the Data quality page.
    if (lstatSync(path).isSymbolicLink()) link = readlinkSync(path).split("/").pop() || "/";
    const st = statSync(path);
    if (st.isDirectory()) return null;
    if (!st.isFile()) return "not a regular file";
    accessSync(path, constants.R_OK);
    return "file";
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return `a symlink loop (${link} leads back to itself)`;
    if (code === "ENOENT") return link ? `a symlink to ${link}, which does not exist` : "it went away while the folder was read";
    if (code === "EACCES" || code === "EPERM") return "a file this user may not read";
    return `cannot be read (${code ?? String(err)})`;
  }
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
