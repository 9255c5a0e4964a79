/**
 * What every ingest reports of each staged table (rows rejected and used, the main date's range, the latest
 * date the default as-of date is taken from), kept in `_3r_stats` with the fingerprint of the steps it was
 * counted from. Counting means reading the table: for usage, 100M rows through the stg_usage view, on every
 * build even when nothing changed. Kept, a table is counted again only when its staging step was rebuilt.
 */
import { CONTRACT, TABLE_NAMES, type TableName } from "./contract.ts";
import { type Db, ident, literal } from "./db.ts";
import { hash } from "./fingerprint.ts";

/** The main date column of each table, for date ranges. */
export const DATE_COLUMN: Partial<Record<TableName, string>> = {
  accounts: "customer_since", renewals: "renewal_date", subscriptions: "start_date", health: "as_of", usage: "date",
  touches: "date", tickets: "opened_at", nps: "responded_at", milestones: "reached_at",
};

/** One table's figures. */
export type TableStats = {
  rejected: number;
  used: number;
  /** Range of the main date column (null without one, or without rows). */
  lo: string | null;
  hi: string | null;
  /** The earliest and latest dates in its columns that may not lie in the future (renewal dates are scheduled ahead). */
  earliest: string | null;
  latest: string | null;
};

/** Each table's figures, counting again only the tables whose `_rej_` or `stg_` step changed (`fps`: the ingest's fingerprints). */
export async function tableStats(db: Db, fps: Record<string, string>): Promise<Map<TableName, TableStats>> {
  await db.run(`create table if not exists _3r_stats (table_name varchar primary key, fingerprint varchar,
    rejected bigint, used bigint, lo date, hi date, earliest date, latest date)`);
  const stored = new Map((await db.rows<{ t: string; fp: string }>("select table_name as t, fingerprint as fp from _3r_stats")).map((r) => [r.t, r.fp]));
  for (const table of TABLE_NAMES) {
    const fp = hash("stats", fps[`_rej_${table}`] ?? null, fps[`stg_${table}`] ?? null);
    if (stored.get(table) === fp) continue;
    const dc = DATE_COLUMN[table];
    const past = CONTRACT[table].columns.filter((c) => c.kind === "date" && !c.futureAllowed).map((c) => ident(c.name));
    const over = (f: string) => (past.length ? `${f === "min" ? "least" : "greatest"}(${past.map((c) => `${f}(${c})`).join(", ")})` : "null");
    // Lines the CSV reader rejected are in _rej_<table> too (negative recs); a row with several faults counts once.
    await db.run(`insert or replace into _3r_stats
      select ${literal(table)}, ${literal(fp)}, (select count(distinct rec) from ${ident(`_rej_${table}`)}), count(*),
        ${dc ? `min(${ident(dc)}), max(${ident(dc)})` : "null, null"}, ${over("min")}, ${over("max")}
      from ${ident(`stg_${table}`)}`);
  }
  const rows = await db.rows<{ t: TableName } & TableStats>(`select table_name as t, rejected, used, lo::varchar as lo, hi::varchar as hi,
    earliest::varchar as earliest, latest::varchar as latest from _3r_stats`);
  return new Map(rows.map(({ t, ...s }) => [t, s]));
}

/** The earliest and latest dates in the inputs, renewal dates aside (null when they hold none). */
export function dataSpan(stats: Map<TableName, TableStats>): { lo: string | null; hi: string | null } {
  const sorted = (k: "earliest" | "latest") => [...stats.values()].map((s) => s[k]).filter((d): d is string => d !== null).sort();
  return { lo: sorted("earliest")[0] ?? null, hi: sorted("latest").at(-1) ?? null };
}
