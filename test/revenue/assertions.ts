/**
 * Data tests of the revenue marts, dbt style: each query selects the rows that
 * break a rule, so a passing test returns no rows. Run against any staged
 * warehouse (hand-made files and the sample book).
 */
import type { Row } from "../../loaders/engine/db.ts";

/** One rule: a name and a query returning its violations. */
export interface Assertion {
  name: string;
  sql: string;
}

/** The identities of the waterfall, for a table with these sums. */
function identities(table: string, withStarting: boolean): Assertion[] {
  const a: Assertion[] = [
    { name: `${table}: retained + upsell + cross_sell = ending`, sql: `select * from ${table} where retained + upsell + cross_sell <> ending` },
    { name: `${table}: full_loss + partial_loss + retained = resolved`, sql: `select * from ${table} where full_loss + partial_loss + retained <> resolved` },
    { name: `${table}: churned_events ≤ resolved_events`, sql: `select * from ${table} where churned_events > resolved_events` },
    { name: `${table}: no negative part`, sql: `select * from ${table} where least(resolved, full_loss, partial_loss, retained, ending) < 0` },
  ];
  if (!table.includes("ttm")) a.push({ name: `${table}: no negative expansion`, sql: `select * from ${table} where least(upsell, cross_sell) < 0` });
  if (withStarting) {
    a.push(
      { name: `${table}: resolved ≤ starting`, sql: `select * from ${table} where resolved > starting` },
      { name: `${table}: unresolved_value = starting − resolved`, sql: `select * from ${table} where unresolved_value <> starting - resolved` },
      { name: `${table}: resolved_events + unresolved_events = events`, sql: `select * from ${table} where resolved_events + unresolved_events <> events` },
      { name: `${table}: overdue within unresolved`, sql: `select * from ${table} where overdue_events > unresolved_events or overdue_value > unresolved_value` },
    );
  }
  return a;
}

/** A rate is null exactly when its denominator is 0, and never NaN or infinite. */
function rateRule(table: string, rate: string, denominator: string): Assertion {
  return {
    name: `${table}: ${rate} is null iff ${denominator} = 0`,
    sql: `select * from ${table}
      where (${denominator} = 0) <> (${rate} is null) or isnan(${rate}) or isinf(${rate})`,
  };
}

/** Every rule on the revenue marts. */
export const ASSERTIONS: Assertion[] = [
  ...identities("revenue_cohort_facts", true),
  ...identities("revenue_cohort_rates", true),
  ...identities("revenue_ttm_facts", false).filter((a) => !a.name.includes("upsell")),
  ...identities("revenue_ttm_rates", false).filter((a) => !a.name.includes("upsell")),
  {
    name: "revenue_ttm_facts: ending ≥ retained (expansion is never negative)",
    sql: `select * from revenue_ttm_facts where ending < retained`,
  },
  {
    name: "revenue_cohort_facts: one row per key",
    sql: "select period_type, period, segment, region, csm, count(*) from revenue_cohort_facts group by all having count(*) > 1",
  },
  {
    name: "revenue_cohort_facts: each period type holds every event exactly once",
    sql: `with e as (select count(*) as n, sum(arr_before) as v, sum(ending) as ending from int_renewal_events)
      select f.period_type, sum(f.events), sum(f.starting), sum(f.ending) from revenue_cohort_facts as f, e
      group by f.period_type, e.n, e.v, e.ending having sum(f.events) <> e.n or sum(f.starting) <> e.v or sum(f.ending) <> e.ending`,
  },
  {
    name: "revenue_cohort_rates: each slice sums to the whole book",
    sql: `select period_type, period, dimension from revenue_cohort_rates as r
      group by period_type, period, dimension
      having sum(starting) <> (select starting from revenue_cohort_rates as a where a.dimension = 'all' and a.period_type = r.period_type and a.period = r.period)
        or sum(ending) <> (select ending from revenue_cohort_rates as a where a.dimension = 'all' and a.period_type = r.period_type and a.period = r.period)`,
  },
  ...[["resolution_rate", "starting"], ["grr", "resolved"], ["expansion_rate", "resolved"], ["nrr", "resolved"],
    ["revenue_churn_rate", "resolved"], ["logo_churn_rate", "resolved_events"], ["logo_retention_rate", "resolved_events"]]
    .map(([r, d]) => rateRule("revenue_cohort_rates", r, d)),
  ...[["grr", "resolved"], ["nrr", "resolved"], ["revenue_churn_rate", "resolved"], ["logo_churn_rate", "resolved_events"]]
    .map(([r, d]) => rateRule("revenue_ttm_rates", r, d)),
  {
    name: "revenue_cohort_rates: revenue churn = 1 − GRR",
    sql: "select * from revenue_cohort_rates where abs(revenue_churn_rate - (1 - grr)) > 1e-12",
  },
  {
    name: "rip_and_replace_renewals: retained, with partial loss and cross-sell",
    sql: "select * from rip_and_replace_renewals where partial_loss <= 0 or cross_sell <= 0 or ending <= 0 or resolved_date > getvariable('as_of')",
  },
  {
    name: "rip_and_replace_renewals: as many as the facts count",
    sql: `select * from (select sum(rip_replace_events) as n, sum(rip_replace_loss) as loss, sum(rip_replace_cross_sell) as cs from revenue_cohort_facts where period_type = 'year')
      where n <> (select count(*) from rip_and_replace_renewals) or loss <> (select coalesce(sum(partial_loss), 0) from rip_and_replace_renewals)
        or cs <> (select coalesce(sum(cross_sell), 0) from rip_and_replace_renewals)`,
  },
  {
    name: "overdue_renewals: as many as the facts count, all past due",
    sql: `select * from (select sum(overdue_events) as n, sum(overdue_value) as v from revenue_cohort_facts where period_type = 'year')
      where n <> (select count(*) from overdue_renewals) or v <> (select coalesce(sum(value), 0) from overdue_renewals)
        or exists (select 1 from overdue_renewals where days_overdue <= 0)`,
  },
];

/** Runs every assertion; returns the names of those that failed, with a few offending rows each. */
export async function failedAssertions(query: (sql: string) => Promise<Row[]>): Promise<string[]> {
  const failed: string[] = [];
  for (const a of ASSERTIONS) {
    const bad = await query(a.sql);
    if (bad.length) failed.push(`${a.name}: ${bad.length} row(s), e.g. ${JSON.stringify(bad.slice(0, 2))}`);
  }
  return failed;
}
