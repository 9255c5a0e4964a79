/**
 * Checks every rate the SQL rate tables publish against the formula table of src/components/metrics.js: for each
 * published row (a group cell), sum the fact rows of that cell, take the formulas, and compare to 1e-12; the
 * summed facts must equal the row's own sums to the cent. Used on hand-made books and on the sample. The tables are
 * read from the warehouse, as the datasets select them, before the 12-significant-digit rounding of publishing
 * (which alone moves a rate above 1 by up to 5e-12).
 */
import { expect } from "vitest";
import type { Row } from "../../loaders/engine/db.ts";
import { FAMILIES, inPeriod, rates, sumFacts, type Family } from "../../src/components/metrics.js";
import { perCsm, verdictOf, withGroups } from "../../src/components/risk.js";

export type Table = (t: string) => Row[];
export type Counts = Record<string, number>;

/** The marts the datasets publish, by the name of their dataset table. */
const MARTS: Record<string, string> = {
  cohort_facts: "revenue_cohort_facts", cohort_rates: "revenue_cohort_rates", ttm_facts: "revenue_ttm_facts",
  ttm_rates: "revenue_ttm_rates", arr_bridge: "arr_bridge", arr_bridge_accounts: "arr_bridge_accounts",
  settings: "risk_settings", groups: "(select distinct group_id, segment, region, csm from int_account_groups)",
  renewals: "risk_renewal_counts", book: "risk_book_counts", renewal_verdicts: "renewal_verdicts",
  book_verdicts: "book_verdicts", csms: "risk_csm_calls",
};

/** Reads every mart the checks need from a warehouse. */
export async function readMarts(query: (sql: string) => Promise<Row[]>): Promise<Table> {
  const out: Record<string, Row[]> = {};
  for (const [name, from] of Object.entries(MARTS)) out[name] = await query(`select * from ${from}`);
  return (t) => out[t];
}

/** Equal to 1e-12, null only where the other is null. */
export function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (actual === null || expected === null || actual === undefined || expected === undefined) {
    expect(actual ?? null, where).toBe(expected ?? null);
    return;
  }
  expect(Math.abs((actual as number) - (expected as number)), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12);
}

/** The fact rows of one published cell: dimension 'all', or the rows whose segment, region or CSM is the value. */
function inSlice(r: Row, dimension: string, value: unknown): boolean {
  return dimension === "all" || r[dimension] === value;
}

/** Compares one published row with the formulas on its cell's facts; `sums` maps fact names to the row's columns. */
function checkCell(published: Row, facts: Row[], family: Family, where: string, sums: Record<string, string>, options = {}) {
  const s = sumFacts(facts, family);
  for (const [fact, column] of Object.entries(sums)) expect(Math.abs(s[fact] - (published[column] as number)), `${where} Σ ${fact}`).toBeLessThan(0.005);
  const computed = rates(family, s, options);
  for (const f of family.formulas) if (f.key in published) expectClose(computed[f.key], published[f.key], `${where} ${f.key}`);
  return { ...s, ...computed };
}

const identity = (family: Family, except: string[] = []) =>
  Object.fromEntries(Object.keys(family.facts).filter((k) => !except.includes(k)).map((k) => [k, k]));

/** revenue cohort_rates and ttm_rates against cohort_facts and ttm_facts. Returns the cells checked. */
export function checkRevenue(table: Table): Counts {
  const facts = table("cohort_facts");
  const cohort = table("cohort_rates");
  for (const r of cohort) {
    const cell = facts.filter((f) => f.period_type === r.period_type && f.period === r.period && inSlice(f, r.dimension as string, r.dimension_value));
    checkCell(r, cell, FAMILIES.cohort, `cohort ${r.period} ${r.dimension}=${r.dimension_value}`, identity(FAMILIES.cohort));
  }
  const ttmFacts = table("ttm_facts");
  const ttm = table("ttm_rates");
  for (const r of ttm) {
    const cell = ttmFacts.filter((f) => f.month_end === r.month_end && inSlice(f, r.dimension as string, r.dimension_value));
    checkCell(r, cell, FAMILIES.ttm, `ttm ${r.month_end} ${r.dimension}=${r.dimension_value}`, identity(FAMILIES.ttm));
  }
  return { cohort_rates: cohort.length, ttm_rates: ttm.length };
}

