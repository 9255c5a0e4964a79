/**
 * Reads one input file into a `raw_<table>` table: every contract column as
 * text, in file order (so rowid gives the line), renamed through the config's
 * column mapping. Nothing is interpreted here; validation comes next.
 */
import { CONTRACT, type TableName } from "../contract.ts";
import { type Db, ident, literal } from "../db.ts";
import type { InputFile } from "./discover.ts";
import { type Problem, quote } from "./problems.ts";

/** What loading a file found. */
export interface RawLoad {
  /** Records loaded into raw_<table>. */
  records: number;
  /** Lines the CSV reader could not split into the header's columns (already 1-based file lines). */
  malformedLines: number[];
  /** File-level problems: the table cannot be used at all. */
  fatal: Problem[];
  /** Row-level problems found by the reader (malformed lines). */
  rows: Problem[];
}

const MAX_LINE_BYTES = 64 * 1024 * 1024;

function source(file: InputFile, table: TableName): string {
  const path = literal(file.path);
  switch (file.format) {
    case "csv":
      return `read_csv(${path}, all_varchar = true, header = true, store_rejects = true, ` +
        `rejects_table = '_csv_rejects_${table}', rejects_scan = '_csv_scan_${table}', max_line_size = ${MAX_LINE_BYTES})`;
    case "parquet":
      return `read_parquet(${path})`;
    case "json":
      return `read_json(${path}, format = 'auto', records = true)`;
  }
}

/** Creates raw_<table> with the contract's columns, all null: the stand-in for an absent optional table. */
export async function createEmptyRaw(db: Db, table: TableName): Promise<void> {
  const cols = CONTRACT[table].columns.map((c) => `null::varchar as ${ident(c.name)}`).join(", ");
  await db.run(`create or replace table ${ident(`raw_${table}`)} as select ${cols} where false`);
}

/** Loads `file` into raw_<table>. On a fatal problem the raw table is left empty. */
export async function loadRaw(db: Db, file: InputFile, mapping: Record<string, string> = {}): Promise<RawLoad> {
  const table = file.table;
  const fileProblem = (expected: string, got: string | null, column: string | null = null, line: number | null = null): Problem =>
    ({ table, file: file.path, line, column, expected, got });
  const result: RawLoad = { records: 0, malformedLines: [], fatal: [], rows: [] };
  await createEmptyRaw(db, table);
  if (file.bytes === 0) {
    result.fatal.push(fileProblem("a header line naming the columns", "an empty file"));
    return result;
  }
  const src = source(file, table);
  let described: { column_name: string; column_type: string }[];
  try {
    described = await db.rows(`describe select * from ${src}`) as never;
  } catch (err) {
    result.fatal.push(fileProblem(`a readable ${file.format === "csv" ? "UTF-8 CSV" : file.format} file`, firstLine(err)));
    return result;
  }
  const byName = new Map(described.map((d) => [d.column_name.trim().toLowerCase(), d]));
  const selects: string[] = [];
  for (const col of CONTRACT[table].columns) {
    const wanted = mapping[col.name] ?? col.name;
    const found = byName.get(wanted.trim().toLowerCase());
    if (!found) {
      if (col.required !== false) {
        const via = wanted === col.name ? "" : ` (mapped from "${wanted}" in the config)`;
        result.fatal.push(fileProblem(`a column "${wanted}"${via}`, `columns ${described.map((d) => quote(d.column_name)).join(", ")}`, col.name, 1));
      }
      selects.push(`null::varchar as ${ident(col.name)}`);
      continue;
    }
    const ref = ident(found.column_name);
    // JSON values arrive as JSON: ->>'$' gives the bare text, without JSON quotes.
    const text = found.column_type === "JSON" ? `(${ref} ->> '$')` : `cast(${ref} as varchar)`;
    selects.push(`${text} as ${ident(col.name)}`);
  }
  if (result.fatal.length) return result;
  try {
    await db.run(`create or replace table ${ident(`raw_${table}`)} as select ${selects.join(", ")} from ${src}`);
  } catch (err) {
    await createEmptyRaw(db, table);
    result.fatal.push(fileProblem(`a readable ${file.format} file`, firstLine(err)));
    return result;
  }
  result.records = Number((await db.one<{ n: number }>(`select count(*) as n from ${ident(`raw_${table}`)}`))!.n);
  if (file.format === "csv") {
    const rejects = await db.rows<{ line: number; column_name: string | null; error_type: string; error_message: string; csv_line: string }>(
      `select line, column_name, error_type, error_message, csv_line from ${ident(`_csv_rejects_${table}`)} order by line`);
    for (const r of rejects) {
      result.malformedLines.push(r.line);
      result.rows.push(fileProblem(csvExpectation(r.error_type, r.error_message), quote(r.csv_line), r.column_name, r.line));
    }
    await db.run(`drop table if exists ${ident(`_csv_rejects_${table}`)}; drop table if exists ${ident(`_csv_scan_${table}`)}`);
  }
  return result;
}

function csvExpectation(type: string, message: string): string {
  const m = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (m) return `${m[1]} fields as in the header (found ${m[2]}; a field with a comma or line break must be in double quotes)`;
  if (type.includes("LINE SIZE")) return `a line shorter than ${MAX_LINE_BYTES / 1024 / 1024} MB`;
  if (type.includes("UNQUOTED")) return "a closing double quote";
  return `a well-formed CSV line (${message.split("\n")[0]})`;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0].trim();
}
