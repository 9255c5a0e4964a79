// Helpers of the Revenue page that are not figures: the cohort picker and table columns.
import { int, money, pct } from "./format.js";

/** @param {Record<string, any>} a @param {Record<string, any>} b */
const byPeriodDesc = (a, b) => b.period.localeCompare(a.period);

/**
 * Cohort choices from revenue `periods`: years, then quarters, newest first, marking those still running.
 * @param {Record<string, any>[]} periods
 * @returns {[string, string][]}
 */
export function periodOptions(periods) {
  /** @param {Record<string, any>} p */
  const label = (p) => `${p.period_type === "year" ? `${p.period} (year)` : p.period}${p.is_closed ? "" : p.contains_as_of ? " — in progress" : " — upcoming"}`;
  const ordered = [...periods.filter((p) => p.period_type === "year").sort(byPeriodDesc), ...periods.filter((p) => p.period_type === "quarter").sort(byPeriodDesc)];
  return ordered.map((p) => [p.period, label(p)]);
}

/**
 * The latest year ended by the as-of date (as on the Risk page), else the year holding it, else the first period.
 * @param {Record<string, any>[]} periods
 * @returns {string | null}
 */
export function defaultPeriod(periods) {
  const years = periods.filter((p) => p.period_type === "year").sort(byPeriodDesc);
  return (years.find((p) => p.is_closed) ?? years.find((p) => p.contains_as_of) ?? years[0] ?? periods[0])?.period ?? null;
}

/**
 * Table columns for cohort summaries (first column: the period).
 * @param {string} currency
 */
export function cohortColumns(currency) {
  /** @param {number} v */
  const m = (v) => money(v, currency, { compact: false });
  return [
    // a non-breaking hyphen keeps "2025-Q1" on one line (the CSV keeps the plain value)
    { key: "period", label: "cohort", format: (/** @type {string} */ v) => v.replace("-", "\u2011") },
    { key: "events", label: "renewals", num: true, format: int },
    { key: "starting", label: "starting", num: true, format: m },
    { key: "unresolved_value", label: "unresolved", num: true, format: m },
    { key: "resolved", label: "resolved", num: true, format: m },
    { key: "full_loss", label: "full loss", num: true, format: m },
    { key: "partial_loss", label: "partial loss", num: true, format: m },
    { key: "retained", label: "retained", num: true, format: m },
    { key: "upsell", label: "upsell", num: true, format: m },
    { key: "cross_sell", label: "cross-sell", num: true, format: m },
    { key: "ending", label: "ending", num: true, format: m },
    { key: "resolution_rate", label: "resolution", num: true, format: pct },
    { key: "grr", label: "GRR", num: true, format: pct },
    { key: "expansion_rate", label: "expansion", num: true, format: pct },
    { key: "nrr", label: "NRR", num: true, format: pct },
    { key: "revenue_churn_rate", label: "revenue churn", num: true, format: pct },
    { key: "resolved_events", label: "resolved renewals", num: true, format: int },
    { key: "churned_events", label: "lost logos", num: true, format: int },
    { key: "logo_churn_rate", label: "logo churn", num: true, format: pct },
    { key: "logo_retention_rate", label: "logo retention", num: true, format: pct },
    { key: "overdue_events", label: "overdue", num: true, format: int },
    { key: "overdue_value", label: "overdue value", num: true, format: m },
  ];
}
