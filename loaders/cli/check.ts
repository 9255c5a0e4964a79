/**
 * `npm run check -- --data DIR`: validates a folder of inputs and prints every
 * problem as `file:line:column: expected …, got …`, then rows read and
 * rejected per table. Exits 1 when there is any problem, 0 when all is well.
 */
import { type Config, loadConfig } from "../engine/config.ts";
import { Db } from "../engine/db.ts";
import { listProblems } from "../engine/ingest/list-problems.ts";
import { formatNotice } from "../engine/ingest/notices.ts";
import { displayPath, formatProblem } from "../engine/ingest/problems.ts";
import { progress } from "../engine/progress.ts";
import { ingest, type TableSummary, withWarehouse } from "../engine/warehouse.ts";
import { type Args, parseArgs, runMain } from "./args.ts";

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["data", "config", "as-of", "limit"]);
  const config = loadConfig({ data: args.values.data, config: args.values.config, asOf: args.values["as-of"] });
  // Staging and the problem listing under one data lock: no other command re-stages in between.
  return withWarehouse(config, () => check(args, config));
});

async function check(args: Args, config: Config): Promise<number> {
  const limit = Number(args.values.limit ?? 1000);
  const log = progress("check");
  // A file that cannot be used is told at once, before the larger files (usage) are read.
  const result = await ingest(config, log, { onFileProblems: (ps) => { for (const p of ps) log(`${formatProblem(p)} (reading on)`); } });
  const db = await Db.open(result.dbPath, { ...config.duckdb, timeZone: config.timeZone, readOnly: true });
  let total = 0;
  try {
    for (const t of await listProblems(db, limit)) {
      for (const p of t.problems) console.log(formatProblem(p));
      total += t.total;
      if (t.total > t.problems.length) console.log(`… and ${t.total - t.problems.length} more problems in ${t.table} (--limit ${limit}; raise it to see them)`);
    }
  } finally {
    db.close();
  }
  // Problems with the folder (missing or doubled files) belong to no table's rows.
  for (const p of result.discovery) { console.log(formatProblem(p)); total++; }
  console.log("");
  console.log(summaryTable(result.tables));
  if (result.notices.length) console.log(`\n${result.notices.map(formatNotice).join("\n")}`);
  if (result.ignoredFiles.length) console.log(`\nignored (not a table of the contract): ${result.ignoredFiles.join(", ")}`);
  console.log(`\n${displayPath(config.dataDir)}: ${total === 0 ? "no problems" : `${total} problem${total === 1 ? "" : "s"}`}; as-of date ${result.asOf}`);
  return total === 0 ? 0 : 1;
}

/** The per-table summary: rows read = rows used + rows rejected. */
export function summaryTable(tables: TableSummary[]): string {
  const rows = [["table", "file", "rows read", "rejected", "used"]];
  for (const t of tables) {
    rows.push([t.table_name, t.file ?? "(absent)", fmt(t.rows_read), fmt(t.rows_rejected), fmt(t.rows_used)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  // A table with a file-level problem stages nothing: say so, or its zeros look like an empty file.
  const note = (i: number) => (i > 0 && tables[i - 1].unusable ? "  unusable: see the problem above" : "");
  return rows.map((r, j) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + note(j)).join("\n");
}

const fmt = (n: number) => n.toLocaleString("en-US");
