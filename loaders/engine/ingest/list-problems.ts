/** Reads the problems recorded in a warehouse back out, located by file line. */
import { TABLE_NAMES, type TableName } from "../contract.ts";
import { type Db, ident, literal } from "../db.ts";
import type { Format } from "./discover.ts";
import { recordLines } from "./lines.ts";
import { csvQuotes } from "./load-raw.ts";
import type { Problem } from "./problems.ts";

/** Problems of one table, the first `limit` of them in file order, and how many there are in all. */
export interface TableProblems {
  table: TableName;
  problems: Problem[];
  total: number;
}

/** Every recorded problem (at most `limit` per table), with `{line:N}` references resolved. */
export async function listProblems(db: Db, limit = 1000): Promise<TableProblems[]> {
  const out: TableProblems[] = [];
  for (const table of TABLE_NAMES) {
    const meta = await db.one<{ path: string | null; format: string | null; malformed: number[]; fatal: string }>(
      `select path, format, malformed_lines as malformed, fatal::varchar as fatal from _3r_raw where table_name = ${literal(table)}`);
    if (!meta) continue;
    // File-level problems (none of the rows could be used); the rows' own problems are all in _rej_<table>.
    const early = (JSON.parse(meta.fatal) as Problem[]).filter((p) => p.line === null || p.line === 1);
    const rej = ident(`_rej_${table}`);
    const total = (await db.one<{ n: number }>(`select count(*) as n from ${rej}`))!.n;
    // A negative rec is a line the CSV reader rejected, by its record ordinal (header = 1): about line -rec.
    const rows = await db.rows<{ rec: number; column_name: string; expected: string; got: string }>(
      `select rec, column_name, expected, got from ${rej} order by case when rec < 0 then -rec - 2 else rec end, column_name
       limit ${Math.max(0, limit - early.length)}`);
    const refs = rows.flatMap((r) => [r.rec, ...[...r.got.matchAll(/\{line:(\d+)\}/g)].map((m) => Number(m[1]))]);
    const recs = refs.filter((r) => r >= 0);
    const ordinals = refs.filter((r) => r < 0).map((r) => -r);
    const needed = meta.path && refs.length;
    const quotes = needed && meta.format === "csv" ? await csvQuotes(db, meta.path!) : true;
    const maps = needed ? await recordLines(meta.path!, meta.format as Format, meta.malformed ?? [], recs, ordinals, quotes) : null;
    const lineOf = (rec: number) => (rec < 0 ? maps?.ordinals.get(-rec) ?? -rec : maps?.recs.get(rec) ?? rec + 2);
    const problems: Problem[] = [...early];
    for (const r of rows) {
      problems.push({
        table, file: meta.path ?? table, line: lineOf(r.rec), column: r.column_name || null, expected: r.expected,
        got: r.got.replace(/\{line:(\d+)\}/g, (_, n) => String(lineOf(Number(n)))),
      });
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (problems.length || total) out.push({ table, problems, total: total + early.length });
  }
  return out;
}
