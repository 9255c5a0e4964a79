/**
 * An analyst's own analysis: one SQL file `reports/<name>.sql` at the project root. It reads the staged
 * tables (stg_*, int_*, marts) by name and the settings with `getvariable(...)`, is built into the warehouse
 * as the table `report_<name>` like any model (fingerprinted: rebuilt only when it or what it reads changes),
 * and is published as the table `<name>` of the `reports` dataset, its column types taken from DuckDB.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./fingerprint.ts";
import type { Model } from "./models.ts";

/** The folder of analysts' SQL files, relative to the project root. */
export const REPORTS_DIR = "reports";

/** A report name: lower-case letters, digits and underscores, starting with a letter (it names a table and a page). */
export const REPORT_NAME = /^[a-z][a-z0-9_]{0,59}$/;

/** The warehouse table a report is built into. */
export const reportTable = (name: string) => `report_${name}`;

/** A report file whose name cannot be used, with what to do. */
export class ReportError extends Error {}

/** The report names, from the files in reports/ (sorted). */
export function reportNames(root = ROOT): string[] {
  const dir = join(root, REPORTS_DIR);
  if (!existsSync(dir)) return [];
  const names: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".sql")) continue;
    const name = f.slice(0, -4);
    if (!REPORT_NAME.test(name)) {
      throw new ReportError(`${REPORTS_DIR}/${f}: a report's file name must be lower-case letters, digits and underscores, ` +
        `starting with a letter (it names a table and a page), e.g. ${REPORTS_DIR}/${suggestName(name)}.sql`);
    }
    names.push(name);
  }
  return names;
}

/** A usable name close to `raw`. */
export function suggestName(raw: string): string {
  const s = raw.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60);
  return /^[a-z]/.test(s) ? s : `report_${s}`;
}

/** The reports as models of the "reports" layer (after the marts: they may read any of them). */
export function listReportModels(): Model[] {
  return reportNames().map((name) => {
    const path = `${REPORTS_DIR}/${name}.sql`;
    const sql = readFileSync(join(ROOT, path), "utf8").replace(/;\s*$/, "");
    return { name: reportTable(name), layer: "reports" as const, path, sql, deps: [], materialized: "table" as const };
  });
}

/**
 * A DuckDB error on building a model, as `file:line: message`. DuckDB counts lines of the statement it ran,
 * `create table … as` followed by the model's SQL, so the model's line is one less. A table that does not
 * exist gets the list of those that do.
 */
export function modelError(path: string, err: unknown, tables: string[], sql = ""): string {
  const message = String((err as Error)?.message ?? err);
  const first = message.split("\n")[0];
  const m = /LINE (\d+):/.exec(message);
  // "at end of input" comes with no LINE: the file ended too soon, so point at its last line.
  const line = m ? Math.max(1, Number(m[1]) - 1) : /at end of input/.test(first) && sql ? sql.trimEnd().split("\n").length : null;
  const where = line ? `${path}:${line}` : path;
  let extra = "";
  const hint = /Did you mean "([^"]+)"/.exec(message);
  if (/Table with name \S+ does not exist/.test(first)) {
    extra = `${hint ? ` Did you mean ${hint[1]}?` : ""}\n  tables you can read: ${tables.filter((t) => /^(stg|int)_/.test(t) || !t.startsWith("_") && !t.startsWith("raw_") && !t.startsWith("report_")).sort().join(", ")}`;
  } else if (hint) {
    extra = ` Did you mean ${hint[1]}?`;
  }
  return `${where}: ${first}${extra}`;
}
