/**
 * SQL macros for figures that more than one model states, so each rule is written once (docs/metrics.md).
 * A macro reads no setting itself: callers pass `getvariable(...)` in their own SQL, so the setting stays part
 * of the model's fingerprint (variables.ts reads it from the model's text).
 */
import type { Db } from "./db.ts";

/**
 * `red_pie_verdict(scored, red_share, logo_churn_rate, flagged_churn, missed_churn_limit)`: the verdict on a red
 * pie in its fixed words, for the book view and the renewal view alike (docs/metrics.md § Risk). `scored`: the
 * slice has any health snapshot. Null when there is nothing to compare the pie with (no churn rate).
 */
export async function createFigureMacros(db: Db): Promise<void> {
  await db.run(`
    create or replace macro red_pie_verdict(scored, red_share, logo_churn_rate, flagged_churn, missed_churn_limit) as
      case
        when not scored then 'no health scores'
        when logo_churn_rate is null then null
        when red_share < logo_churn_rate then 'red under-calls churn'
        when 1 - flagged_churn > missed_churn_limit then 'red is big enough but misses most churn'
        else 'red covers churn'
      end;
  `);
}
