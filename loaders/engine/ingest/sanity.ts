/**
 * Warnings about figures that are computed correctly but are probably not
 * what the user meant: an as-of date far from the data, renewals overdue for
 * more than a year (a date typo, or renewals never marked resolved).
 */
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import type { TableSummary } from "../warehouse.ts";
import type { Notice } from "./notices.ts";

const YEAR_DAYS = 365;
const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

/** The sanity warnings for an as-of date over staged tables; `span`: the inputs' dates (table-stats.ts dataSpan). */
export async function sanityNotices(db: Db, config: Config, asOf: string, tables: TableSummary[],
  span: { lo: string | null; hi: string | null }): Promise<Notice[]> {
  const out: Notice[] = [];
  const setting = config.asOf ? "as-of date (asOf or --as-of)" : "as-of date";
  // The data's span, over the dates that cannot lie ahead (renewal dates are scheduled): as for the default as-of date.
  const latest = span.hi;
  const earliest = span.lo;
  if (latest && days(asOf, latest) > YEAR_DAYS) {
    out.push({ table: null, file: setting, column: null,
      message: `${asOf} is ${days(asOf, latest).toLocaleString("en-US")} days after the latest date in the inputs (${latest}); ages and overdue counts run to ${asOf}: check the date` });
  }
  if (earliest && asOf < earliest) {
    out.push({ table: null, file: setting, column: null,
      message: `${asOf} is before the earliest date in the inputs (${earliest}); most rows lie after it and count as not yet happened: check the date` });
  }
  const overdue = await db.one<{ n: number; oldest: string | null }>(`select count(distinct renewal_id) as n, min(renewal_date)::varchar as oldest
    from stg_renewals where resolved_date is null and renewal_date < $as_of::date - interval ${YEAR_DAYS} day`, { as_of: asOf });
  if (overdue && overdue.n > 0) {
    const file = tables.find((t) => t.table_name === "renewals")?.file ?? "renewals";
    out.push({ table: "renewals", file: `${config.dataDir}/${file}`, column: "resolved_date",
      message: `${overdue.n.toLocaleString("en-US")} unresolved renewal${overdue.n === 1 ? " is" : "s are"} overdue by more than ${YEAR_DAYS} days on ${asOf} ` +
        `(the oldest, due ${overdue.oldest}, by ${days(asOf, overdue.oldest!).toLocaleString("en-US")} days): fill in their resolved_date, or check the as-of date` });
  }
  return out;
}
