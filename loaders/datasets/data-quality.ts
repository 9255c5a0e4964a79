/** The Data quality page: what was read, what was rejected and why, date ranges. */
import { TABLE_NAMES } from "../engine/contract.ts";
import type { Db, Row } from "../engine/db.ts";
import { ident } from "../engine/db.ts";
import { listProblems } from "../engine/ingest/list-problems.ts";
import { defineDataset } from "./define.ts";

/** How many rejected rows per table the page lists (all are counted). */
export const REJECTED_ROWS_SHOWN = 200;

async function rejectedRows(db: Db): Promise<Row[]> {
  const rows: Row[] = [];
  for (const t of await listProblems(db, REJECTED_ROWS_SHOWN)) {
    for (const p of t.problems) {
      rows.push({ table_name: t.table, file: p.file.split("/").pop() ?? p.file, line: p.line, column_name: p.column, expected: p.expected, got: p.got });
    }
  }
  return rows;
}

/** Rejected rows per table and reason, with values taken out so alike reasons group together. */
function reasonsSql(): string {
  return TABLE_NAMES.map((t) => `select '${t}' as table_name, column_name,
      regexp_replace(expected, '"[^"]*"', '"…"', 'g') as reason, count(distinct rec) as rows
    from ${ident(`_rej_${t}`)} group by all`).join("\nunion all\n") + "\norder by table_name, rows desc, column_name, reason";
}

export const dataQuality = defineDataset({
  name: "data-quality",
  title: "Data quality",
  doc: "Rows read, used and rejected per input table, the reasons for rejection, and date ranges.",
  tables: {
    tables: {
      doc: "One row per table of the contract. rows_read = rows_used + rows_rejected.",
      sql: "select * exclude (date_column), date_column from _3r_files order by table_name",
      columns: {
        table_name: { type: "string", doc: "table of the contract" },
        file: { type: "string", nullable: true, doc: "input file name; null when the (optional) table is absent" },
        format: { type: "string", nullable: true, doc: "csv, parquet or json" },
        bytes: { type: "int", nullable: true, doc: "file size" },
        sha256: { type: "string", nullable: true, doc: "SHA-256 of the file's bytes" },
        rows_read: { type: "int", doc: "data rows in the file (the header is not a row)" },
        rows_rejected: { type: "int", doc: "rows left out, each with its reasons below" },
        rows_used: { type: "int", doc: "rows staged and used by the reports" },
        date_min: { type: "date", nullable: true, doc: "earliest date in the table's main date column" },
        date_max: { type: "date", nullable: true, doc: "latest date in the table's main date column" },
        date_column: { type: "string", nullable: true, doc: "the main date column" },
      },
    },
    reasons: {
      doc: "Rejected rows counted per table, column and reason.",
      sql: reasonsSql(),
      columns: {
        table_name: { type: "string", doc: "table" },
        column_name: { type: "string", doc: "column at fault" },
        reason: { type: "string", doc: "what was expected (values elided)" },
        rows: { type: "int", doc: "rows rejected for this reason" },
      },
    },
    rejected: {
      doc: `Rejected rows with their line, column and reason: the first ${REJECTED_ROWS_SHOWN} per table, in file order.`,
      load: rejectedRows,
      columns: {
        table_name: { type: "string", doc: "table" },
        file: { type: "string", doc: "input file name" },
        line: { type: "int", nullable: true, doc: "line in the file (header = line 1); null for a problem with the whole file" },
        column_name: { type: "string", nullable: true, doc: "column at fault" },
        expected: { type: "string", doc: "what the contract expects" },
        got: { type: "string", nullable: true, doc: "what the file has" },
      },
    },
    warnings: {
      doc: "Things to know that reject no row: a file read as Windows-1252, an optional column absent, a skipped symlink, an as-of date far from the data, renewals overdue for over a year.",
      // Only a file's name is published, never the folder it is in.
      sql: `select table_name, case when file like '/%' then regexp_extract(file, '[^/]*$') else file end as about, column_name, message
        from _3r_notices order by rowid`,
      columns: {
        table_name: { type: "string", nullable: true, doc: "table it concerns; null for the folder or a setting" },
        about: { type: "string", doc: "file name, or the setting (as-of date)" },
        column_name: { type: "string", nullable: true, doc: "column it concerns, if one" },
        message: { type: "string", doc: "what was found and what it means for the pages" },
      },
    },
    meta: {
      doc: "Facts of the run.",
      sql: "select key, value from _3r_meta order by key",
      columns: {
        key: { type: "string", doc: "as_of, as_of_source or currency" },
        value: { type: "string", doc: "its value" },
      },
    },
  },
});
