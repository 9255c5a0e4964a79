/**
 * Exposes one input file as the view `raw_<table>`: `_rec` (the record's
 * place in the file, from 0) and every contract column as text, renamed
 * through the config's column mapping. Nothing is interpreted here;
 * validation comes next.
 *
 * A Parquet file is read in place (its row number is `_rec`): copying a
 * 100M-row file into the warehouse as text would cost more than everything
 * else together. CSV and JSON are parsed once into `_raw_data_<table>`, in
 * file order, so its rowid is `_rec`.
 */
import { CONTRACT, type TableName } from "../contract.ts";
import { type Db, ident, literal } from "../db.ts";
import type { InputFile } from "./discover.ts";
import { type Described, pickColumns } from "./columns.ts";
import { head, notText, onlyBlank, readerError } from "./file-kind.ts";
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

/** The CSV reader's options: every value as text, malformed lines set aside rather than failing the file. */
function csvOptions(table: TableName): string {
  return `all_varchar = true, header = true, store_rejects = true, ` +
    `rejects_table = '_csv_rejects_${table}', rejects_scan = '_csv_scan_${table}', max_line_size = ${MAX_LINE_BYTES}`;
}

function source(file: InputFile, table: TableName): string {
  const path = literal(file.path);
  switch (file.format) {
    case "csv":
      return `read_csv(${path}, ${csvOptions(table)})`;
    case "parquet":
      return `read_parquet(${path})`;
    case "json":
      return `read_json(${path}, format = 'auto', records = true)`;
  }
}

/** Drops `name` whatever it is now (a table or a view), so it can be recreated as either. */
export async function dropRelation(db: Db, name: string): Promise<void> {
  const r = await db.one<{ kind: string }>(`select table_type as kind from information_schema.tables where table_schema = 'main' and table_name = ${literal(name)}`);
  if (r) await db.run(`drop ${r.kind === "VIEW" ? "view" : "table"} ${ident(name)}`);
}

/** Creates raw_<table> with the contract's columns, all null: the stand-in for an absent optional table. */
export async function createEmptyRaw(db: Db, table: TableName): Promise<void> {
  const cols = CONTRACT[table].columns.map((c) => `null::varchar as ${ident(c.name)}`).join(", ");
  await dropRelation(db, `raw_${table}`);
  await dropRelation(db, `_raw_data_${table}`);
  await db.run(`create view ${ident(`raw_${table}`)} as select null::bigint as _rec, ${cols} where false`);
}

/** Creates the raw_<table> view over a readable file. */
async function createRaw(db: Db, file: InputFile, src: string, selects: string[]): Promise<void> {
  const raw = ident(`raw_${file.table}`);
  const data = ident(`_raw_data_${file.table}`);
  await dropRelation(db, `raw_${file.table}`);
  if (file.format === "parquet") {
    await db.run(`create view ${raw} as select file_row_number as _rec, ${selects.join(", ")} from read_parquet(${literal(file.path)}, file_row_number = true)`);
    return;
  }
  await dropRelation(db, `_raw_data_${file.table}`);
  await db.run(`create table ${data} as select ${selects.join(", ")} from ${src}`);
  await db.run(`create view ${raw} as select rowid as _rec, * from ${data}`);
}

/**
 * Whether the CSV reader treats double quotes as quotes in this file. It does
 * not when they are unbalanced: a stray `"` is then read as a plain character.
 */
export async function csvQuotes(db: Db, path: string): Promise<boolean> {
  try {
    // The same sniffing as the reader's (ignore_errors is what store_rejects implies), without writing a rejects table.
    const r = await db.one<{ quote: string }>(`select Quote as quote from sniff_csv(${literal(path)}, all_varchar = true, header = true, ` +
      `ignore_errors = true, max_line_size = ${MAX_LINE_BYTES})`);
    return r?.quote !== "(empty)";
  } catch {
    return true;
  }
}

async function dropRejects(db: Db, table: TableName): Promise<void> {
  await db.run(`drop table if exists ${ident(`_csv_rejects_${table}`)}; drop table if exists ${ident(`_csv_scan_${table}`)}`);
}

