// Revenue figures for any filter: sum the published fact rows, then take the rates of the formula table in
// metrics.js (FAMILIES.cohort and FAMILIES.ttm; docs/metrics.md § Revenue). The SQL marts revenue_cohort_rates
// and revenue_ttm_rates state the same formulas; test/metrics/sql-rates.test.ts checks every row they publish.
import { FAMILIES, rates, sumFacts, summarizeFacts } from "./metrics.js";

/** The facts (column names) of revenue cohort_facts and of ttm_facts. */
export const COHORT_FIELDS = Object.keys(FAMILIES.cohort.facts);
export const TTM_FIELDS = Object.keys(FAMILIES.ttm.facts);

/**
 * Σ of each field over rows, kept to the cent (see metrics.js sumFacts).
 * @param {Record<string, any>[]} rows
 * @param {string[]} [fields]
 * @returns {Record<string, number>}
 */
export function sumFields(rows, fields = COHORT_FIELDS) {
  return sumFacts(rows, { facts: Object.fromEntries(fields.map((f) => [f, f])), formulas: [] });
}

/**
 * Every cohort rate of docs/metrics.md § Revenue from cohort sums.
 * @param {Record<string, number>} s
 * @returns {Record<string, number | null>}
 */
export function cohortRates(s) {
  return rates(FAMILIES.cohort, s);
}

/**
 * Sums and rates of fact rows: one cohort (or, with family FAMILIES.ttm, one TTM window) for the current filters.
 * @param {Record<string, any>[]} rows
 * @param {{family?: import("./metrics.js").Family}} [options]
 * @returns {Record<string, any>}
 */
export function summarize(rows, { family = FAMILIES.cohort } = {}) {
  return summarizeFacts(rows, family);
}

/**
 * One summary per distinct value of `key` (e.g. per quarter), ordered by that value.
 * @param {Record<string, any>[]} rows
 * @param {string} key
 * @param {{family?: import("./metrics.js").Family}} [options]
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
  return seriesBy(rows, "month_end", { family: FAMILIES.ttm });
}