/** arr_bridge against the per-account rows of the mart arr_bridge_accounts. */
export function checkBridge(table: Table): Counts {
  const accounts = table("arr_bridge_accounts");
  const bridge = table("arr_bridge");
  for (const r of bridge) {
    // the whole-book rows are named 'all' in arr_bridge
    const cell = accounts.filter((a) => a.window === r.window && a.period_end === r.period_end && inSlice(a, r.dimension as string, r.dimension_value));
    checkCell(r, cell, FAMILIES.bridge, `bridge ${r.window} ${r.period_end} ${r.dimension}=${r.dimension_value}`, identity(FAMILIES.bridge), { monthly: r.window === "month" });
  }
  return { arr_bridge: bridge.length };
}

/** risk renewal_verdicts, book_verdicts and csms (risk_csm_calls) against the renewals and book count rows. */
export function checkRisk(table: Table): Counts {
  const settings = table("settings")[0];
  const limit = settings.risk_missed_churn_limit as number;
  const groups = table("groups");
  const renewals: Row[] = withGroups(table("renewals"), groups);
  const book: Row[] = withGroups(table("book"), groups);
  const atLookback: Row[] = renewals.filter((r) => r.lookback_days === settings.lookback_days);
  const renewalVerdicts = table("renewal_verdicts");
  for (const r of renewalVerdicts) {
    const cohort = r.cohort === "all" ? null : (r.cohort as string);
    const cell = atLookback.filter((f) => inPeriod(f.renewal_quarter as string, cohort) && inSlice(f, r.dimension as string, r.dimension_value));
    const where = `renewal view ${r.cohort} ${r.dimension}=${r.dimension_value}`;
    const s = checkCell(r, cell, FAMILIES.renewal_view, where, { events: "events", red: "red_events", churned: "churned", churned_red: "churned_red" });
    expect(r.verdict, `${where} verdict`).toBe(verdictOf(s, limit));
  }
  const bookVerdicts = table("book_verdicts");
  for (const r of bookVerdicts) {
    const cell = book.filter((f) => f.quarter_start === r.quarter_start && inSlice(f, r.dimension as string, r.dimension_value));
    const where = `book view ${r.quarter_start} ${r.dimension}=${r.dimension_value}`;
    const s = checkCell(r, cell, FAMILIES.book_view, where, { accounts: "active_accounts", red_accounts: "red_accounts", events: "resolved", churned: "churned", churned_red: "churned_red" });
    expect(r.verdict, `${where} verdict`).toBe(r.closed ? verdictOf(s, limit) : null);
  }
  const calls = table("csms");
  for (const r of calls) {
    const cell = renewals.filter((f) => f.lookback_days === r.lookback_days && f.csm === r.csm);
    checkCell(r, cell, FAMILIES.renewal_view, `CSM ${r.csm} at ${r.lookback_days} days`, { events: "events", red: "red_events", churned: "churned", churned_red: "churned_red" });
    // the page's under-calling rule (perCsm) on all of that lookback's renewals
    const page = perCsm(renewals.filter((f) => f.lookback_days === r.lookback_days), settings.under_call_min_events as number, limit)
      .find((c) => c.csm === r.csm);
    expect(r.under_calling, `CSM ${r.csm} at ${r.lookback_days} days under-calling`).toBe(page?.under_calling);
  }
  return { renewal_verdicts: renewalVerdicts.length, book_verdicts: bookVerdicts.length, csm_calls: calls.length };
}
