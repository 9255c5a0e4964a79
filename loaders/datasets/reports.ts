/**
 * The `reports` dataset: one table per analyst's SQL file (`reports/<name>.sql`, see engine/reports.ts), read
 * from the warehouse table it was built into. Its columns are not written down by hand: they are the query's
 * own, typed by DuckDB, and a type a page cannot read is an error naming the file and column.
 */
import { ident } from "../engine/db.ts";
import { REPORTS_DIR, ReportError, reportNames, reportTable } from "../engine/reports.ts";
import { type ColumnDef, type ColumnType, defineDataset, type TableDef } from "./define.ts";

/** DuckDB's type of a column → the published type, or null when a page cannot read it. */
export function publishedType(duckdbType: string): ColumnType | null {
  const t = duckdbType.toUpperCase();
  if (t === "VARCHAR" || t.startsWith("ENUM")) return "string";
  if (t === "BOOLEAN") return "boolean";
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t)) return "int";
  if (/^(FLOAT|DOUBLE|REAL)$/.test(t) || t.startsWith("DECIMAL")) return "number";
  if (t === "DATE") return "date";
  if (t === "VARCHAR[]") return "string[]";
  return null;
}

/**
 * The documented columns of a report's table, from DuckDB's types of its result (the query that reads it: no
 * second query to describe the table, which cost as much as reading a small report).
 */
export function reportColumns(name: string, types: { name: string; type: string }[]): Record<string, ColumnDef> {
  const columns: Record<string, ColumnDef> = {};
  for (const c of types) {
    const type = publishedType(c.type);
    if (!type) {
      const cast = /^TIMESTAMP/.test(c.type) ? `${c.name}::date` : `${c.name}::varchar`;
      throw new ReportError(`${REPORTS_DIR}/${name}.sql: column "${c.name}" is ${c.type}, which a page cannot read; ` +
        `publish text, numbers, booleans, dates or lists of text (for example select ${cast} as ${c.name})`);
    }
    columns[c.name] = { type, nullable: true, doc: `${c.type} from ${REPORTS_DIR}/${name}.sql` };
  }
  return columns;
}

/** A report's table in the dataset: its rows as the query ordered them. */
function reportTableDef(name: string): TableDef {
  return {
    doc: `${REPORTS_DIR}/${name}.sql`,
    sql: `select * from ${ident(reportTable(name))}`,
    columns: {},
    columnsFrom: (types) => reportColumns(name, types),
  };
}

/** The dataset, for the reports found now. */
export function reportsDataset() {
  return defineDataset({
    name: "reports",
    title: "Your reports",
    doc: `One table per SQL file in ${REPORTS_DIR}/ (the analyst's own analyses), named by the file; columns as the query returns them.`,
    tables: Object.fromEntries(reportNames().map((n) => [n, reportTableDef(n)])),
  });
}

