// Journey figures for any filter. Shares and medians come pre-computed per cohort × segment slice (they do not
// add up); the other tables are additive, so a filter sums their rows and then takes the ratios.
import { FAMILIES, formula, inPeriod, rate, ratio } from "./metrics.js";

/** The lifecycle stages in order, and how pages name them. */
export const STAGES = ["onboarded", "adopted", "first_value", "expanded", "renewed", "advocate"];

const LABELS = {
  not_onboarded: "Not onboarded", onboarded: "Onboarded", adopted: "Adopted", first_value: "First value",
  expanded: "Expanded", renewed: "Renewed", advocate: "Advocate",
  fast: "Fast", slow: "Slow", none: "Not reached", pending: "Too early to tell",
};

/** A stage or first value class as shown ("first_value" → "First value"). */
export function label(key) {
  return LABELS[key] ?? String(key);
}

/** Does a start quarter ("2025-Q1") fall in a cohort filter: null (all), a year ("2025") or that quarter (metrics.js inPeriod). */
export { inPeriod as inCohort };

/** Rows of a slice table (funnel, first_value) for one cohort and segment (null = all). */
export function slice(data, cohort, segment) {
  return data.filter((r) => r.cohort === (cohort ?? null) && r.segment === (segment ?? null));
}

/** Cohort filter choices from a slice table: all, then years, then quarters, newest first. */
export function cohortOptions(data) {
  const of = (type) => [...new Set(data.filter((r) => r.cohort_type === type).map((r) => r.cohort))].sort().reverse();
  return [[null, "All cohorts"], ...of("year").map((y) => [y, `${y} (year)`]), ...of("quarter").map((q) => [q, q])];
}

const sum = (data, f) => Math.round(data.reduce((s, r) => s + (r[f] ?? 0), 0) * 100) / 100;

/**
 * Retention at the first renewal per first value class, plus 'not_fast' (slow + none) for the comparison
 * the page makes, with the cohort formulas of metrics.js (logo retention, GRR, NRR).
 */
export function firstRenewalByClass(data) {
  /** @type {[string, string[]][]} */
  const groups = [["fast", ["fast"]], ["slow", ["slow"]], ["none", ["none"]], ["not_fast", ["slow", "none"]], ["pending", ["pending"]]];
  return groups.map(([cls, members]) => {
    const rows = data.filter((r) => members.includes(r.first_value_class));
    const s = {
      accounts: sum(rows, "accounts"), resolved_events: sum(rows, "resolved_events"), churned_events: sum(rows, "churned_events"),
      resolved: sum(rows, "resolved"), retained: sum(rows, "retained"), ending: sum(rows, "ending"),
    };
    return {
      first_value_class: cls, ...s,
      logo_retention: rate(formula(FAMILIES.cohort, "logo_retention_rate"), s),
      grr: rate(formula(FAMILIES.cohort, "grr"), s),
      nrr: rate(formula(FAMILIES.cohort, "nrr"), s),
    };
  });
}

/** Time-to-first-value bins summed over the rows a filter keeps: one row per bin and class. */
export function binTotals(data) {
  const by = new Map();
  for (const r of data) {
    const k = `${r.bin_start}|${r.first_value_class}`;
    const t = by.get(k) ?? { bin_start: r.bin_start, first_value_class: r.first_value_class, accounts: 0 };
    t.accounts += r.accounts;
    by.set(k, t);
  }
  return [...by.values()].sort((a, b) => a.bin_start - b.bin_start || a.first_value_class.localeCompare(b.first_value_class));
}

/**
 * Heatmap cells: per start quarter and month m, the sums of the rows kept (segments) and the three retention
 * rates. complete: every account of the cohort (in the rows kept) has reached month m.
 */
export function retentionCells(data) {
  const by = new Map();
  for (const r of data) {
    const k = `${r.start_quarter}|${r.months}`;
    const c = by.get(k) ?? { start_quarter: r.start_quarter, months: r.months, cohort_accounts: 0, observed: 0, active: 0, start_value: 0, value: 0, kept_value: 0 };
    for (const f of ["cohort_accounts", "observed", "active", "start_value", "value", "kept_value"]) c[f] += r[f];
    by.set(k, c);
  }
  return [...by.values()]
    .map((c) => {
      for (const f of ["start_value", "value", "kept_value"]) c[f] = Math.round(c[f] * 100) / 100;
      return {
        ...c,
        complete: c.observed === c.cohort_accounts,
        logo_retention: ratio(c.active, c.observed),
        revenue_retention: ratio(c.value, c.start_value),
        gross_revenue_retention: ratio(c.kept_value, c.start_value),
      };
    })
    .sort((a, b) => a.start_quarter.localeCompare(b.start_quarter) || a.months - b.months);
}

/** Kaplan–Meier S(t) of one curve (rows sorted by days) on day t: 1 before the first row. */
export function survivalAt(curve, days) {
  let s = 1;
  for (const r of curve) {
    if (r.days > days) break;
    s = r.survival;
  }
  return s;
}

/** Per curve (segment null = the book): S at 12, 24 and 36 months (365, 730, 1095 days), and who is still followed. */
export function survivalTable(curves) {
  const by = new Map();
  for (const r of curves) (by.get(r.segment) ?? by.set(r.segment, []).get(r.segment)).push(r);
  return [...by.entries()].map(([segment, curve]) => {
    const atRisk = (d) => curve.find((r) => r.days >= d)?.at_risk ?? 0;
    // nobody followed that long: the curve says nothing there
    const at = (d) => (atRisk(d) > 0 ? survivalAt(curve, d) : null);
    return {
      segment: segment ?? "All segments",
      accounts: curve[0]?.at_risk ?? 0,
      lost: curve.reduce((n, r) => n + r.events, 0),
      s12: at(365), at_risk_12: atRisk(365),
      s24: at(730), at_risk_24: atRisk(730),
      s36: at(1095), at_risk_36: atRisk(1095),
    };
  });
}
