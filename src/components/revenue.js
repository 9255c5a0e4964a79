// Revenue figures for any filter: sum the published fact rows, then take the
// ratios of docs/metrics.md § Revenue. The SQL mart revenue_cohort_rates uses the same
// definitions; test/revenue/rates.test.ts checks that both agree.

/** Counts in revenue cohort_facts. */
export const COUNT_FIELDS = ["events", "resolved_events", "churned_events", "unresolved_events", "overdue_events", "rip_replace_events"];

/** Money in revenue cohort_facts. */
export const MONEY_FIELDS = ["starting", "resolved", "full_loss", "partial_loss", "retained", "upsell", "cross_sell", "ending",
  "unresolved_value", "overdue_value", "rip_replace_loss", "rip_replace_cross_sell"];

/** The fields of revenue ttm_facts. */
export const TTM_FIELDS = ["resolved_events", "resolved", "churned_events", "full_loss", "partial_loss", "retained", "ending"];

/**
 * A ratio that is missing (null) when the denominator is 0, never 0 or NaN.
 * @param {number} num
 * @param {number | null | undefined} den
 * @returns {number | null}
 */
export function ratio(num, den) {
  return den === 0 || den === null || den === undefined ? null : num / den;
}

/**
 * Σ of each field over rows. Money is kept to the cent so that a sum does not
 * depend on the order of the rows (the published values have at most 2 decimals).
 * @param {Record<string, any>[]} rows
 * @param {string[]} [fields]
 * @returns {Record<string, number>}
 */
export function sumFields(rows, fields = [...COUNT_FIELDS, ...MONEY_FIELDS]) {
  const out = Object.fromEntries(fields.map((f) => [f, 0]));
  for (const r of rows) for (const f of fields) out[f] += r[f] ?? 0;
  for (const f of fields) out[f] = Math.round(out[f] * 100) / 100;
  return out;
}

/**
 * The retention rates of a set of sums (a cohort or a TTM window).
 * @param {Record<string, number>} s
 * @returns {Record<string, number | null>}
 */
export function retentionRates(s) {
  return {
    grr: ratio(s.retained, s.resolved),
    nrr: ratio(s.ending, s.resolved),
    revenue_churn_rate: ratio(s.full_loss + s.partial_loss, s.resolved),
    logo_churn_rate: ratio(s.churned_events, s.resolved_events),
  };
}

/**
 * Every cohort rate of docs/metrics.md § Revenue from cohort sums.
 * @param {Record<string, number>} s
 * @returns {Record<string, number | null>}
 */
export function cohortRates(s) {
  const r = retentionRates(s);
  return {
    resolution_rate: ratio(s.resolved, s.starting),
    grr: r.grr,
    expansion_rate: ratio(s.upsell + s.cross_sell, s.resolved),
    nrr: r.nrr,
    revenue_churn_rate: r.revenue_churn_rate,
    logo_churn_rate: r.logo_churn_rate,
    logo_retention_rate: r.logo_churn_rate === null ? null : 1 - r.logo_churn_rate,
  };
}

/**
 * Sums and rates of fact rows: one cohort (or TTM window) for the current filters.
 * @param {Record<string, any>[]} rows
 * @param {{fields?: string[], rates?: (s: Record<string, number>) => Record<string, number | null>}} [options]
 * @returns {Record<string, any>}
 */
export function summarize(rows, { fields, rates = cohortRates } = {}) {
  const s = sumFields(rows, fields);
  return { ...s, ...rates(s) };
}

/**
 * One summary per distinct value of `key` (e.g. per quarter), ordered by that value.
 * @param {Record<string, any>[]} rows
 * @param {string} key
 * @param {{fields?: string[], rates?: (s: Record<string, number>) => Record<string, number | null>}} [options]
 * @returns {Record<string, any>[]}
 */
export function seriesBy(rows, key, options = {}) {
  const groups = new Map();
  for (const r of rows) {
    if (!groups.has(r[key])) groups.set(r[key], []);
    groups.get(r[key]).push(r);
  }
  return [...groups.keys()].sort().map((k) => ({ [key]: k, ...summarize(groups.get(k), options) }));
}

/**
 * Summary of TTM fact rows per month end.
 * @param {Record<string, any>[]} rows
 * @returns {Record<string, any>[]}
 */
export function ttmSeries(rows) {
  return seriesBy(rows, "month_end", { fields: TTM_FIELDS, rates: retentionRates });
}
