// The ARR bridge on an account basis for any filter: sum the published arr_bridge_facts rows, then take the
// ratios of METRICS.md § Revenue on an account basis. The SQL mart arr_bridge uses the same definitions;
// test/revenue/arr-bridge.test.ts checks that both agree on every row.
import { ratio, sumFields } from "./revenue.js";

/** The additive fields of revenue arr_bridge_facts, in bridge order. */
export const BRIDGE_FIELDS = ["starting_logos", "churned_logos", "starting_arr", "churned_arr", "contraction", "expansion",
  "cross_sell", "new_arr", "reactivation", "ending_arr"];

/** Windows of the bridge, as published, with their labels. */
export const WINDOWS = [["year", "Calendar year"], ["quarter", "Calendar quarter"], ["month", "Month"], ["ttm", "Trailing 365 days"]];

/** Median term (days) under which cohort rates are per term, not annual (METRICS.md § Term warning). */
export const SHORT_TERM_DAYS = 300;

/**
 * The account-basis rates of bridge sums; for a month window also annualized (1 − (1 − churn)^12).
 * @param {Record<string, number>} s
 * @param {string} window
 * @returns {Record<string, number | null>}
 */
export function bridgeRates(s, window) {
  const grr = ratio(s.starting_arr - s.churned_arr - s.contraction, s.starting_arr);
  const nrr = ratio(s.starting_arr - s.churned_arr - s.contraction + s.expansion + s.cross_sell, s.starting_arr);
  const logo = ratio(s.churned_logos, s.starting_logos);
  const monthly = window === "month";
  return {
    logo_churn_rate: logo,
    grr,
    nrr,
    logo_churn_rate_annualized: monthly && logo !== null ? 1 - (1 - logo) ** 12 : null,
    grr_annualized: monthly && grr !== null ? grr ** 12 : null,
    nrr_annualized: monthly && nrr !== null ? nrr ** 12 : null,
  };
}

/**
 * One bridge per period end of a window, for already-filtered fact rows, oldest first.
 * @param {Record<string, any>[]} rows
 * @param {string} window
 * @returns {Record<string, any>[]}
 */
export function bridgeSeries(rows, window) {
  const groups = new Map();
  for (const r of rows) {
    if (r.window !== window) continue;
    if (!groups.has(r.period_end)) groups.set(r.period_end, []);
    groups.get(r.period_end).push(r);
  }
  return [...groups.keys()].sort().map((end) => {
    const s = sumFields(groups.get(end), BRIDGE_FIELDS);
    return { window, period_end: end, ...s, ...bridgeRates(s, window) };
  });
}

/**
 * Whether the revenue record's terms are short enough that cohort rates are per term, and the sentence saying so.
 * @param {{basis: string, median_term_days: number | null} | undefined} term
 * @returns {{short: boolean, text: string | null}}
 */
export function termWarning(term) {
  if (!term || term.median_term_days === null || term.median_term_days >= SHORT_TERM_DAYS) return { short: false, text: null };
  return {
    short: true,
    text: `The median term of the ${term.basis} is ${Math.round(term.median_term_days)} days, under ${SHORT_TERM_DAYS}: a renewal ` +
      "cohort counts every term as a renewal, so its churn rates are per term, not per year. Read the account basis first: " +
      "who held ARR at the start of a window and still holds it at its end.",
  };
}