/** Loads `file` into raw_<table>. On a fatal problem the raw table is left empty. */
export async function loadRaw(db: Db, file: InputFile, mapping: Record<string, string> = {}): Promise<RawLoad> {
  const table = file.table;
  const fileProblem = (expected: string, got: string | null, column: string | null = null, line: number | null = null): Problem =>
    ({ table, file: file.path, line, column, expected, got });
  const result: RawLoad = { records: 0, malformedLines: [], fatal: [], rows: [] };
  await createEmptyRaw(db, table);
  if (file.bytes === 0 || onlyBlank(file)) {
    result.fatal.push(fileProblem("a header line naming the columns", file.bytes === 0 ? "an empty file" : "only blank lines"));
    return result;
  }
  const binary = file.format === "csv" && !file.path.endsWith(".gz") ? notText(head(file.path)) : null;
  if (binary) {
    result.fatal.push(fileProblem("a CSV text file (UTF-8)", binary));
    return result;
  }
  const src = source(file, table);
  let described: Described[];
  try {
    described = await db.rows(`describe select * from ${src}`) as never;
  } catch (err) {
    result.fatal.push(fileProblem(...readerError(file, err)));
    return result;
  } finally {
    await dropRejects(db, table);
  }
  const { selects, problems } = pickColumns(table, described, mapping);
  for (const p of problems) result.fatal.push(fileProblem(p.expected, p.got, p.column, 1));
  if (result.fatal.length) {
    // The file is readable but unusable: still say how many rows it holds, all of them rejected.
    result.records = await countRows(db, src, file, table);
    return result;
  }
  try {
    await createRaw(db, file, src, selects);
  } catch (err) {
    await createEmptyRaw(db, table);
    await dropRejects(db, table);
    result.fatal.push(fileProblem(...readerError(file, err)));
    return result;
  }
  result.records = Number((await db.one<{ n: number }>(`select count(*) as n from ${ident(`raw_${table}`)}`))!.n);
  if (file.format === "csv") {
    const rejects = await db.rows<{ line: number; column_name: string | null; error_type: string; error_message: string; csv_line: string }>(
      `select line, column_name, error_type, error_message, csv_line from ${ident(`_csv_rejects_${table}`)} order by line`);
    const quotes = rejects.length ? await csvQuotes(db, file.path) : true;
    for (const r of rejects) {
      result.malformedLines.push(r.line);
      result.rows.push(fileProblem(csvExpectation(r.error_type, r.error_message, quotes || !r.csv_line.includes('"')), quote(r.csv_line), r.column_name, r.line));
    }
    await dropRejects(db, table);
  }
  return result;
}

/** Rows of a readable file, malformed CSV lines included (0 if it cannot be counted). */
async function countRows(db: Db, src: string, file: InputFile, table: TableName): Promise<number> {
  try {
    const n = Number((await db.one<{ n: number }>(`select count(*) as n from ${src}`))!.n);
    const bad = file.format === "csv" ? Number((await db.one<{ n: number }>(`select count(*) as n from ${ident(`_csv_rejects_${table}`)}`))!.n) : 0;
    return n + bad;
  } catch {
    return 0;
  } finally {
    await dropRejects(db, table);
  }
}

function csvExpectation(type: string, message: string, quotes: boolean): string {
  const m = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  const hint = quotes
    ? "a field with a comma or line break must be in double quotes"
    : "the file's double quotes do not pair up, so none are read as quotes: look for a stray \"";
  if (m) return `${m[1]} fields as in the header (found ${m[2]}; ${hint})`;
  if (type.includes("ENCODING") || /unicode/i.test(message)) return "UTF-8 text (save the file as CSV UTF-8)";
  if (type.includes("LINE SIZE")) return `a line shorter than ${MAX_LINE_BYTES / 1024 / 1024} MB`;
  if (type.includes("UNQUOTED")) return "a closing double quote";
  return `a well-formed CSV line (${message.split("\n")[0]})`;
}
