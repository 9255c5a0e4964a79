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
import { absentColumnNotice, type Notice } from "./notices.ts";
import { scanText, writeRepaired } from "./text-file.ts";
import { rmSync } from "node:fs";
import { join } from "node:path";

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
  /** Things to know that reject nothing (file read as Windows-1252, optional columns absent). */
  notices: Notice[];
}

const MAX_LINE_BYTES = 64 * 1024 * 1024;
/**
 * The reader's buffer, set rather than left to DuckDB: its default grows with max_line_size (1 GiB per buffer for a
 * compressed file), which alone fails a tiny .csv.gz under the default 2GB memory limit. Two lines' worth is enough.
 */
const BUFFER_BYTES = 2 * MAX_LINE_BYTES;

/** The CSV reader's options: every value as text, malformed lines set aside rather than failing the file. */
function csvOptions(table: TableName): string {
  return `all_varchar = true, header = true, store_rejects = true, ` +
    `rejects_table = '_csv_rejects_${table}', rejects_scan = '_csv_scan_${table}', max_line_size = ${MAX_LINE_BYTES}, buffer_size = ${BUFFER_BYTES}`;
}

function source(file: InputFile, table: TableName, readPath = file.path): string {
  const path = literal(readPath);
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
      `ignore_errors = true, max_line_size = ${MAX_LINE_BYTES}, buffer_size = ${BUFFER_BYTES})`);
    return r?.quote !== "(empty)";
  } catch {
    return true;
  }
}

async function dropRejects(db: Db, table: TableName): Promise<void> {
  await db.run(`drop table if exists ${ident(`_csv_rejects_${table}`)}; drop table if exists ${ident(`_csv_scan_${table}`)}`);
}

/** Loads `file` into raw_<table>. On a fatal problem the raw table is left empty. `workDir`: where a repaired copy may be written. */
export async function loadRaw(db: Db, file: InputFile, mapping: Record<string, string> = {}, workDir?: string): Promise<RawLoad> {
  const table = file.table;
  const fileProblem = (expected: string, got: string | null, column: string | null = null, line: number | null = null): Problem =>
    ({ table, file: file.path, line, column, expected, got });
  const result: RawLoad = { records: 0, malformedLines: [], fatal: [], rows: [], notices: [] };
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
  let readPath = file.path;
  if (file.format === "csv") {
    const prepared = await prepareCsv(file, workDir ?? join(file.path, ".."));
    if (prepared.fatal) {
      result.fatal.push(prepared.fatal);
      return result;
    }
    result.notices.push(...prepared.notices);
    readPath = prepared.path;
  }
  try {
    await loadReadable(db, file, readPath, mapping, result, fileProblem);
  } finally {
    if (readPath !== file.path) rmSync(readPath, { force: true });
  }
  return result;
}

/** A CSV file as DuckDB can read it: the file itself, or a repaired copy; or the reason it cannot be read. */
async function prepareCsv(file: InputFile, workDir: string): Promise<{ path: string; notices: Notice[]; fatal: Problem | null }> {
  const scan = await scanText(file.path);
  const problem = (expected: string, got: string, line: number | null = null): Problem =>
    ({ table: file.table, file: file.path, line, column: null, expected, got });
  if (scan.gzipError && /header check/i.test(scan.gzipError)) {
    return { path: file.path, notices: [], fatal: problem("a gzip-compressed CSV file", "a file that is not gzip-compressed (if it is plain text, name it .csv)") };
  }
  if (scan.gzipError) {
    return { path: file.path, notices: [], fatal: problem("a complete gzip file", `a file that ends early or is damaged (${scan.gzipError}); copy or compress it again`) };
  }
  const notices: Notice[] = [];
  const cp1252 = scan.firstInvalidLine !== null;
  if (cp1252) {
    // Invalid UTF-8 with a plausible single-byte reading is a Windows export: read it as such, and say so.
    if (scan.notSingleByte || scan.utf8Line !== null) {
      const why = scan.utf8Line !== null ? `line ${scan.utf8Line} is UTF-8 but this one is not (two encodings in one file)` : "bytes that are neither UTF-8 nor Windows-1252 text";
      // The whole file is unusable, so the problem is the file's (no line of its own); the line is in the text.
      return { path: file.path, notices: [], fatal: problem("UTF-8 text (save the file as CSV UTF-8)", `at line ${scan.firstInvalidLine}, ${why}`) };
    }
    notices.push({ table: file.table, file: file.path, column: null,
      message: `not UTF-8 (first at line ${scan.firstInvalidLine}): read as Windows-1252 (Latin-1); save it as CSV UTF-8 to be sure accented letters are right` });
  }
  const mixed = scan.crlf > 0 && scan.lf > 0;
  if (mixed) {
    notices.push({ table: file.table, file: file.path, column: null,
      message: `mixed line endings (${scan.crlf} lines end CRLF, ${scan.lf} LF): read as if all were LF` });
  }
  if (!cp1252 && !mixed) return { path: file.path, notices, fatal: null };
  const copy = join(workDir, `_repaired_${file.table}_${process.pid}.csv`);
  await writeRepaired(file.path, copy, cp1252);
  return { path: copy, notices, fatal: null };
}

async function loadReadable(db: Db, file: InputFile, readPath: string, mapping: Record<string, string>, result: RawLoad,
  fileProblem: (expected: string, got: string | null, column?: string | null, line?: number | null) => Problem): Promise<void> {
  const table = file.table;
  const src = source(file, table, readPath);
  let described: Described[];
  try {
    described = await db.rows(`describe select * from ${src}`) as never;
  } catch (err) {
    result.fatal.push(fileProblem(...readerError(file, err, readPath)));
    return;
  } finally {
    await dropRejects(db, table);
  }
  const { selects, problems, absent } = pickColumns(table, described, mapping);
  for (const p of problems) result.fatal.push(fileProblem(p.expected, p.got, p.column, 1));
  if (result.fatal.length) {
    // The file is readable but unusable: still say how many rows it holds, all of them rejected.
    result.records = await countRows(db, src, file, table);
    return;
  }
  for (const c of absent) result.notices.push(absentColumnNotice(table, file.path, c));
  try {
    await createRaw(db, file, src, selects);
  } catch (err) {
    await createEmptyRaw(db, table);
    await dropRejects(db, table);
    result.fatal.push(fileProblem(...readerError(file, err, readPath)));
    return;
  }
  result.records = Number((await db.one<{ n: number }>(`select count(*) as n from ${ident(`raw_${table}`)}`))!.n);
  if (file.format === "csv") {
    const rejects = await db.rows<{ line: number; column_name: string | null; error_type: string; error_message: string; csv_line: string }>(
      `select line, column_name, error_type, error_message, csv_line from ${ident(`_csv_rejects_${table}`)} order by line`);
    const quotes = rejects.length ? await csvQuotes(db, file.path) : true;
    for (const r of rejects) {
      // The reader may report one line several times (one per bad field): it is one rejected row.
      if (result.malformedLines.at(-1) === r.line) continue;
      result.malformedLines.push(r.line);
      result.rows.push(fileProblem(csvExpectation(r.error_type, r.error_message, quotes || !r.csv_line.includes('"')), quote(r.csv_line), r.column_name, r.line));
    }
    await dropRejects(db, table);
  }
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
