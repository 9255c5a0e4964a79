// The ARR bridge on an account basis on the Revenue page: the published arr_bridge rows of the slice the filters
// ask for, and the term warning. bridgeRates takes the account-basis rates of the formula table (metrics.js
// FAMILIES.bridge; docs/metrics.md § Revenue on an account basis); test/metrics/sql-rates.test.ts checks the SQL mart's.
import { FAMILIES, rates } from "./metrics.js";

/** The additive fields of revenue arr_bridge, in bridge order. */
export const BRIDGE_FIELDS = Object.keys(FAMILIES.bridge.facts);

/** Windows of the bridge, as published, with their labels. */
export const WINDOWS = [["year", "Calendar year"], ["quarter", "Calendar quarter"], ["month", "Month"], ["ttm", "Trailing 365 days"]];

/** Median term (days) under which cohort rates are per term, not annual (docs/metrics.md § Term warning). */
export const SHORT_TERM_DAYS = 300;

/**
 * The account-basis rates of bridge sums; for a month window also annualized (1 − (1 − churn)^12).
 * @param {Record<string, number>} s
 * @param {string} window
 * @returns {Record<string, number | null>}
 */
export function bridgeRates(s, window) {
  return rates(FAMILIES.bridge, s, { monthly: window === "month" });
}

/**
 * The published arr_bridge rows of the slice the filters ask for. The bridge is published for the whole book
 * and for each of segment, region and CSM on its own: with two or more chosen, the CSM (else the region) is used
 * and `note` says so.
 * @param {Record<string, any>[]} rows arr_bridge
 * @param {{segment?: string | null, region?: string | null, csm?: string | null}} owner
 * @returns {{rows: Record<string, any>[], label: string, note: string | null}}
 */
export function bridgeSlice(rows, owner) {
  const chosen = ["csm", "region", "segment"].filter((k) => owner[k] !== null && owner[k] !== undefined);
  if (!chosen.length) return { rows: rows.filter((r) => r.dimension === "all"), label: "", note: null };
  const [dim] = chosen;
  const names = { csm: "CSM", region: "region", segment: "segment" };
  return {
    rows: rows.filter((r) => r.dimension === dim && r.dimension_value === owner[dim]),
    label: `${names[dim]} ${owner[dim]}`,
    note: chosen.length > 1 ? `The account basis is published for one of segment, region or CSM at a time: shown for ${names[dim]} ${owner[dim]} alone.` : null,
  };
}

/**
 * The bridge rows of one window, oldest first, with their account-basis rates.
 * @param {Record<string, any>[]} rows arr_bridge rows of one slice
 * @param {string} window
 * @returns {Record<string, any>[]}
 */
export function bridgeSeries(rows, window) {
  // the rates are taken from the row's sums by the formula table, as every other figure of the site
  return rows.filter((r) => r.window === window).sort((a, b) => a.period_end.localeCompare(b.period_end))
    .map((r) => ({ ...r, ...bridgeRates(r, window) }));
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
